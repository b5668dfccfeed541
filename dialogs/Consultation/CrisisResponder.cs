using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// The crisis path (docs/crisis.md). A high or critical message is answered in the same turn, whatever
/// dialog is running, with the fixed, reviewed template of its harm (<see cref="HarmClassifier"/>): the
/// first line is the action to take now, then the services that fit, then a safety check with buttons.
/// The full block is sent once per episode (<see cref="CrisisEpisode"/>); later danger messages get a
/// short reminder and only what is new (a new harm's template). While the episode is open, answers to
/// the safety check and worries (symptoms, 「親にばれる」, 「お金ない」, 「電話できない」) get their own
/// answer, so no message after a crisis goes unanswered. Nothing here is generated and nothing waits on
/// anything slow: the directory is in memory and the handoff request is one store write.
/// </summary>
public sealed class CrisisResponder(BotTexts texts, SupportDirectory directory, ServiceCards cards, HumanRequests humans, TimeProvider clock, ChatSupport.Domain.Telemetry.ChatSupportTelemetry? telemetry = null)
{
    private readonly AdviceAnswers _advice = new(texts);

    private readonly SupportRouter _router = new(directory);

    /// <summary>Night in Japan time: the 24-hour text services are offered beside the phone lines.</summary>
    private static readonly (int From, int To) NightHours = (21, 7);

    private readonly Acknowledgements _acks = new(texts);

    public WaitingReplies Waiting { get; } = new(texts, clock);

    /// <summary>
    /// The crisis path for one message: danger gets the crisis reply; inside an open episode, answers and
    /// worries get theirs. Returns false when the message is not the crisis path's to answer.
    /// </summary>
    public async Task<bool> HandleAsync(ITurnContext turnContext, RiskAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var now = clock.GetUtcNow();
        var profile = ConsultationProfile.For(turnContext);
        var episode = profile.Crisis;
        var inEpisode = episode is not null && episode.IsOpen(now) && (episode.CheckPending || episode.InFollowUp(now));
        if (assessment.Level < RiskLevel.High && DyingAnswerPending(turnContext, profile))
        {
            return false; // The answer to the direct question about dying: the listener reads it.
        }

        if (assessment.Level >= RiskLevel.High)
        {
            // The cues are read here only for a model-only raise inside an episode, and then passed on, not read again.
            var answers = inEpisode && RaisedOnlyByTheModel(assessment) ? CuesOf(turnContext) : CrisisCue.None;
            if ((answers & AnswersInAnEpisode) != 0)
            {
                return await FollowUpAsync(turnContext, episode!, answers, cancellationToken).ConfigureAwait(false);
            }

            await RespondAsync(turnContext, assessment, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return inEpisode && await FollowUpAsync(turnContext, episode!, CuesOf(turnContext), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Answers inside an open episode that the learned backstop alone may raise (袋に入れて兄貴に預けてくる read high and
    /// "abuse" by the model): read as the answer they are, not as a new harm with its own block.
    /// </summary>
    private const CrisisCue AnswersInAnEpisode = CrisisCue.MeansAway | CrisisCue.NotTaken | CrisisCue.Safe | CrisisCue.AtHome
        | CrisisCue.CalledHelp | CrisisCue.WillCall | CrisisCue.NoPlan | CrisisCue.TellsAdult;

    /// <summary>Whether only the learned backstop raised the level (no lexicon rule or entry of high or critical).</summary>
    private static bool RaisedOnlyByTheModel(RiskAssessment assessment) =>
        assessment.Rules.Count > 0 && assessment.Rules.All(r => r.StartsWith("model_", StringComparison.Ordinal))
        && !assessment.Matches.Any(m => m.Level >= RiskLevel.High);

    /// <summary>A high or critical message: the harm's full block once per episode, else a reminder and what is new.</summary>
    public async Task RespondAsync(ITurnContext turnContext, RiskAssessment assessment, CancellationToken cancellationToken)
    {
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        var now = clock.GetUtcNow();
        var cues = CuesOf(turnContext);
        var harm = HarmClassifier.Classify(assessment, cues);
        var episode = profile.Crisis is { } open && open.IsOpen(now) ? open : null;
        var critical = assessment.Level >= RiskLevel.Critical;
        if (harm == CrisisHarm.General && !critical && assessment.HasCue(NoShelter) && assessment.HasCue(RiskCueClasses.ActorFamily)
            && !assessment.Categories.Contains(SupportCategory.Suicidal) && !assessment.Categories.Contains(SupportCategory.SelfHarm)
            && (profile.Age is < 18 || (profile.Age is null && (profile.AgeBand is null || profile.AgeBand.Value.IsChild()))))
        {
            // Put out of the house by a parent (義理の父に外に出された。上着なし), not known to be an adult: a child shut out is
            // the child-abuse reply (110 if in danger, 189), and the cold or nowhere to go is answered in it.
            harm = CrisisHarm.Abuse;
        }

        if (harm == CrisisHarm.Dv && profile.Age is not >= 18 && profile.AgeBand is not (AgeBand.YoungAdult or AgeBand.Adult)
            && CrisisCues.NamesParentsPartner(turnContext.Activity.Text))
        {
            // Hit by a parent's partner (お母さんの彼氏にたたかれた), not known to be an adult: an adult of the household hurting a
            // child is the child-abuse reply (189), not the partner-violence line.
            harm = CrisisHarm.Abuse;
        }

        if (harm == CrisisHarm.Abuse && Acknowledgements.IsKnownAdult(profile) && !assessment.HasCue(RiskCueClasses.ActorSchool) && !assessment.HasCue(RiskCueClasses.ActorWork))
        {
            // Someone known to be 18 or over (a university student not eating since yesterday, 親にまだ言ってない): the
            // child-abuse line (189) is for children; the general reply, with the lines for any age.
            harm = CrisisHarm.General;
        }

        if (harm == CrisisHarm.Abuse && !assessment.HasCue(RiskCueClasses.ActorFamily) && !Acknowledgements.IsKnownChild(profile)
            && (profile.Risk.RecentMessages ?? []).Any(m => m.CueClasses.Contains(RiskCueClasses.ActorPartner)))
        {
            // A husband or partner named earlier (旦那のことなんじゃけど), then violence told without naming him
            // (殴られたりはたまに): partner violence, not the child-abuse line.
            harm = CrisisHarm.Dv;
        }

        if (harm == CrisisHarm.Overdose && cues.HasFlag(CrisisCue.NotTaken) && !cues.HasFlag(CrisisCue.TookMedicine) && !cues.HasFlag(CrisisCue.AlreadyDid))
        {
            // 「まだ飲んでない。30錠くらい」: pills counted but not swallowed — the step is to put them away, not "tell 119 what you
            // took" (p23).
            harm = CrisisHarm.PlanOrAttempt;
            cues |= CrisisCue.MeansAtHand;
        }

        // Danger now with no harm of its own (いまトイレ。ドア叩きよる read critical, no category, no place or means).
        var bareDanger = harm == CrisisHarm.General || (harm == CrisisHarm.PlanOrAttempt && !assessment.Situations.Any(s => s is CrisisSituations.PlaceOfDanger
            or CrisisSituations.MethodUnderWay or CrisisSituations.Means or CrisisSituations.Finality or CrisisSituations.Overdose));
        if (bareDanger && (!critical || episode?.CurrentHarm.IsViolence() == true) && episode is not null && episode.CurrentHarm != CrisisHarm.General
            && (harm == CrisisHarm.General || episode.CurrentHarm.IsViolence())
            && !assessment.Categories.Contains(SupportCategory.Suicidal) && !assessment.Categories.Contains(SupportCategory.SelfHarm))
        {
            // The same story going on (夫に殴られた…, then 逃げたいけど泊まる場所もない): answered within its harm — what the
            // message says (nowhere to go, cannot call) — not as a new, general crisis. Violence going on is folded in even
            // when it is danger now (いまトイレ。ドア叩きよる: stay locked in, 110 — not the words-of-dying reply, p21).
            // Words of dying are never folded in.
            harm = episode.CurrentHarm;
        }

        if (episode is not null && episode.CurrentHarm == CrisisHarm.FriendInDanger
            && harm is CrisisHarm.Overdose or CrisisHarm.PlanOrAttempt or CrisisHarm.General or CrisisHarm.SelfHarm
            && !cues.HasFlag(CrisisCue.TookMedicine) && !CrisisCues.SpeaksOfSelf(turnContext.Activity.Text))
        {
            // Worried about a friend, then more about the friend (お母さんの薬こっそりためてるって言われた): still the
            // friend's danger, answered to the helper — not "call 119 and say what you took". Words of the writer's own
            // (私も, 自分も) make it theirs.
            harm = CrisisHarm.FriendInDanger;
        }

        if (episode is null && harm.IsWordsOfDying() && profile.AboutSomeoneElseAt is { } about && profile.Messages - about <= 1
            && !CrisisCues.SpeaksOfSelf(turnContext.Activity.Text))
        {
            // 「友達のことなんだけど」, then 「ストーリーに『今までありがとう』って真っ黒の画像上げてて、既読にならない」: the farewell is
            // the friend's, answered to the helper — not "your life matters" and the last-goodbye reply to the writer (p22).
            harm = CrisisHarm.FriendInDanger;
        }

        // Standing at a dangerous place now (ホームの黄色い線の外側, 橋の手すりの外): the one step to take there, every time.
        var atPlace = harm is CrisisHarm.PlanOrAttempt or CrisisHarm.General
            && assessment.Situations.Contains(CrisisSituations.PlaceOfDanger, StringComparer.Ordinal);
        var newHarm = episode is null || !episode.Harms.Contains(harm.ToWire());
        // Pills saved up or a blade at hand, nothing taken (薬ためてた。いま枕元にある): the one step is to move them away.
        var meansAtHand = !harm.IsViolence() && harm is not (CrisisHarm.Overdose or CrisisHarm.FriendInDanger)
            && !cues.HasFlag(CrisisCue.AlreadyDid) && !cues.HasFlag(CrisisCue.TookMedicine)
            && (cues.HasFlag(CrisisCue.MeansAtHand)
                || (assessment.Situations.Contains(CrisisSituations.Means, StringComparer.Ordinal) && !assessment.HasCue(RiskCueClasses.Ingestion)));
        if (meansAtHand && (cues & (CrisisCue.NotTaken | CrisisCue.MeansAway)) == 0 && (cues.HasFlag(CrisisCue.MeansAtHand) || episode?.MeansAnswered != true))
        {
            // Said in words (いま枕元にある) every time; read only from the situation (薬ためてる), once an episode.
            cues |= CrisisCue.MeansAtHand;
        }
        else
        {
            cues &= ~CrisisCue.MeansAtHand;
        }

        var bySchool = harm == CrisisHarm.Abuse && assessment.HasCue(RiskCueClasses.ActorSchool) && !assessment.HasCue(RiskCueClasses.ActorFamily);
        // Violence by a boss or someone at work, not family or school: not the child-abuse line (189), which is for children.
        var byWork = harm == CrisisHarm.Abuse && assessment.HasCue(RiskCueClasses.ActorWork)
            && !assessment.HasCue(RiskCueClasses.ActorFamily) && !assessment.HasCue(RiskCueClasses.ActorSchool);

        // Violence now from a partner named here or earlier (彼が飲み会から帰ってきて機嫌悪い, then いまトイレにこもってる), by
        // someone not known to be a child: the adults' wording and the partner-violence line, not "a child can say…" and 189.
        var byPartner = harm == CrisisHarm.ViolenceNow && !Acknowledgements.IsKnownChild(profile)
            && (assessment.HasCue(RiskCueClasses.ActorPartner) || (profile.Risk.RecentMessages ?? []).Any(m => m.CueClasses.Contains(RiskCueClasses.ActorPartner)));

        if (episode is null)
        {
            episode = new CrisisEpisode { StartedAt = now };
            profile.Crisis = episode;
            await turnContext.SendActivityAsync(Block(turnContext, harm, critical, withEmergency: true, bySchool, byWork, byPartner), cancellationToken).ConfigureAwait(false);
            telemetry?.CrisisReplySent(assessment.Level, harm.ToWire());
            await AfterBlockAsync(turnContext, harm, cues, atPlace, english, cancellationToken).ConfigureAwait(false);
            await MeansAsync(turnContext, harm, cues, english, cancellationToken).ConfigureAwait(false);
            await WoundCareAsync(turnContext, episode, cues, english, cancellationToken).ConfigureAwait(false);
            await RequestCounselorAsync(turnContext, assessment, critical, tell: true, cancellationToken).ConfigureAwait(false);
        }
        else if (!episode.Harms.Contains(harm.ToWire()))
        {
            // Only what is new: the new harm's own template (its first action and services), no second emergency card.
            await turnContext.SendActivityAsync(Block(turnContext, harm, critical, withEmergency: false, bySchool, byWork, byPartner), cancellationToken).ConfigureAwait(false);
            telemetry?.CrisisReplySent(assessment.Level, harm.ToWire());
            await AfterBlockAsync(turnContext, harm, cues, atPlace, english, cancellationToken).ConfigureAwait(false);
            await MeansAsync(turnContext, harm, cues, english, cancellationToken).ConfigureAwait(false);
            await WoundCareAsync(turnContext, episode, cues, english, cancellationToken).ConfigureAwait(false);
            await RequestCounselorAsync(turnContext, assessment, critical, tell: false, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The same harm again: what the message answers, or a thank-you and the numbers, once; no new block.
            if (!profile.AskedAboutDying && !harm.IsWordsOfDying() && harm != CrisisHarm.FriendInDanger
                && assessment.Categories.Contains(SupportCategory.Suicidal) && !assessment.Categories.Contains(SupportCategory.OtherPerson))
            {
                // 「ばらまかれたら死ぬしかない」 inside a sextortion episode: words of dying inside another harm are not a reminder
                // of that harm's numbers — heard, and asked directly (p22). The answer is read by the listener.
                await AskAboutDyingAsync(turnContext, profile, english, cancellationToken).ConfigureAwait(false);
                await RequestCounselorAsync(turnContext, assessment, critical, tell: false, cancellationToken).ConfigureAwait(false);
                episode.LastDangerAt = now;
                episode.LastCrisisReplyAt = now;
                return;
            }

            var lines = FollowUpLines(harm, cues, english, episode.BleedingStopped, Acknowledgements.IsKnownChild(profile), profile.AwayFromHome);
            if (atPlace)
            {
                lines.Insert(0, texts.Get("crisis.answer.place", english));
            }

            if (SaysGoodbye(turnContext, harm, cues))
            {
                lines.Insert(0, texts.Get("crisis.answer.farewell", english));
            }

            var reminder = lines.Count > 0
                ? string.Join("\n", lines)
                : Acknowledgement(english) + "\n" + RepeatLine(harm, english);
            await turnContext.SendActivityAsync(reminder, cancellationToken).ConfigureAwait(false);
            await RequestCounselorAsync(turnContext, assessment, critical, tell: false, cancellationToken).ConfigureAwait(false);
        }

        if (!episode.Harms.Contains(harm.ToWire()))
        {
            episode.Harms.Add(harm.ToWire());
        }

        episode.Harm = harm.ToWire();
        episode.ByPartner = byPartner || (harm == CrisisHarm.ViolenceNow && episode.ByPartner);
        episode.MeansAnswered |= cues.HasFlag(CrisisCue.MeansAtHand);
        episode.LastDangerAt = now;
        episode.LastCrisisReplyAt = now;
        episode.Reminders = 0;
        episode.Settled = false;
        if (newHarm || (critical && !episode.Critical))
        {
            // A new harm, or danger now after words of danger: the check is asked afresh.
            episode.CheckPending = false;
            episode.ChecksAsked = 0;
        }

        episode.Critical |= critical;

        // The safety check once for each harm, and once more at most: a person who writes on without
        // answering is telling us something, and the same question three times reads as not listening.
        if (episode.MayAskCheck && !(harm == CrisisHarm.SelfHarm && cues.HasFlag(CrisisCue.Bleeding)))
        {
            episode.ChecksAsked++;
            episode.CheckPending = true;
            await turnContext.SendActivityAsync(SafetyCheck(harm, english), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The direct question about dying inside an open episode of another harm: the acknowledgement and the question with its
    /// buttons; the next message, if it answers it, goes to the listener (<see cref="DyingAnswerPending"/>).
    /// </summary>
    private async Task AskAboutDyingAsync(ITurnContext turnContext, ConsultationProfile profile, bool english, CancellationToken cancellationToken)
    {
        profile.Messages++;
        profile.AskedAboutDying = true;
        profile.DyingQuestionAt = profile.Messages;
        await turnContext.SendActivityAsync(texts.Get("ask.dying.episode", english), cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(Listener.DyingQuestion(texts, english), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The direct question about dying was the last thing asked, and this message answers it (ある, 少しある, ない).</summary>
    private static bool DyingAnswerPending(ITurnContext turnContext, ConsultationProfile profile) =>
        profile.DyingQuestionAt == profile.Messages && Listener.ReadDyingAnswer(turnContext.Activity.Text) is not null;

    /// <summary>The 緊急 command: emergency numbers and around-the-clock contacts, without a risk assessment.</summary>
    public Task SendEmergencyContactsAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Block(turnContext, CrisisHarm.PlanOrAttempt, critical: true, withEmergency: true), cancellationToken);

    /// <summary>The safety check: one question, with buttons whose answers the follow-up reads like typed words.</summary>
    public Activity SafetyCheck(CrisisHarm harm, bool english)
    {
        var (question, answers) = harm switch
        {
            CrisisHarm.Overdose => ("crisis.check.question.overdose", new[] { "crisis.check.call", "crisis.check.refuse", "crisis.check.cannot_call" }),
            CrisisHarm.FriendInDanger => ("crisis.check.question.friend", new[] { "crisis.check.friend_reached", "crisis.check.friend_unreached", "crisis.check.cannot_call" }),
            CrisisHarm.SelfHarm => ("crisis.check.question.self_harm", new[] { "crisis.check.wound", "crisis.check.wound_ok", "crisis.check.thoughts" }),
            _ when harm.IsViolence() =>
                ("crisis.check.question", new[] { "crisis.check.safe", "crisis.check.danger", "crisis.check.cannot_speak" }),
            _ => ("crisis.check.question", new[] { "crisis.check.safe", "crisis.check.danger", "crisis.check.did" }),
        };
        var message = Activity.CreateMessage(texts.Get(question, english));
        message.SuggestedActions = new SuggestedActions
        {
            // The value is always the Japanese label, so a press reads the same as typing it.
            Actions = answers.Select(k => CardAction.ImBack(texts.Get(k, english), texts.Get(k, false))).ToList(),
        };
        return message;
    }

    private async Task<bool> FollowUpAsync(ITurnContext turnContext, CrisisEpisode episode, CrisisCue cues, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(turnContext);
        var now = clock.GetUtcNow();
        var harm = episode.CurrentHarm;
        var profile = ConsultationProfile.For(turnContext);
        if (cues.HasFlag(CrisisCue.GoingToSleep) && (harm == CrisisHarm.Overdose || PoisoningTold(profile)))
        {
            // 「もう寝る」 after pills swallowed or a fire lit: sleep is the danger, answered as getting sleepy.
            cues |= CrisisCue.Sleepy;
        }

        if (harm == CrisisHarm.PlanOrAttempt && (cues.HasFlag(CrisisCue.Symptoms) || cues.HasFlag(CrisisCue.Sleepy) || cues.HasFlag(CrisisCue.TookMedicine)))
        {
            // After a plan or an attempt, the body changing or getting sleepy is answered as after an overdose: 119 first.
            harm = CrisisHarm.Overdose;
            episode.Harm = harm.ToWire();
        }

        if (harm != CrisisHarm.Overdose && cues.HasFlag(CrisisCue.AlreadyDid) && !cues.HasFlag(CrisisCue.CalledHelp))
        {
            // 「もう飲んだ・した」: an attempt has happened; from now on worries are read as after an overdose.
            harm = CrisisHarm.Overdose;
            episode.Harm = harm.ToWire();
            await turnContext.SendActivityAsync(texts.Get("crisis.answer.did", english), cancellationToken).ConfigureAwait(false);
            Answered(episode, now, cues);
            return true;
        }

        if (cues.HasFlag(CrisisCue.Bleeding))
        {
            episode.BleedingStopped = false;
        }
        else if (cues.HasFlag(CrisisCue.BleedingStopped))
        {
            episode.BleedingStopped = true;
        }

        if (turnContext.TurnState.Get<MessageReading>()?.Understanding.Advice is null && AsksAboutANamedService(turnContext))
        {
            // 「チャイルドラインって今日やってる？ 電話こわいけど」「DV相談＋って何時から？」 inside the episode: the usual path answers
            // about that service (its status now and who it is for), not a bare thank-you or the emergency ways (p22).
            return false;
        }

        if (Advice(turnContext) is { } early && AskedFirst.Contains(early.Kind, StringComparer.Ordinal))
        {
            // 「110って電話じゃなくてメールで送れる？声震えて話せる気しない」「何て言えばいい？」: the question asked is answered
            // first, before what its other words (cannot speak) would bring (p22: the emergency ways list instead).
            await AnswerKeepingTheCheckAsync(turnContext, episode, harm, early.Text, remind: early.Kind == AdviceKinds.WhatToSay, now, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var lines = FollowUpLines(harm, cues, english, episode.BleedingStopped, Acknowledgements.IsKnownChild(profile), profile.AwayFromHome);
        var textWays = cues.HasFlag(CrisisCue.CannotCall) && !episode.Critical && harm is CrisisHarm.General or CrisisHarm.SelfHarm;
        if (textWays)
        {
            // 「電話は苦手。チャットはないと？」 after words of disappearing, not danger now: the text services open now, not the
            // emergency ways for people who cannot speak (p22).
            lines.Remove(texts.Get("crisis.answer.cannot_call", english));
            lines.Add(texts.Get("crisis.answer.cannot_call.talk", english));
        }

        if (SaysGoodbye(turnContext, harm, cues) && !episode.Settled && !cues.HasFlag(CrisisCue.GoingToSleep))
        {
            // 「ありがとうございました」 after words of dying: not a close — the door stays open and the lines stay in front.
            lines.Insert(0, texts.Get("crisis.answer.farewell", english));
        }
        else if (harm.IsViolence() && lines.Count == 0 && turnContext.TurnState.Get<MessageReading>()?.Understanding.Has(Intent.Farewell) == true)
        {
            // 「部活戻る。またあとで」 during violence at home: a goodbye with the one number for tonight, not a bare thank-you.
            lines.Add(texts.Get("crisis.answer.farewell.violence", english));
        }

        if (lines.Count == 0)
        {
            // A worry the harm makes common (「警察とか大ごとにしたくない」, 「払ったほうがいい？」) gets its own answer.
            var worries = Waiting.WorryLines(turnContext.Activity.Text, harm == episode.CurrentHarm ? episode.WorryHarm : harm, english);
            var waiting = turnContext.TurnState.Get<HandoffWaiting>();
            var advice = Advice(turnContext);
            if (advice is { } asked && (worries.Count == 0 || OverWorries.Contains(asked.Kind, StringComparer.Ordinal)))
            {
                // 「病院って行くべき？」「ブロックしたらまずい？」 inside the episode: the answer for this harm, and the one action
                // while the body may be in danger (not after a hospital answer, which names 119 itself). The check stays open.
                await AnswerKeepingTheCheckAsync(turnContext, episode, harm, asked.Text, remind: asked.Kind != AdviceKinds.Hospital, now, cancellationToken).ConfigureAwait(false);
                return true;
            }

            var onlyTheWait = waiting is not null && WaitingReplies.AsksOnlyTheWait(turnContext.Activity.Text);
            if (worries.Count == 0 && ((AsksSomethingElse(turnContext) && !onlyTheWait) || BatteryLow(turnContext)))
            {
                // 「誰か人と話せる？」「学校終わってからも相談できる？何時まで？」 inside the episode: the usual path answers the
                // question itself (while waiting, with the waiting line after it); the check stays open. 「まだかな」 while
                // waiting is answered below: the waiting line, and the check once more.
                return false;
            }

            var asksTheWait = waiting is not null && WaitingReplies.AsksTheWait(turnContext.Activity.Text, turnContext.TurnState.Get<MessageReading>()?.Understanding);
            if (episode.CheckPending && worries.Count == 0 && !asksTheWait && TellsSomething(turnContext) is { } told)
            {
                // Not an answer to the check but more of the story or a fact (学校のアカウントも知っちょっ, 高2じゃけど, 財布に800円):
                // answered as read, not with the same question again. Where the body may be in danger, the one action
                // stays in front (in full the first time, then the short reminder, a few times at most). The check stays
                // open, so a later 「大丈夫」 is still read as its answer.
                await AnswerKeepingTheCheckAsync(turnContext, episode, harm, told, remind: true, now, cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (episode.CheckPending && worries.Count > 0)
            {
                // A worry answered (親に知られたら終わり, 払ったほうがいい？): its line, and the check stays open without being asked
                // again — the same question under every answer reads as not listening (p20's reader counted it four times).
                await turnContext.SendActivityAsync(string.Join("\n", worries), cancellationToken).ConfigureAwait(false);
                episode.LastCrisisReplyAt = now;
                return true;
            }

            if (episode.CheckPending && episode.ChecksAsked < CrisisEpisode.MaxChecks)
            {
                // Not an answer to the check: answer what we can read (「まだかな」 while waiting: the place in the queue),
                // or thank them, and ask once more with the same buttons.
                var again = SafetyCheck(harm, english);
                var answer = worries.Count > 0 ? string.Join("\n", worries)
                    : asksTheWait ? Waiting.Line(waiting!, english, full: true)
                    : texts.Get("crisis.answer.unsure", english);
                again.Text = answer + "\n" + again.Text;
                await turnContext.SendActivityAsync(again, cancellationToken).ConfigureAwait(false);
                episode.ChecksAsked++;
                episode.LastCrisisReplyAt = now;
                return true;
            }

            episode.CheckPending = false;

            if (worries.Count > 0)
            {
                lines.AddRange(worries);
                if (harm.IsAcute() && !episode.Settled)
                {
                    lines.Add(ActionLine(harm, english));
                }

                await turnContext.SendActivityAsync(string.Join("\n", lines), cancellationToken).ConfigureAwait(false);
                Answered(episode, now, cues);
                return true;
            }

            if (!harm.IsAcute() || episode.Settled || episode.Reminders >= CrisisEpisode.MaxReminders
                || (episode.BleedingStopped && harm != CrisisHarm.Overdose))
            {
                return false;
            }

            episode.Reminders++;

            // Danger to the body may be going on: keep listening, and keep the one action in front of them — in full
            // the first time, then as the short reminder (the same three lines again and again read as not listening;
            // after an overdose the action is always given in full).
            lines.Add(Acknowledgement(english));
            lines.Add(episode.Reminders == 1 || harm == CrisisHarm.Overdose ? ActionLine(harm, english) : RepeatLine(harm, english));
        }

        await turnContext.SendActivityAsync(string.Join("\n", lines), cancellationToken).ConfigureAwait(false);
        if (textWays)
        {
            var open = directory.AroundTheClockCrisisContacts(now, profile.PrefectureCode, profile.Age, profile.AgeBand)
                .Where(r => r.Channel.Kind != ChannelKind.Phone).Take(2).ToList();
            if (open.Count > 0)
            {
                await turnContext.SendActivityAsync(cards.Message(texts.Get("offer.intro.text", english), open, english), cancellationToken).ConfigureAwait(false);
            }
        }

        if (cues != CrisisCue.None)
        {
            episode.Reminders = 0;
        }

        Answered(episode, now, cues);
        return true;
    }

    /// <summary>
    /// What the message answers or worries about: the crisis cues, and not being able to phone when the one
    /// reading of the message says so in other words (電話するとばれるからチャットがいい).
    /// </summary>
    private static CrisisCue CuesOf(ITurnContext turnContext)
    {
        var cues = CrisisCues.Read(turnContext.Activity.Text);
        var understanding = turnContext.TurnState.Get<MessageReading>()?.Understanding;
        if (understanding?.Has(Intent.CannotCall) == true)
        {
            cues = (cues | CrisisCue.CannotCall) & ~(CrisisCue.WillCall | CrisisCue.CalledHelp);
        }

        if (understanding?.Advice is not null)
        {
            // 「ブロックしても大丈夫？」 asks whether something is all right to do; it does not say the person is safe.
            cues &= ~CrisisCue.Safe;
        }

        if (AsksWhetherAllRight(turnContext.Activity.Text))
        {
            // 「あの子、大丈夫かな…」 is a worry, not a friend reached or safe (p22: "glad you reached them" to someone waiting).
            cues &= ~(CrisisCue.Safe | CrisisCue.FriendReached);
        }

        return cues;
    }

    /// <summary>
    /// A question the usual path answers (a person, the hours, privacy, whether it is a bot, whether this may be talked
    /// about, where to turn), asked without any crisis cue.
    /// </summary>
    /// <summary>
    /// Sends <paramref name="answer"/> with the safety check left open; where the body may be in danger (and
    /// <paramref name="remind"/>), the one action after it — in full the first time, then the short reminder, a few times
    /// at most, and not once the bleeding has stopped.
    /// </summary>
    private async Task AnswerKeepingTheCheckAsync(ITurnContext turnContext, CrisisEpisode episode, CrisisHarm harm, string answer, bool remind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(turnContext);
        List<string> reply = [answer];
        if (remind && harm.IsAcute() && !episode.Settled && episode.Reminders < CrisisEpisode.MaxReminders
            && !(episode.BleedingStopped && harm != CrisisHarm.Overdose))
        {
            reply.Add(episode.Reminders == 0 || harm == CrisisHarm.Overdose ? ActionLine(harm, english) : RepeatLine(harm, english));
            episode.Reminders++;
        }

        await turnContext.SendActivityAsync(string.Join("\n", reply), cancellationToken).ConfigureAwait(false);
        episode.LastCrisisReplyAt = now;
    }

    /// <summary>
    /// Questions whose answer says more than the worry their words also carry: 「189ってかけたら親にバレる？」 is about 189,
    /// not only about parents finding out; 「今日帰らなくていい方法ってある？」 and 「110していい？」 ask for the step itself.
    /// </summary>
    /// <summary>Questions answered before anything else the message's words would bring (the police by text, calling, what to say).</summary>
    private static readonly string[] AskedFirst = [AdviceKinds.PoliceText, AdviceKinds.Call, AdviceKinds.CallPolice, AdviceKinds.WhatToSay];

    private static readonly string[] OverWorries = [AdviceKinds.Privacy189, AdviceKinds.StayAway, AdviceKinds.NetCafe, AdviceKinds.Call, AdviceKinds.CallPolice];

    /// <summary>A "should I …?" question of the message and its answer for what the conversation is about, or null.</summary>
    private (string Kind, string Text)? Advice(ITurnContext turnContext) =>
        turnContext.TurnState.Get<MessageReading>()?.Understanding is { Advice: { } kind } understanding
        && _advice.For(understanding, ConsultationProfile.For(turnContext)) is { } text
            ? (kind, text)
            : null;

    private static bool AsksSomethingElse(ITurnContext turnContext) =>
        turnContext.TurnState.Get<MessageReading>()?.Understanding is { } understanding
        && (understanding.Has(Intent.AskPerson) || understanding.Has(Intent.AskHours) || understanding.Has(Intent.AskPrivacy) || understanding.Has(Intent.AskIsBot)
            || understanding.Has(Intent.AskCanConsult) || understanding.Has(Intent.AskServices));

    /// <summary>Whether someone is all right, asked (大丈夫かな, 無事かな, 大丈夫やろか).</summary>
    private static bool AsksWhetherAllRight(string? text) => AllRightQuestions.AnyInText(text);

    private static readonly NormalizedWords AllRightQuestions = new(
        "大丈夫かな", "だいじょうぶかな", "大丈夫かなぁ", "大丈夫やろか", "だいじょうぶやろか", "大丈夫だよね", "大丈夫よね", "大丈夫なのかな", "無事かな", "ぶじかな", "無事やろか", "生きてるかな", "いきてるかな"
    );

    /// <summary>A question (with a question mark) that names a service of the directory.</summary>
    private bool AsksAboutANamedService(ITurnContext turnContext)
    {
        var text = turnContext.Activity.Text;
        if (!Listener.LooksLikeAQuestion(text))
        {
            return false;
        }

        var profile = ConsultationProfile.For(turnContext);
        var query = new RouteQuery { PrefectureCode = profile.PrefectureCode, Language = profile.English ? "en" : "ja" };
        return _router.Named(text!, TextNormalizer.Normalize, query, clock.GetUtcNow()).Count > 0;
    }

    /// <summary>A phone about to run out of battery (Patterns/lead8.yaml): the usual path gives the one number to keep.</summary>
    private static bool BatteryLow(ITurnContext turnContext) =>
        turnContext.TurnState.Get<MessageReading>()?.Understanding.Cues.Any(c => c.Id == Listener.BatteryLow) == true;

    /// <summary>The fewest normalized characters a message without any reading needs to be taken as telling something.</summary>
    private const int TellingLength = 6;

    /// <summary>
    /// The acknowledgement of a message that tells something (a topic, a disclosure, an age or a place, or simply several
    /// words), or null for a short reply that may be a hesitant answer to the check (うーん, わからん, たぶん).
    /// </summary>
    private string? TellsSomething(ITurnContext turnContext)
    {
        var reading = turnContext.TurnState.Get<MessageReading>();
        if (reading is null)
        {
            return null;
        }

        var profile = ConsultationProfile.For(turnContext);
        var understanding = reading.Understanding;
        // Only a serious topic gets its own line here: inside a crisis a word of another topic (机 in 手紙は机に置いてきた read
        // as bullying) would misread what the message says.
        var topic = Listener.MentionsTopicInPassing(reading) ? null : Acknowledgements.MainTopic(understanding.Categories, profile);
        if (topic is { } serious && !SupportOffer.IsSerious(serious))
        {
            topic = null;
        }

        if (topic is not null || understanding.Has(Intent.Disclosure))
        {
            return _acks.For(topic, reading.Risk.Level, profile, understanding);
        }

        if (understanding.AgeBand is not null || understanding.PrefectureCode is not null)
        {
            return _acks.Pick(["ack.fact"], profile);
        }

        return TextNormalizer.Normalize(turnContext.Activity.Text).Length >= TellingLength ? _acks.Pick(["ack.general"], profile) : null;
    }

    private static void Answered(CrisisEpisode episode, DateTimeOffset now, CrisisCue cues)
    {
        episode.CheckPending = false;
        episode.LastCrisisReplyAt = now;
        if (cues.HasFlag(CrisisCue.CalledHelp) || cues.HasFlag(CrisisCue.FriendReached)
            || ((cues.HasFlag(CrisisCue.Safe) || cues.HasFlag(CrisisCue.NoPlan)) && episode.CurrentHarm != CrisisHarm.Overdose)
            || (cues.HasFlag(CrisisCue.AtHome) && episode.CurrentHarm is CrisisHarm.General or CrisisHarm.PlanOrAttempt))
        {
            episode.Settled = true;
        }
    }

    /// <summary>The answers to what the person wrote after a crisis message, ending with the one action where it still applies.</summary>
    /// <param name="bleedingStopped">The person said earlier (or now) that the bleeding of a cut has stopped.</param>
    private List<string> FollowUpLines(CrisisHarm harm, CrisisCue cues, bool english, bool bleedingStopped, bool knownChild = false, bool awayFromHome = false)
    {
        var lines = new List<string>();
        void Add(string key) => lines.Add(texts.Get(key, english));

        if (harm == CrisisHarm.FriendInDanger)
        {
            if (cues.HasFlag(CrisisCue.KnowsWhere) && !cues.HasFlag(CrisisCue.FriendReached))
            {
                // 「家は知っとる」: not to go alone — an adult, or 110 with the address.
                Add("crisis.answer.friend.place");
            }
            else if (cues.HasFlag(CrisisCue.CalledHelp))
            {
                // 「かけた。ナンバー言った」: well done, the police take it from here; stay with people you trust.
                Add("crisis.answer.friend.called");
            }
            else if (cues.HasFlag(CrisisCue.FriendUnreached) || cues.HasFlag(CrisisCue.Danger))
            {
                Add("crisis.answer.friend_unreached");
            }
            else if (cues.HasFlag(CrisisCue.FriendReached) || cues.HasFlag(CrisisCue.Safe))
            {
                Add("crisis.answer.friend_reached");
            }
            else if (cues.HasFlag(CrisisCue.TellsAdult))
            {
                // 「お母さんに言うわ」: the right step, now, with the messages shown.
                Add("crisis.answer.friend.tell");
            }

            if (cues.HasFlag(CrisisCue.CannotCall))
            {
                Add("crisis.answer.cannot_call");
            }

            return lines;
        }

        if (cues.HasFlag(CrisisCue.LastWords))
        {
            // 親にはごめんって言っといて: words left to be passed on are a goodbye; the bot cannot pass them on, and says so.
            Add("crisis.answer.last_words");
        }

        if (cues.HasFlag(CrisisCue.Pregnancy) && harm == CrisisHarm.SexualAssault)
        {
            // 妊娠してたらどうしよう、こわい after sexual violence: the 72 hours and where to ask, not "call 110 now".
            Add("waiting.worry.pregnancy");
            return lines;
        }

        // A wound that keeps bleeding is an emergency whatever the harm; a cut is asked about.
        if (cues.HasFlag(CrisisCue.Bleeding))
        {
            Add("crisis.answer.bleeding");
        }
        else if (cues.HasFlag(CrisisCue.BleedingStopped))
        {
            // 血はだいたい止まってきた: the wound first, and when 119 would be needed — not 119 now.
            Add("crisis.answer.cut.stopped");
        }
        else if (cues.HasFlag(CrisisCue.Cut))
        {
            Add("crisis.answer.cut");
        }

        if (harm == CrisisHarm.Overdose)
        {
            if (cues.HasFlag(CrisisCue.Refuses)) { Add("crisis.od.refuse"); }
            if (cues.HasFlag(CrisisCue.Parents)) { Add("crisis.od.parents"); }
            if (cues.HasFlag(CrisisCue.Money)) { Add("crisis.od.money"); }
            if (cues.HasFlag(CrisisCue.Alone)) { Add("crisis.od.alone"); }
            if (cues.HasFlag(CrisisCue.Symptoms)) { Add("crisis.od.symptoms"); }
            if (cues.HasFlag(CrisisCue.Sleepy) || cues.HasFlag(CrisisCue.GoingToSleep)) { Add("crisis.od.sleep"); }

            if (cues.HasFlag(CrisisCue.CalledHelp))
            {
                Add("crisis.answer.called");
            }
            else if (cues.HasFlag(CrisisCue.CannotCall))
            {
                Add("crisis.answer.cannot_call");
            }
            else if (cues.HasFlag(CrisisCue.WillCall))
            {
                Add("crisis.answer.will_call");
            }
            else if (cues.HasFlag(CrisisCue.Safe) && lines.Count == 0)
            {
                Add("crisis.answer.safe.overdose");
            }
            else if (lines.Count > 0 || cues.HasFlag(CrisisCue.Danger) || cues.HasFlag(CrisisCue.AlreadyDid))
            {
                Add("crisis.od.action");
            }

            return lines;
        }

        var violence = harm.IsViolence();
        if (!violence && MeansKey(cues) is { } means)
        {
            // The means (pills saved up, a blade): not taken yet, moved away, or still at hand — the step is to put
            // them out of reach, never "tell them what you took" (p21: she was told three times she had taken them).
            Add(means);
        }

        if (cues.HasFlag(CrisisCue.CalledHelp))
        {
            Add("crisis.answer.called");
        }
        else if (cues.HasFlag(CrisisCue.SafePlan) && !cues.HasFlag(CrisisCue.Danger))
        {
            // 「泊めてくれるって！もう行くわ」: glad, a safe trip, come back any time (p22: it got the last-goodbye reply).
            Add("crisis.answer.safe_plan");
        }
        else if (cues.HasFlag(CrisisCue.WillTry) && !cues.HasFlag(CrisisCue.Danger))
        {
            // 「やってみる。ありがと」 after a line was named: encouraged, and the door left open.
            Add("crisis.answer.will_try");
        }
        else if (cues.HasFlag(CrisisCue.CannotCall))
        {
            // Partner violence: its own line takes mail around the clock and chat; the emergency ways without a voice after.
            // Violence at home now (ドア叩いてる。声出せない): stay locked in, someone near to call — not Net119 first.
            Add(harm == CrisisHarm.Dv ? "crisis.answer.cannot_call.dv" : violence ? "crisis.answer.cannot_call.violence" : "crisis.answer.cannot_call");
        }
        else if (cues.HasFlag(CrisisCue.Danger))
        {
            Add(violence ? "crisis.answer.danger.violence" : "crisis.answer.danger");
        }
        else if (violence && cues.HasFlag(CrisisCue.Hiding))
        {
            // Hiding from the person (鍵かけた, お風呂場におる) answers the check: not safe yet, and no call pushed
            // on someone who must stay quiet — what to do if it changes, and what to keep at hand.
            Add("crisis.answer.hiding");
        }
        else if (cues.HasFlag(CrisisCue.Refuses) && bleedingStopped && !violence)
        {
            // A cut that has stopped bleeding and 「病院は行きたくない」: no push to call now, only when to.
            Add("crisis.answer.refuse.cut");
        }
        else if (cues.HasFlag(CrisisCue.Refuses))
        {
            Add("crisis.answer.refuse");
            lines.Add(ActionLine(harm, english));
        }
        else if (cues.HasFlag(CrisisCue.WillCall))
        {
            Add("crisis.answer.will_call");
        }
        else if (cues.HasFlag(CrisisCue.NoPlan) && !violence)
        {
            // 「具体的にどうこうするつもりはない」: heard as the answer it is — no "call 119 now", the pain still taken seriously.
            Add("crisis.answer.no_plan");
        }
        else if (cues.HasFlag(CrisisCue.Safe))
        {
            Add(harm == CrisisHarm.SelfHarm ? "crisis.answer.safe.self_harm" : "crisis.answer.safe");
        }
        else if (!violence && !awayFromHome && cues.HasFlag(CrisisCue.AtHome))
        {
            // 「いまは家」 after a dangerous place: away from it — not safe from violence at home, or for a child out at night.
            Add("crisis.answer.home");
        }
        else if (!violence && cues.HasFlag(CrisisCue.Hopeless) && lines.Count == 0)
        {
            // 「どうせ誰も」 after words of dying: heard, and the door to people kept open — not "call now" once more.
            Add("crisis.answer.hopeless");
        }
        else if (!violence && cues.HasFlag(CrisisCue.GoingToSleep) && lines.Count == 0)
        {
            // 「寝ます」 with nothing swallowed: a good night, and where to turn if it gets worse in the night.
            Add("crisis.answer.sleep");
        }

        if (violence && cues.HasFlag(CrisisCue.Children) && harm is CrisisHarm.Dv or CrisisHarm.ViolenceNow)
        {
            // 「子どもは寝とる」 during partner violence: the children are protected by the same call.
            Add("crisis.answer.children");
        }

        if (cues.HasFlag(CrisisCue.LastWords) && lines.Count == 1)
        {
            lines.Add(ActionLine(harm, english));
        }

        if ((violence || awayFromHome) && cues.HasFlag(CrisisCue.Nowhere))
        {
            // Wanting to leave, or put out, with nowhere to go (寒か。どこ行けばよか？): who can help find a place (DV相談＋ for a
            // partner, 189 for a child) and a lit place with people for now — not a rent office.
            Add(harm == CrisisHarm.Dv ? "waiting.worry.place" : (harm == CrisisHarm.Abuse || awayFromHome) && knownChild ? "crisis.answer.nowhere.child" : "crisis.answer.nowhere");
        }

        return lines;
    }

    /// <summary>After the crisis block: the means at hand, not taken or moved away, get their one step (put them out of reach).</summary>
    private async Task MeansAsync(ITurnContext turnContext, CrisisHarm harm, CrisisCue cues, bool english, CancellationToken cancellationToken)
    {
        if (harm.IsViolence() || harm is CrisisHarm.Overdose or CrisisHarm.FriendInDanger)
        {
            return;
        }

        if (MeansKey(cues) is { } key)
        {
            await turnContext.SendActivityAsync(texts.Get(key, english), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The line for the means: moved away, not taken, or still at hand (in that order), or null.</summary>
    private static string? MeansKey(CrisisCue cues) =>
        cues.HasFlag(CrisisCue.MeansAway) ? "crisis.answer.means_away"
        : cues.HasFlag(CrisisCue.NotTaken) ? "crisis.answer.not_taken"
        : cues.HasFlag(CrisisCue.MeansAtHand) ? "crisis.answer.means"
        : null;

    /// <summary>Cue classes of something swallowed or a method under way in the conversation (pills taken, a fire lit in a closed place).</summary>
    private static readonly string[] PoisoningCues = ["ingestion", "overdose_word", "body_after_pills", "method_now", "enclosure", "poison_household", "not_waking"];

    /// <summary>Whether a recent message of the conversation told something swallowed or a method under way.</summary>
    private static bool PoisoningTold(ConsultationProfile profile) =>
        (profile.Risk.RecentMessages ?? []).Any(m => m.CueClasses.Any(c => PoisoningCues.Contains(c, StringComparer.Ordinal)));

    /// <summary>A goodbye or thanks-and-leaving after a danger to life (not after violence, where leaving may be escaping).</summary>
    private static bool SaysGoodbye(ITurnContext turnContext, CrisisHarm harm, CrisisCue cues) =>
        harm is CrisisHarm.General or CrisisHarm.PlanOrAttempt or CrisisHarm.Overdose
        && turnContext.TurnState.Get<MessageReading>()?.Understanding.Has(Intent.Farewell) == true
        // 「泊めてくれるって！もう行くわ」「やってみる。ありがと」 leave for a safe place or to try a line: not a last goodbye.
        && (cues & (CrisisCue.WillTry | CrisisCue.SafePlan)) == 0;

    private string ActionLine(CrisisHarm harm, bool english) => texts.Get(
        harm switch
        {
            CrisisHarm.Overdose => "crisis.od.action",
            CrisisHarm.ViolenceNow or CrisisHarm.Abuse or CrisisHarm.Dv or CrisisHarm.CriminalJob => "crisis.answer.danger.violence",
            CrisisHarm.FriendInDanger => "crisis.answer.friend_unreached",
            _ => "crisis.answer.danger",
        },
        english);

    /// <summary>
    /// A cut told together with "the bleeding has stopped" (久々に切っちゃった、もう血は止まった): the wound care comes with the
    /// first reply, and the "call 119 now" reminder is not pushed on what follows unless it bleeds again.
    /// </summary>
    private async Task WoundCareAsync(ITurnContext turnContext, CrisisEpisode episode, CrisisCue cues, bool english, CancellationToken cancellationToken)
    {
        if (cues.HasFlag(CrisisCue.BleedingStopped) && !cues.HasFlag(CrisisCue.Bleeding))
        {
            episode.BleedingStopped = true;
            await turnContext.SendActivityAsync(texts.Get("crisis.answer.cut.stopped", english), cancellationToken).ConfigureAwait(false);
        }
        else if (cues.HasFlag(CrisisCue.Bleeding))
        {
            // A cut deeper than usual or bleeding that will not stop, told with the first message: 119 now and firm pressure,
            // in this reply — not a question about whether there is a wound to care for (p22).
            episode.BleedingStopped = false;
            await turnContext.SendActivityAsync(texts.Get("crisis.answer.bleeding", english), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After a new harm's block: the step to take at a dangerous place, and a goodbye answered as not the end.</summary>
    private async Task AfterBlockAsync(ITurnContext turnContext, CrisisHarm harm, CrisisCue cues, bool atPlace, bool english, CancellationToken cancellationToken)
    {
        if (atPlace)
        {
            await turnContext.SendActivityAsync(texts.Get("crisis.answer.place", english), cancellationToken).ConfigureAwait(false);
        }

        if (SaysGoodbye(turnContext, harm, cues))
        {
            await turnContext.SendActivityAsync(texts.Get("crisis.answer.farewell", english), cancellationToken).ConfigureAwait(false);
        }

        if (harm == CrisisHarm.FriendInDanger && FriendTaken(turnContext.Activity.Text))
        {
            // A friend put into a stranger's car or taken away now: 110 now with the car and the place, not "if your friend is
            // in danger" (p22).
            await turnContext.SendActivityAsync(texts.Get("crisis.answer.friend.taken", english), cancellationToken).ConfigureAwait(false);
        }

        if (harm.IsWordsOfDying() && TogetherWithFamily(turnContext.Activity.Text))
        {
            // A carer's 「ばあちゃんと一緒にいなくなれたら」: the person cared for may be in danger too — said plainly, without
            // blame, with the step if it comes to that (p22).
            await turnContext.SendActivityAsync(texts.Get("crisis.answer.together", english), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A friend taken away now (車に乗せられた, 連れていかれた).</summary>
    internal static bool FriendTaken(string? text) => TakenWords.AnyInText(text);

    private static readonly NormalizedWords TakenWords = new(
        "車に乗せられ", "くるまに乗せられ", "車にのせられ", "くるまにのせられ", "車で連れて", "連れていかれ", "つれていかれ", "連れてかれ", "つれてかれ", "連れ去", "つれさ",
        "車に押し込", "車におしこ", "無理やり乗せ", "むりやり乗せ", "むりやりのせ"
    );

    /// <summary>Words of going together (一緒にいなくなれたら, 道連れ) and a family member or someone cared for in one message.</summary>
    internal static bool TogetherWithFamily(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return TogetherWords.AnyIn(normalized) && CaredForWords.AnyIn(normalized);
    }

    private static readonly NormalizedWords TogetherWords = new(
        "一緒にいなくな", "いっしょにいなくな", "一緒に死", "いっしょに死", "一緒に消え", "いっしょに消え", "いっしょにきえ", "一緒に楽に", "いっしょに楽に",
        "一緒に終わ", "いっしょに終わ", "いっしょにおわ", "道連れ", "みちづれ", "連れて死", "つれて死", "連れていく", "連れていこう", "連れて逝", "2人で死", "二人で死", "ふたりで死"
    );

    private static readonly NormalizedWords CaredForWords = new(
        "ばあちゃん", "ばあば", "祖母", "おばあ", "じいちゃん", "じいじ", "祖父", "おじい", "母", "かあさん", "かあちゃん", "おかん", "父", "とうさん", "おとん", "両親", "親と", "親を",
        "子ども", "子供", "こども", "娘", "息子", "赤ちゃん", "あかちゃん", "妹", "弟", "介護", "かいご"
    );

    /// <summary>The risk engine's cue class of having no shelter (tonight, put out of the house).</summary>
    private const string NoShelter = "no_shelter";

    private string RepeatLine(CrisisHarm harm, bool english) =>
        texts.Get(harm.IsViolence() ? "crisis.repeat.violence" : "crisis.repeat", english);

    private string Acknowledgement(bool english)
    {
        var acks = texts.List("ack.general", english);
        return acks[(int)(clock.GetUtcNow().ToUnixTimeSeconds() % acks.Count)];
    }

    /// <summary>Asks for a counselor (raising the queue priority) and, when <paramref name="tell"/>, says honestly who can answer and when.</summary>
    private async Task RequestCounselorAsync(ITurnContext turnContext, RiskAssessment assessment, bool critical, bool tell, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(turnContext);
        var result = await humans.RequestForRiskAsync(turnContext, assessment, cancellationToken).ConfigureAwait(false);
        if (!tell)
        {
            return;
        }

        string? line = null;
        if (!humans.IsAvailable)
        {
            line = texts.Get("crisis.no_handoff", english);
        }
        else if (result is { Queued: true } or { AlreadyWithHuman: true })
        {
            line = result.CounselorsAvailableNow
                ? texts.Get(critical ? "crisis.critical.queued" : "crisis.high.queued", english)
                : result.CounselorsBackAt is { } back
                    ? texts.Format("crisis.queued.closed", english, Waiting.When(back, english))
                    : texts.Get("crisis.queued.nobody", english);
        }
        else if (result is null)
        {
            line = texts.Get("crisis.high.offer", english);
        }

        if (line is not null)
        {
            await turnContext.SendActivityAsync(line, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The harm's template, its services as cards, and (once per episode) 110 and 119 as text and call buttons.</summary>
    /// <param name="bySchool">Violence by a teacher or coach, not family: the children's lines for school, not 189.</param>
    /// <param name="byWork">Violence by a boss or someone at work: the police consultation line and the labour line, not 189.</param>
    private Activity Block(ITurnContext turnContext, CrisisHarm harm, bool critical, bool withEmergency, bool bySchool = false, bool byWork = false, bool byPartner = false)
    {
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        var now = clock.GetUtcNow();
        var under18 = profile.Age is < 18 || (profile.Age is null && profile.AgeBand is { } band && band.IsChild());
        var ageUnknown = profile.Age is null && profile.AgeBand is null;
        var template = harm switch
        {
            CrisisHarm.General => critical ? "crisis.critical" : "crisis.high",
            CrisisHarm.PlanOrAttempt => "crisis.critical",
            CrisisHarm.Overdose => "crisis.overdose",
            CrisisHarm.SelfHarm => "crisis.self_harm",
            CrisisHarm.ViolenceNow => byPartner || Acknowledgements.IsKnownAdult(profile) ? "crisis.violence_now.adult" : "crisis.violence_now",
            CrisisHarm.Abuse => bySchool ? "crisis.abuse.school" : byWork ? "crisis.abuse.work" : "crisis.abuse",
            CrisisHarm.Dv => "crisis.dv",
            CrisisHarm.SexualAssault => "crisis.sexual_assault",
            CrisisHarm.Sextortion => "crisis.sextortion",
            CrisisHarm.FriendInDanger => "crisis.friend",
            CrisisHarm.Grooming => "crisis.grooming",
            CrisisHarm.Pictures => "crisis.pictures",
            CrisisHarm.Followed => "crisis.followed",
            CrisisHarm.CriminalJob => "crisis.criminal_job",
            _ => "crisis.high",
        };

        Activity message;
        if (harm is CrisisHarm.General or CrisisHarm.PlanOrAttempt or CrisisHarm.FriendInDanger or CrisisHarm.SelfHarm)
        {
            // Lines open now around the clock (children's lines only for people known to be under 18),
            // and at night the 24-hour text services beside them.
            var open = directory.AroundTheClockCrisisContacts(now, profile.PrefectureCode, profile.Age, profile.AgeBand)
                .Where(r => !r.Service.Target.Children || under18)
                .ToList();
            var contacts = open.Where(r => r.Channel.Kind == ChannelKind.Phone).Take(2).ToList();
            if (IsNight(now) || harm == CrisisHarm.FriendInDanger)
            {
                contacts.AddRange(open.Where(r => r.Channel.Kind != ChannelKind.Phone).Take(1));
            }

            message = cards.Message(texts.Get(template, english), contacts, english);
        }
        else
        {
            var ids = harm switch
            {
                CrisisHarm.ViolenceNow => byPartner ? new[] { "dv-soudan-plus" } : under18 || ageUnknown ? ["jido-sodanjo-189"] : [],
                CrisisHarm.Abuse when bySchool => ["kodomo-sos-dial", "kodomo-jinken-110"],
                CrisisHarm.Abuse when byWork => ["police-consultation-9110", "roudou-jouken-hotline"],
                CrisisHarm.Abuse => under18 ? ["jido-sodanjo-189", "kodomo-sos-dial"] : ["jido-sodanjo-189"],
                CrisisHarm.Dv => ["dv-soudan-plus"],
                CrisisHarm.SexualAssault => ["seihanzai-8103", "one-stop-8891"],
                CrisisHarm.Sextortion => ["police-consultation-9110"],
                CrisisHarm.Grooming => under18 || ageUnknown ? ["police-consultation-9110", "kodomo-sos-dial"] : ["police-consultation-9110"],
                CrisisHarm.Pictures => under18 || ageUnknown ? ["kodomo-sos-dial", "police-consultation-9110"] : ["police-consultation-9110"],
                CrisisHarm.Followed => under18 || ageUnknown ? ["kodomo-sos-dial", "police-consultation-9110"] : ["police-consultation-9110"],
                CrisisHarm.CriminalJob => under18 || ageUnknown ? ["police-consultation-9110", "kodomo-sos-dial"] : ["police-consultation-9110"],
                _ => [],
            };
            message = Activity.CreateMessage(texts.Get(template, english));
            message.AttachmentLayout = "carousel";
            message.Attachments = ids.Select(id => Routed(id, now)).OfType<RoutedService>().Select(r => cards.Card(r, english).ToAttachment()).ToList();
        }

        if (withEmergency)
        {
            // 119 first where the body is in danger (an overdose), else 110 first (violence, a place, a threat).
            var emergency = harm is CrisisHarm.Overdose or CrisisHarm.General or CrisisHarm.PlanOrAttempt or CrisisHarm.SelfHarm
                ? directory.EmergencyNumbers.OrderBy(e => e.Id == "fire-ambulance-119" ? 0 : 1).ToList()
                : directory.EmergencyNumbers.OrderBy(e => e.Id == "police-110" ? 0 : 1).ToList();
            message.Attachments ??= [];
            message.Attachments.Insert(0, EmergencyCard(emergency, english).ToAttachment());
            message.Text = message.Text + "\n" + string.Join("\n", emergency.Select(e => $"・{e.Name.For(english)}：{e.Channels[0].Contact}"));
        }

        return message;
    }

    private RoutedService? Routed(string id, DateTimeOffset now)
    {
        var service = directory.Find(id);
        var channel = service?.Channels.FirstOrDefault(c => c.Kind == ChannelKind.Phone) ?? service?.Channels.FirstOrDefault();
        return service is null || channel is null || !service.IsActive
            ? null
            : new RoutedService(service, channel, channel.StatusAt(now), RouteReasons.CategoryMatch, service.Categories);
    }

    private static bool IsNight(DateTimeOffset now)
    {
        var hour = now.ToOffset(CounselorHours.JapanOffset).Hour;
        return hour >= NightHours.From || hour < NightHours.To;
    }

    private HeroCard EmergencyCard(IReadOnlyList<SupportService> emergency, bool english) => new()
    {
        Title = texts.Get("emergency.title", english),
        Text = string.Join(" / ", emergency.Select(e => e.Name.For(english))),
        Buttons = emergency
            .Select(e => CardAction.Call(texts.Format("emergency.call", english, e.Channels[0].Contact), ServiceCards.TelUri(e.Channels[0].DialString ?? e.Channels[0].Contact)))
            .ToList(),
    };
}
