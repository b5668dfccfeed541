using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>Which shortcut buttons go with the bot's closing line.</summary>
public enum PromptButtons
{
    None,

    /// <summary>話を聞いてほしい / 相談先を知りたい / 友だちのことで相談 / 人と話したい.</summary>
    Menu,

    /// <summary>相談先を知りたい / 人と話したい.</summary>
    Support,
}

/// <summary>What the listening turn did, and what the main dialog does next.</summary>
/// <param name="Prompt">The closing line (an open question or a next step), or null for none.</param>
/// <param name="Buttons">Shortcut buttons under the closing line.</param>
/// <param name="HandedOff">The conversation now waits for (or is with) a counselor.</param>
/// <param name="FindSupport">Find-support should ask what it still needs (topic or age) and show services.</param>
public sealed record ListenOutcome(string? Prompt, PromptButtons Buttons, bool HandedOff = false, FindSupportOptions? FindSupport = null);

/// <summary>
/// Answers one free-text message so that it shows it was read: an acknowledgement chosen by topic
/// and level, direct answers to what the person asked (is this a bot, who reads this, hours, can I
/// talk about this, I cannot phone, a person, a place to contact, goodbye), services once the topic is
/// clear, and then one short open question or one next step. Facts the message gives (age band,
/// prefecture, cannot phone, a kind of counselor) are remembered for the rest of the conversation.
/// High and critical messages never get here: the crisis reply answers them first.
/// </summary>
public sealed class Listener(BotTexts texts, Acknowledgements acks, SupportOffer offer, HumanRequests humans)
{
    /// <summary>The cue of a phone about to run out of battery (Patterns/lead8.yaml).</summary>
    internal const string BatteryLow = "battery-low";

    private readonly AdviceAnswers _advice = new(texts);

    /// <param name="offerTopics">Services find-support still owes (the person wrote instead of giving an age): shown after the acknowledgement and the direct answers.</param>
    public async Task<ListenOutcome> RespondAsync(ITurnContext turnContext, MessageReading reading, CancellationToken cancellationToken, IReadOnlyList<SupportCategory>? offerTopics = null)
    {
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        var understanding = reading.Understanding;
        var level = reading.Risk.Level;
        if (TextNormalizer.Normalize(turnContext.Activity.Text).Length == 0 && level == RiskLevel.None)
        {
            // Nothing to read (only dots, marks or emoji): no "not recognized", a gentle word to go on.
            return new ListenOutcome(texts.Get("retry.nothing", english), PromptButtons.None);
        }

        var newPlace = understanding.PrefectureCode is { } place && profile.PrefectureCode != place ? place : null;
        var newAge = understanding.AgeBand is { } band && profile.AgeBand != band;
        Remember(profile, understanding);

        if (await AnswerToTheDyingQuestionAsync(turnContext, profile, reading, cancellationToken).ConfigureAwait(false) is { } answered)
        {
            return answered;
        }

        if (AsksAboutDyingNow(turnContext.Activity.Text, reading, profile))
        {
            return await AskAboutDyingAsync(turnContext, profile, cancellationToken).ConfigureAwait(false);
        }

        if (profile.AwayFromHome && level < RiskLevel.High && IndoorsNow(turnContext.Activity.Text))
        {
            // 「コンビニ入った。あったかい」 after being put out in the cold: relief, and stay there — not the rent system again (p22).
            profile.Messages++;
            await SayAsync(turnContext, texts.Get("ack.indoors", english), cancellationToken).ConfigureAwait(false);
            return new ListenOutcome(null, PromptButtons.None);
        }

        if (profile.DarkJob && level < RiskLevel.High && !understanding.Cues.Any(c => c.Id == "dark-job") && DarkJobLine(turnContext.Activity.Text, understanding) is { } darkJob)
        {
            // After a criminal job was told: 「身分証の写真、もう送ってしもうた」 and 「これってやばいやつ？」 get their answer — it can
            // still be left, send nothing more, the police — not a bare thank-you or "I can't answer that" (p22).
            profile.Messages++;
            await SayAsync(turnContext, texts.Get(darkJob, english), cancellationToken).ConfigureAwait(false);
            return new ListenOutcome(null, PromptButtons.None);
        }

        if (level < RiskLevel.High && AsksPayphoneCost(turnContext.Activity.Text))
        {
            // 「公衆電話ならある。お金いらない？」: what it costs — 110 and 119 free (the red button first), 189 free for a child
            // with abuse or neglect told (reference §1, §17) — not "I can't answer that" (p22).
            profile.Messages++;
            var child = profile.Topics.Contains(SupportCategory.Abuse) && !Acknowledgements.IsKnownAdult(profile);
            await SayAsync(turnContext, texts.Get(child ? "payphone.child" : "payphone", english), cancellationToken).ConfigureAwait(false);
            return new ListenOutcome(null, PromptButtons.None);
        }

        if (VeiledAct(turnContext.Activity.Text, reading, profile))
        {
            // 「…ちょっとやってもうた」 after a sleepless night of racing thoughts: asked gently what happened, with room to say it
            // was a cut and no blame — not a bare thank-you (p22).
            profile.Messages++;
            return new ListenOutcome(texts.Get("ask.veiled_act", english), PromptButtons.None);
        }

        // A topic only mentioned in passing (両親はもう仕事に行った, 夕方なら授業ない) with nothing heavy in the message is not
        // what the message is about: it gets a plain acknowledgement and does not become the conversation's topic.
        var passing = MentionsTopicInPassing(reading);
        var own = passing ? null : Acknowledgements.MainTopic(ToldCategories(understanding), profile);
        var asks = understanding.Intents.Where(i => i is not (Intent.Disclosure or Intent.Other or Intent.Greeting or Intent.Farewell)).ToList();
        if (own is null && asks.Count == 0 && level < RiskLevel.Medium && (newPlace is not null || newAge) && profile.Topics.Count > 0
            && !understanding.Has(Intent.Farewell) && understanding.Advice is null)
        {
            // Only a fact (北海道です, 高1): thanked as a fact, not read as more of the topic; with a new place, the
            // services of the topic again when the directory has some of that prefecture (they rank first). A fact said
            // while leaving (熊本の高3。すっきりした、ありがと) is a goodbye: it gets the warm close below, not a question.
            profile.Messages++;
            await SayAsync(turnContext, acks.Pick(["ack.fact"], profile), cancellationToken).ConfigureAwait(false);
            if (offerTopics is not null)
            {
                await offer.SendAsync(turnContext, offerTopics, forFriend: false, cancellationToken).ConfigureAwait(false);
                return new ListenOutcome(null, PromptButtons.None);
            }

            var told = profile.Topics[0];
            if (!profile.Offered.Contains(told) && profile.Messages >= 2)
            {
                // The topic was told before and now who (or where) they are: what was not offered yet fits now.
                await offer.SendAsync(turnContext, [told], forFriend: false, cancellationToken).ConfigureAwait(false);
                return new ListenOutcome(null, PromptButtons.None);
            }

            if (newPlace is not null && profile.Offered.Contains(told) && offer.HasLocal(newPlace))
            {
                await offer.SendAsync(turnContext, [told], forFriend: false, cancellationToken, "offer.local").ConfigureAwait(false);
                return new ListenOutcome(null, PromptButtons.None);
            }

            return new ListenOutcome(acks.Question(told, profile), PromptButtons.None);
        }
        var content = own is not null || understanding.Has(Intent.Disclosure) || level >= RiskLevel.Medium
            || (asks.Count == 0 && !understanding.Has(Intent.Greeting) && !understanding.Has(Intent.Farewell) && !LooksLikeAQuestion(turnContext.Activity.Text));

        // A message that goes on telling (「みんな笑ってた」) is about what the conversation is about.
        var topic = own ?? (content && profile.Topics.Count > 0 ? profile.Topics[0] : null);
        var seenBefore = topic is { } t && profile.Topics.Contains(t);
        // The most serious topic ends up first: it is what a message that goes on telling is taken to be about.
        foreach (var category in passing ? [] : Enumerable.Reverse(Acknowledgements.Told(ToldCategories(understanding), profile)))
        {
            profile.RememberTopic(category);
        }

        profile.Messages++;

        // After a situation with its own line (a possible pregnancy, a criminal job offer), the broad topic's lines
        // (sleep and body for "health") would misread what follows: plain acknowledgements and questions instead,
        // unless the message brings a serious topic of its own.
        var situationTold = profile.RecentLines.Exists(l => l.StartsWith("ack.situation.", StringComparison.Ordinal));
        var ackTopic = situationTold && (own is null || !SupportOffer.IsSerious(own.Value)) ? null : topic;

        // "Should I …?" (病院行ったほうがいい？, 辞めたほうがいいんかな) is answered by what the conversation is about; the
        // acknowledgement goes before it only when the message tells something new.
        var advice = _advice.For(understanding, profile);

        // A question about a service by its name (チャイルドラインって親にバレる？, 〇〇センターって今電話できますか) is answered
        // about that service, not with this chat's rules or a list chosen by a word in it.
        IReadOnlyList<RoutedService> named = advice is null && (asks.Count > 0 || LooksLikeAQuestion(turnContext.Activity.Text))
            ? offer.Named(turnContext, turnContext.Activity.Text)
            : [];
        var namedQuestion = named.Count > 0;
        if ((advice is not null || namedQuestion) && (own is null || seenBefore))
        {
            content = false;
        }

        if (content && understanding.Cues.Any(c => c.Id == BatteryLow))
        {
            // A phone about to die: the one number to keep comes first, before anything else is asked or offered.
            await SayAsync(turnContext, BatteryLine(turnContext, english), cancellationToken).ConfigureAwait(false);
        }
        else if (content)
        {
            await SayAsync(turnContext, acks.For(ackTopic, level, profile, understanding), cancellationToken).ConfigureAwait(false);
        }

        var servicesAsked = false;
        var namedAnswered = false;
        foreach (var intent in asks)
        {
            switch (intent)
            {
                case Intent.AskIsBot:
                    await SayAsync(turnContext, texts.Get("intent.is_bot", english) + "\n" + await PersonLineAsync(english, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                    break;
                case Intent.AskPrivacy when advice is not null && PrivacyAdvice.Contains(understanding.Advice, StringComparer.Ordinal):
                    // 「病院行ったら親にばれる？」「189ってかけたら親にバレる？」: about the clinic or 189, not this chat's rules.
                    break;
                case Intent.AskPrivacy:
                    namedAnswered |= await AnswerPrivacyAsync(turnContext, understanding, profile, named, cancellationToken).ConfigureAwait(false);
                    break;
                case Intent.AskCanConsult when understanding.Has(Intent.AskServices) || understanding.Has(Intent.AskPerson):
                    // 「誰か人間と話せるとこある？」 asks for a place or a person, not whether anything may be written here.
                    break;
                case Intent.AskCanConsult:
                    await SayAsync(turnContext, texts.Get("intent.can_consult", english), cancellationToken).ConfigureAwait(false);
                    break;
                case Intent.AskHours when namedAnswered:
                    break;
                case Intent.AskHours:
                    namedAnswered |= await AnswerHoursAsync(turnContext, cancellationToken).ConfigureAwait(false);
                    break;
                case Intent.AskServices when namedQuestion:
                    break;
                case Intent.CannotCall:
                    await SayAsync(turnContext, texts.Get("intent.cannot_call", english), cancellationToken).ConfigureAwait(false);
                    servicesAsked = true;
                    break;
                case Intent.AskServices:
                    servicesAsked = true;
                    break;
                case Intent.AskPerson:
                    if (namedQuestion && !namedAnswered)
                    {
                        // 「人と話したい。いのちの電話ってかかる？」: the service asked about first, then the request for a person.
                        namedAnswered = await offer.SendNamedAsync(turnContext, named, cancellationToken).ConfigureAwait(false);
                    }

                    var preference = HumanRequests.PreferenceLabel(understanding.Preferences.CounselorPreference) ?? profile.CounselorPreference;
                    if (await humans.RequestByPersonAsync(turnContext, cancellationToken, preference).ConfigureAwait(false))
                    {
                        return new ListenOutcome(null, PromptButtons.None, HandedOff: true);
                    }

                    break;
            }
        }

        if (namedQuestion)
        {
            if (!namedAnswered)
            {
                await offer.SendNamedAsync(turnContext, named, cancellationToken).ConfigureAwait(false);
            }

            return new ListenOutcome(null, PromptButtons.None);
        }

        if (advice is not null)
        {
            // The answer, then the services of what the conversation is about if none were shown yet (the work line
            // the answer to 「辞めたほうがいい？」 points to); no question after an answer.
            await SayAsync(turnContext, advice, cancellationToken).ConfigureAwait(false);
            List<SupportCategory> owed = [.. offerTopics ?? []];
            if (Acknowledgements.MainTopic(profile.Topics, profile) is { } about && !profile.Offered.Contains(about))
            {
                owed.Insert(0, about);
            }

            if (owed.Count > 0)
            {
                await offer.SendAsync(turnContext, owed.Distinct().ToList(), forFriend: false, cancellationToken).ConfigureAwait(false);
            }

            return new ListenOutcome(null, owed.Count > 0 || level < RiskLevel.Medium ? PromptButtons.None : PromptButtons.Support);
        }

        if (understanding.Has(Intent.Farewell) && content && asks.Count == 0 && level < RiskLevel.High && offerTopics is null
            && !(own is { } heavy && SupportOffer.IsSerious(heavy)))
        {
            // A goodbye with a last word of what comes next (今日は保健室登校にしてみる。またね): the acknowledgement above, then
            // the warm close — not services and a question to someone leaving.
            await SayAsync(turnContext, FarewellLine(turnContext, english), cancellationToken).ConfigureAwait(false);
            return new ListenOutcome(null, PromptButtons.None);
        }

        var goodbyeOnly = understanding.Has(Intent.Farewell) && !content && asks.Count == 0;
        if (offerTopics is not null && !goodbyeOnly)
        {
            // The services find-support owed, with what this message tells first (LINEグループ外されて… after 学校行きたくない).
            List<SupportCategory> owed = [.. Acknowledgements.BySeriousness(ToldCategories(understanding)), .. offerTopics];
            await offer.SendAsync(turnContext, owed.Distinct().ToList(), forFriend: false, cancellationToken).ConfigureAwait(false);
            return new ListenOutcome(null, level >= RiskLevel.Medium ? PromptButtons.Support : PromptButtons.None);
        }

        var known = topic ?? (servicesAsked ? profile.Topics.Cast<SupportCategory?>().FirstOrDefault() : null);
        if (servicesAsked && known is null)
        {
            if (!understanding.Has(Intent.AskServices))
            {
                // Cannot phone, nothing told yet: places that listen to anything, reachable by text.
                await offer.SendAsync(turnContext, [SupportCategory.Loneliness], forFriend: false, cancellationToken).ConfigureAwait(false);
                return new ListenOutcome(null, PromptButtons.None);
            }

            // A place to contact, but for what? Find-support asks the topic (and only what it still needs).
            return new ListenOutcome(null, PromptButtons.None, FindSupport: new FindSupportOptions(ForFriend: false));
        }

        // Someone met online, with nothing told yet that went wrong (ゲームで仲良くなった人がいて): listened to first, not
        // answered with police lines before anything has happened.
        var seriousNow = known is { } k && SupportOffer.IsSerious(k) && !(k == SupportCategory.OnlineHarm && level == RiskLevel.None && !seenBefore && OnlyMetOnline(understanding));
        if (known is { } main && (servicesAsked || (!profile.Offered.Contains(main) && (seriousNow || level >= RiskLevel.Medium || seenBefore || profile.Messages >= 3))))
        {
            var categories = own is not null ? Acknowledgements.BySeriousness(ToldCategories(understanding)) : [main];
            if (!servicesAsked && profile.AgeBand is null && !profile.AskedAge && !SupportOffer.IsSerious(main) && !profile.PrefersText)
            {
                // Before the first services: the one question that changes which services fit.
                return new ListenOutcome(null, PromptButtons.None, FindSupport: new FindSupportOptions(ForFriend: false, categories));
            }

            await offer.SendAsync(turnContext, categories, forFriend: false, cancellationToken).ConfigureAwait(false);
            return new ListenOutcome(null, level >= RiskLevel.Medium ? PromptButtons.Support : PromptButtons.None);
        }

        if (topic is null && content && profile.Messages >= 3 && !profile.Offered.Contains(SupportCategory.Loneliness) && !profile.Offered.Contains(SupportCategory.Suicidal))
        {
            // Several messages without a clear topic: places that listen to anything, once.
            await offer.SendAsync(turnContext, [SupportCategory.Loneliness], forFriend: false, cancellationToken).ConfigureAwait(false);
            return new ListenOutcome(null, PromptButtons.None);
        }

        if (understanding.Has(Intent.Farewell) && !content && asks.Count == 0)
        {
            await SayAsync(turnContext, FarewellLine(turnContext, english), cancellationToken).ConfigureAwait(false);
            return new ListenOutcome(null, PromptButtons.None);
        }

        if (level >= RiskLevel.Medium)
        {
            return new ListenOutcome(texts.Get(humans.IsAvailable ? "concern.next" : "concern.next.noperson", english), PromptButtons.Support);
        }

        if (content)
        {
            return new ListenOutcome(acks.Question(ackTopic, profile, understanding), profile.Messages % 3 == 0 ? PromptButtons.Support : PromptButtons.None);
        }

        if (asks.Count > 0)
        {
            return new ListenOutcome(null, PromptButtons.None);
        }

        if (understanding.Has(Intent.Greeting))
        {
            var again = profile.RecentLines.Contains("intent.greeting");
            profile.RememberLine("intent.greeting");
            return new ListenOutcome(texts.Get(again ? "intent.greeting.again" : "intent.greeting", english), again ? PromptButtons.None : PromptButtons.Menu);
        }

        if (LooksLikeAQuestion(turnContext.Activity.Text) && profile.Topics.Count > 0
            && (profile.Topics.Exists(SupportOffer.IsSerious) || profile.Risk.Level >= RiskLevel.Medium))
        {
            // Only where something serious was told: a light question (「明日ひま？」って送るのってキモい？) after a word of
            // school is not answered with hotlines (p21).
            // A question the bot cannot answer (画像って消してもらえる？, 役所とか行ったら何とかなる？) about what was told:
            // said plainly, with the places that can answer it for that topic, most serious first.
            await SayAsync(turnContext, texts.Get("intent.other.topic", english), cancellationToken).ConfigureAwait(false);
            var topics = Acknowledgements.BySeriousness(profile.Topics).Take(2).ToList();
            await offer.SendAsync(turnContext, topics, forFriend: false, cancellationToken, "offer.answers").ConfigureAwait(false);
            return new ListenOutcome(null, PromptButtons.None);
        }

        return new ListenOutcome(texts.Get("intent.other", english), PromptButtons.None);
    }

    /// <summary>
    /// A privacy question about a service named in it (チャイルドラインって親にバレる？) gets that service's card and the
    /// honest line that its own rules apply; otherwise this chat's answer. Returns whether a named service was answered.
    /// </summary>
    /// <param name="named">The services the message names (<see cref="SupportOffer.Named"/>), found once by the caller.</param>
    private async Task<bool> AnswerPrivacyAsync(ITurnContext turnContext, MessageUnderstanding understanding, ConsultationProfile profile, IReadOnlyList<RoutedService> named, CancellationToken cancellationToken)
    {
        if (named is [var first, ..])
        {
            var name = first.Service.Name.For(profile.English);
            await offer.SendNamedAsync(turnContext, named, cancellationToken, texts.Format("intent.privacy.named", profile.English, name)).ConfigureAwait(false);
            return true;
        }

        await SayAsync(turnContext, PrivacyAnswer(understanding, profile), cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Whether parents, school or work will be told, and whether the history stays or can be deleted, get their own
    /// answers; the general privacy text is given in full once, then a short reminder, so three questions in a row
    /// do not get the same three lines.
    /// </summary>
    private string PrivacyAnswer(MessageUnderstanding understanding, ConsultationProfile profile)
    {
        var key = understanding.Cues.Any(c => c.Id is "ask-privacy-parents" or "privacy-told") ? "intent.privacy.parents"
            : understanding.Cues.Any(c => c.Id == "privacy-history") ? "intent.privacy.history"
            : profile.RecentLines.Contains("intent.privacy") ? "intent.privacy.again"
            : "intent.privacy";
        profile.RememberLine(key);
        return texts.Get(key, profile.English);
    }

    /// <summary>
    /// While waiting for a counselor, a question about where to go (朝になったらどこ行けばええ？) gets the services for
    /// what was told so far, most serious first — no question and no menu; the waiting line follows from the caller.
    /// </summary>
    public async Task OfferWhileWaitingAsync(ITurnContext turnContext, MessageReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var profile = ConsultationProfile.For(turnContext);
        Remember(profile, reading.Understanding);
        var topics = Acknowledgements.BySeriousness(profile.Topics).Take(2).ToList();
        await offer.SendAsync(turnContext, topics.Count > 0 ? topics : [SupportCategory.Loneliness], forFriend: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// While waiting for a counselor, the questions the usual path answers get the same answers (is this a bot, who reads
    /// this, may I talk about this, the hours, where to turn); the waiting line follows from the caller. Returns whether
    /// anything was answered.
    /// </summary>
    /// <param name="worried">The crisis episode's own worry lines answer this message (「払ったほうがいい？」 after a threat): no second answer.</param>
    public async Task<bool> AnswerWhileWaitingAsync(ITurnContext turnContext, MessageReading reading, CancellationToken cancellationToken, bool worried = false)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        var understanding = reading.Understanding;
        var answered = false;

        if (understanding.Cues.Any(c => c.Id == BatteryLow))
        {
            // A phone about to die while waiting (充電もうない): the one number to keep, before anything else.
            await SayAsync(turnContext, BatteryLine(turnContext, english), cancellationToken).ConfigureAwait(false);
            answered = true;
        }

        if (!worried && _advice.For(understanding, profile) is { } advice)
        {
            // 「ブロックしたらまずい？」「病院って行くべき？」 while waiting: answered by what was told, before the waiting line
            // (not the list of services a word like 病院 would bring).
            await SayAsync(turnContext, advice, cancellationToken).ConfigureAwait(false);
            return true;
        }

        // 「#8103って子どもでもかけていいの？」「いのちの電話ってかかる？」 while waiting: that service's status now and who it is
        // for, not a bare thank-you (p22).
        var namedAnswered = !understanding.Has(Intent.AskPrivacy) && LooksLikeAQuestion(turnContext.Activity.Text)
            && await offer.SendNamedAsync(turnContext, turnContext.Activity.Text, cancellationToken).ConfigureAwait(false);
        answered |= namedAnswered;

        foreach (var intent in understanding.Intents)
        {
            switch (intent)
            {
                case Intent.AskHours or Intent.AskServices when namedAnswered:
                    break;
                case Intent.AskIsBot:
                    // Already waiting for a person: only that this is a bot, not how to ask for one.
                    await SayAsync(turnContext, texts.Get("intent.is_bot", english), cancellationToken).ConfigureAwait(false);
                    answered = true;
                    break;
                case Intent.AskPrivacy:
                    await AnswerPrivacyAsync(turnContext, understanding, profile, offer.Named(turnContext, turnContext.Activity.Text), cancellationToken).ConfigureAwait(false);
                    answered = true;
                    break;
                case Intent.AskCanConsult when !IsListenButton(turnContext.Activity.Text) && !understanding.Has(Intent.AskServices) && !understanding.Has(Intent.AskPerson):
                    await SayAsync(turnContext, texts.Get("intent.can_consult", english), cancellationToken).ConfigureAwait(false);
                    answered = true;
                    break;
                case Intent.AskHours when !WaitingReplies.AsksOnlyTheWait(turnContext.Activity.Text):
                    // 「学校終わってからも相談できる？何時まで？」: the hours; 「まだかな」 asks only about the wait (the waiting line answers it).
                    await AnswerHoursAsync(turnContext, cancellationToken).ConfigureAwait(false);
                    answered = true;
                    break;
                case Intent.AskServices:
                    // 「朝になったらどこ行けばええ？」: the services for what was told so far, most serious first.
                    await OfferWhileWaitingAsync(turnContext, reading, cancellationToken).ConfigureAwait(false);
                    answered = true;
                    break;
            }
        }

        return answered;
    }

    /// <summary>
    /// While waiting with no counselor on duty, a topic told for the first time (店長にずっと怒鳴られてて) gets its services
    /// once, after the acknowledgement and the waiting line: nobody may read the conversation for hours, and the places
    /// that fit should not wait for them. Nothing for a topic named in passing or already offered.
    /// </summary>
    public async Task OfferNewTopicWhileWaitingAsync(ITurnContext turnContext, MessageReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var profile = ConsultationProfile.For(turnContext);
        if (MentionsTopicInPassing(reading) || Acknowledgements.MainTopic(ToldCategories(reading.Understanding), profile) is not { } topic
            || profile.Offered.Contains(topic))
        {
            return;
        }

        await offer.SendAsync(turnContext, [topic], forFriend: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The warm close: thanks, and the one around-the-clock line for the night (110 / 119 when none is open).</summary>
    private string FarewellLine(ITurnContext turnContext, bool english)
    {
        var line = offer.AroundTheClock(turnContext, 1) is [var service, ..] ? $"{service.Service.Name.For(english)} {service.Channel.Contact}" : "110 / 119";
        return texts.Format("intent.farewell", english, line);
    }

    /// <summary>The battery line: the one around-the-clock number to keep (110 / 119 when none is open).</summary>
    private string BatteryLine(ITurnContext turnContext, bool english)
    {
        var line = offer.AroundTheClock(turnContext, 1) is [var keep, ..] ? $"{keep.Service.Name.For(english)}：{keep.Channel.Contact}" : "110 / 119";
        return texts.Format("battery.low", english, line);
    }

    /// <summary>The 「話を聞いてほしい」 button (Japanese or English) pressed while waiting: the waiting line answers it, not 「もちろんです」.</summary>
    private bool IsListenButton(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized == TextNormalizer.Normalize(texts.Get("menu.listen", false)) || normalized == TextNormalizer.Normalize(texts.Get("menu.listen", true));
    }

    /// <summary>The acknowledgement alone (no question, no menu): what the bot says while a person waits for a counselor.</summary>
    public string Acknowledge(ITurnContext turnContext, MessageReading reading)
    {
        var profile = ConsultationProfile.For(turnContext);
        Remember(profile, reading.Understanding);
        var topic = MentionsTopicInPassing(reading) ? null : Acknowledgements.MainTopic(ToldCategories(reading.Understanding));
        return acks.For(topic, reading.Risk.Level, profile, reading.Understanding);
    }

    /// <summary>Whether counselors can be asked for, and when (for "is this a bot?").</summary>
    private async Task<string> PersonLineAsync(bool english, CancellationToken cancellationToken)
    {
        if (humans.HoursTextIn(english) is not { } hours)
        {
            return texts.Get("intent.is_bot.noperson", english);
        }

        // Never a promise nobody keeps: when no counselor can take a chat now, said so (as the welcome does).
        return texts.Format(
            await humans.SomeoneOnDutyAsync(cancellationToken).ConfigureAwait(false) ? "intent.is_bot.person" : humans.IsCounselorHours ? "intent.is_bot.person.absent" : "intent.is_bot.person.off",
            english,
            hours);
    }

    /// <summary>Answers a question about hours; returns whether it was answered about a named service.</summary>
    private async Task<bool> AnswerHoursAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        if (await offer.SendNamedAsync(turnContext, turnContext.Activity.Text, cancellationToken).ConfigureAwait(false))
        {
            // 「チャイルドラインってまだやってる時間？」 asks about that service: its status now, not this chat's hours.
            return true;
        }

        if (profile.NamedService is { } asked && profile.Messages - profile.NamedServiceAt <= 2 && !NamesALocalOffice(turnContext.Activity.Text)
            && AsksATime(turnContext.Activity.Text)
            && await offer.SendNamedAsync(turnContext, asked, cancellationToken).ConfigureAwait(false))
        {
            // 「今日何時からやってる？」 right after a question about ChildLine is about ChildLine.
            return true;
        }

        if (NamesALocalOffice(turnContext.Activity.Text))
        {
            // 「区役所って土曜もあいてる？」 asks about a local office, whose hours differ by town: said plainly, with where to
            // check them — not this chat's hours (docs/sources/support-services-japan.md §26: local office hours).
            var answer = texts.Get("intent.hours.office", english);
            if (NamesAChildGuidanceCentre(turnContext.Activity.Text))
            {
                answer += "\n" + texts.Get("intent.hours.office.child", english);
            }

            await SayAsync(turnContext, answer, cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (humans.HoursTextIn(english) is { } hours)
        {
            // Never the hours alone as a promise: when nobody can take a chat now, that is said, with lines open now.
            var onDuty = await humans.SomeoneOnDutyAsync(cancellationToken).ConfigureAwait(false);
            // Within the hours with nobody signed in, the hours beside "nobody now" read as a contradiction (p21): only that.
            await SayAsync(turnContext, texts.Format(onDuty ? "intent.hours" : humans.IsCounselorHours ? "intent.hours.absent" : "intent.hours.off", english, hours), cancellationToken).ConfigureAwait(false);
            if (onDuty)
            {
                return false;
            }
        }
        else
        {
            await SayAsync(turnContext, texts.Get("intent.hours.noperson", english), cancellationToken).ConfigureAwait(false);
        }

        var open = offer.AroundTheClock(turnContext, 2);
        if (open.Count > 0)
        {
            await offer.SendListAsync(turnContext, texts.Get("intent.hours.open_now", english), open, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Local public offices people ask the hours of (役所, 保健所, 児童相談所, ハローワーク…).</summary>
    private static readonly string[] LocalOffices = new[]
    {
        "役所", "やくしょ", "役場", "やくば", "区役所", "市役所", "町役場", "村役場", "保健所", "ほけんじょ", "保健センター", "児童相談所", "児相",
        "ハローワーク", "はろーわーく", "福祉事務所", "社協", "社会福祉協議会", "福祉課", "市の窓口", "区の窓口", "町の窓口", "city hall", "ward office",
    }.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct().ToArray();

    private static readonly string[] ChildGuidanceCentres = new[] { "児童相談所", "児相", "じどうそうだんじょ" }
        .Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct().ToArray();

    private static bool NamesAChildGuidanceCentre(string? text) => Mentions(text, ChildGuidanceCentres);

    private static bool NamesALocalOffice(string? text) => Mentions(text, LocalOffices);

    /// <summary>Whether the normalized text contains one of the (normalized) terms.</summary>
    private static bool Mentions(string? text, string[] terms)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length > 0 && terms.Any(t => normalized.Contains(t, StringComparison.Ordinal));
    }

    /// <summary>Keeps the facts a message tells (age band, prefecture, cannot phone, a kind of counselor, job search, away from home).</summary>
    internal static void Remember(ConsultationProfile profile, MessageUnderstanding understanding)
    {
        if (understanding.AgeBand is { } band && profile.AgeBand != band)
        {
            profile.AgeBand = band;
            profile.Age = null;
        }

        if (understanding.PrefectureCode is { } prefecture)
        {
            profile.PrefectureCode = prefecture;
        }

        if (understanding.Preferences.CannotCall || understanding.Preferences.PrefersText)
        {
            profile.PrefersText = true;
        }

        if (HumanRequests.PreferenceLabel(understanding.Preferences.CounselorPreference) is { } label)
        {
            profile.CounselorPreference = label;
        }

        if (understanding.Cues.Any(c => c.Id is "job-search" or "job-loss"))
        {
            profile.SeeksWork = true;
        }

        if (understanding.Has(SupportCategory.OtherPerson))
        {
            profile.AboutSomeoneElseAt = profile.Messages;
        }

        if (understanding.Cues.Any(c => c.Id == "dark-job"))
        {
            profile.DarkJob = true;
        }

        if (understanding.Cues.Any(c => c.Id is "ran-away" or "housing-none-tonight" or "put-out-by-parent"))
        {
            profile.AwayFromHome = true;
        }
    }

    /// <summary>
    /// Whether the message's topics come only from words that name a place of life in passing (仕事, 授業, 同級生: the
    /// understanding patterns' <c>*-passing</c>, <c>*-context</c> and <c>*-word</c> entries) and nothing in it is heavy.
    /// </summary>
    internal static bool MentionsTopicInPassing(MessageReading reading) =>
        reading.Risk.Level == RiskLevel.None
        && reading.Understanding.Categories.Count > 0
        && reading.Understanding.Cues.Where(c => c.Kind is CueKind.Category or CueKind.Risk)
            .All(c => IsPassing(c.Id));

    /// <summary>
    /// The message's categories, less those that come only from a word naming a place of life in passing when another
    /// topic is told for itself: 「夜勤明けで帰ってきたけど、誰とも話してない」 is loneliness, not work (the work lines and the
    /// labour hotline had answered it). A category the risk engine read stays.
    /// </summary>
    internal static IReadOnlyList<SupportCategory> ToldCategories(MessageUnderstanding understanding)
    {
        var categories = understanding.Categories;
        if (categories.Count < 2)
        {
            return categories;
        }

        bool OnlyInPassing(SupportCategory category)
        {
            var wire = category.ToWire();
            var cues = understanding.Cues.Where(c => c.Kind is CueKind.Category or CueKind.Risk && c.Label == wire).ToList();
            return cues.Count > 0 && cues.All(c => c.Kind == CueKind.Category && IsPassing(c.Id));
        }

        var told = categories.Where(c => !OnlyInPassing(c)).ToList();
        return told.Count > 0 ? told : categories;
    }

    private static bool IsPassing(string cueId) =>
        cueId.EndsWith("-passing", StringComparison.Ordinal) || cueId.EndsWith("-context", StringComparison.Ordinal) || cueId.EndsWith("-word", StringComparison.Ordinal);

    /// <summary>The cue of having met someone online (Patterns: online-harm), the only online-harm cue of a first mention.</summary>
    private const string MetOnline = "online-harm";

    /// <summary>Whether the online-harm topic comes only from having met someone online, with nothing sent, asked or threatened.</summary>
    private static bool OnlyMetOnline(MessageUnderstanding understanding) =>
        understanding.Cues.Where(c => c.Kind == CueKind.Category && c.Label == "online_harm").All(c => c.Id == MetOnline);

    internal static bool LooksLikeAQuestion(string? text) =>
        text is not null && (text.Contains('?', StringComparison.Ordinal) || text.Contains('？', StringComparison.Ordinal));

    /// <summary>
    /// Hopelessness without words of danger (誰も困らないし, もう全部どうでもいい): heard, and asked plainly whether there are
    /// thoughts of dying — asking does not put the idea in anyone's head, and not asking leaves it unsaid.
    /// </summary>
    private async Task<ListenOutcome> AskAboutDyingAsync(ITurnContext turnContext, ConsultationProfile profile, CancellationToken cancellationToken)
    {
        var english = profile.English;
        profile.Messages++;
        profile.RememberTopic(SupportCategory.Suicidal);
        profile.AskedAboutDying = true;
        profile.DyingQuestionAt = profile.Messages;
        await SayAsync(turnContext, acks.Pick(["ack.hopeless"], profile), cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(DyingQuestion(texts, english), cancellationToken).ConfigureAwait(false);
        return new ListenOutcome(null, PromptButtons.None);
    }

    /// <summary>「いま、死にたいと思う気持ちはありますか？」 with ある / 少しある / ない (the values always the Japanese labels).</summary>
    internal static Activity DyingQuestion(BotTexts texts, bool english)
    {
        var question = Activity.CreateMessage(texts.Get("ask.dying.question", english));
        question.SuggestedActions = new SuggestedActions
        {
            Actions = [.. new[] { "ask.dying.button.yes", "ask.dying.button.little", "ask.dying.button.no" }.Select(k => CardAction.ImBack(texts.Get(k, english), texts.Get(k, false)))],
        };
        return question;
    }

    /// <summary>
    /// While waiting for a counselor: the direct question after hopelessness, or the answer to it, as on the usual path
    /// (the question stays the last thing said, so no waiting line after it). Returns whether it answered the message.
    /// </summary>
    public async Task<bool> AboutDyingWhileWaitingAsync(ITurnContext turnContext, MessageReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var profile = ConsultationProfile.For(turnContext);
        var outcome = await AnswerToTheDyingQuestionAsync(turnContext, profile, reading, cancellationToken).ConfigureAwait(false)
            ?? (AsksAboutDyingNow(turnContext.Activity.Text, reading, profile) ? await AskAboutDyingAsync(turnContext, profile, cancellationToken).ConfigureAwait(false) : null);
        if (outcome is null)
        {
            return false;
        }

        if (outcome.Prompt is { } prompt)
        {
            await SayAsync(turnContext, prompt, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Questions of who finds out that are about another place (a clinic, 189, a teacher): answered by the advice, not this chat's privacy.</summary>
    private static readonly string[] PrivacyAdvice = [AdviceKinds.Insurance, AdviceKinds.Privacy189, AdviceKinds.ToldParents];

    /// <summary>
    /// A short message that says something was done without saying what (ちょっとやってもうた, またやっちゃった), in a
    /// conversation where distress was told (the body or sleep, thoughts of dying, self-harm, or a level of medium or more)
    /// and no crisis reply yet.
    /// </summary>
    private static bool VeiledAct(string? text, MessageReading reading, ConsultationProfile profile)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length > 14 || profile.Crisis is not null || reading.Risk.Level >= RiskLevel.High || reading.Understanding.Categories.Count > 0
            || !VeiledActWords.AnyIn(normalized))
        {
            return false;
        }

        return profile.Risk.Level >= RiskLevel.Medium
            || profile.Topics.Any(t => t is SupportCategory.Health or SupportCategory.Suicidal or SupportCategory.SelfHarm or SupportCategory.Loneliness);
    }

    /// <summary>Words of having got indoors somewhere warm (コンビニ入った, あったかい, 友達んち着いた).</summary>
    private static bool IndoorsNow(string? text) => IndoorsWords.AnyInText(text);

    private static readonly NormalizedWords IndoorsWords = new(
        "コンビニ入った", "コンビニはいった", "コンビニにいる", "コンビニおる", "コンビニにおる", "店に入った", "お店に入った", "中に入った", "なかに入った", "交番に入った", "交番にいる",
        "あったかい", "あったけ", "あたたかい", "暖かい", "温かい", "ぬくい", "友達んち着いた", "友達の家着いた", "友だちの家に着いた", "入れてもらえた", "いれてもらえた"
    );

    /// <summary>The answer after a criminal job was told: personal details already sent, or whether it is dangerous.</summary>
    private static string? DarkJobLine(string? text, MessageUnderstanding understanding)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (DarkJobDetails.AnyIn(normalized) && DarkJobSent.AnyIn(normalized))
        {
            return "dark_job.sent";
        }

        return understanding.Advice is null && DarkJobRisky.AnyIn(normalized) ? "dark_job.risky" : null;
    }

    private static readonly NormalizedWords DarkJobDetails = new(
        "身分証", "みぶんしょう", "免許証", "めんきょ", "学生証", "がくせいしょう", "保険証", "マイナ", "住所", "じゅうしょ", "顔写真", "かおしゃしん", "口座", "こうざ"
    );

    private static readonly NormalizedWords DarkJobSent = new("送っ", "おくっ", "送ってしも", "教え", "おしえ", "渡し");

    private static readonly NormalizedWords DarkJobRisky = new(
        "やばいやつ", "ヤバいやつ", "やばいの", "ヤバいの", "やばいかな", "危ないやつ", "あぶないやつ", "危ないの", "あぶないの", "闇バイト", "やみばいと", "犯罪なの", "はんざいなの"
    );

    /// <summary>
    /// Whether a message asks about a time (何時, いつ, 今日, 明日, いま): 「今日何時から？」 after a named service is about it;
    /// 「また来てもええ？」 is not (p22: the service's card again).
    /// </summary>
    private static bool AsksATime(string? text) => TimeWords.AnyInText(text);

    private static readonly NormalizedWords TimeWords = new(
        "何時", "なんじ", "いつ", "今日", "きょう", "明日", "あした", "今", "いま", "夜", "よる", "朝", "あさ", "土日", "休み", "やすみ", "年末", "正月", "開いて", "あいて", "やって", "営業",
        "what time", "when", "open"
    );

    /// <summary>Whether a public phone costs money, asked (公衆電話ってお金いる？, 公衆電話ならある。タダ？).</summary>
    private static bool AsksPayphoneCost(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return PayphoneWords.AnyIn(normalized) && CostWords.AnyIn(normalized);
    }

    private static readonly NormalizedWords PayphoneWords = new("公衆電話", "こうしゅうでんわ", "payphone", "pay phone", "public phone");

    private static readonly NormalizedWords CostWords = new(
        "お金", "おかね", "料金", "りょうきん", "無料", "むりょう", "タダ", "ただで", "ただ？", "10円", "じゅうえん", "小銭", "こぜに", "かかる", "いる？", "要る", "free", "cost"
    );

    private static readonly NormalizedWords VeiledActWords = new(
        "やってもうた", "やってしもた", "やってしまった", "やっちゃった", "やってもた", "やっちまった", "やらかした", "しちゃった", "してもうた", "してしまった"
    );

    /// <summary>Words of hopelessness that say no danger yet but may hide thoughts of dying (normalized).</summary>
    private static readonly string[] HopelessWords = new[]
    {
        "誰も困らない", "だれも困らない", "だれもこまらない", "誰もこまらない", "誰も困らん", "誰も気にしない", "だれも気にしない", "誰も悲しまない", "だれも悲しまない",
        "誰も気づかない", "だれも気づかない", "いなくても同じ", "いなくてもおなじ", "いなくても変わらない", "いなくてもかわらない", "おらんでも同じ", "どうせ誰も", "どうせだれも",
        "生きてる意味", "いきてるいみ", "生きてる価値", "生きる意味がない", "生きる意味ない", "消えても誰も", "消えてもだれも", "nobody would care", "no one would care",
        // A veiled end (どうせ寝たら終わるし, もう年越したくない, 来年の自分想像できん).
        "寝たら終わる", "ねたらおわる", "年越したくない", "年を越したくない", "としこしたくない", "来年の自分想像", "来年の自分が想像", "未来が想像できない", "将来が想像できない",
        "明日が来なければ", "明日なんか来なければ",
    }.Select(TextNormalizer.Normalize).ToArray();

    /// <summary>
    /// Whether this message is hopelessness to be met with the direct question: quiet words of not wanting to go on
    /// (a disclosure read as suicidal below the crisis level) or of not mattering to anyone, in a conversation with no
    /// crisis reply yet and no question of its own; asked once in a conversation.
    /// </summary>
    private static bool AsksAboutDyingNow(string? text, MessageReading reading, ConsultationProfile profile)
    {
        var understanding = reading.Understanding;
        if (profile.AskedAboutDying || profile.Crisis is not null || reading.Risk.Level >= RiskLevel.High || understanding.Advice is not null
            || understanding.Intents.Any(i => i is not (Intent.Disclosure or Intent.Other)))
        {
            return false;
        }

        if (understanding.Has(SupportCategory.Suicidal) && understanding.Has(Intent.Disclosure))
        {
            return true;
        }

        var normalized = TextNormalizer.Normalize(text);
        foreach (var word in HopelessWords)
        {
            for (var at = normalized.IndexOf(word, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                // A purpose (誰も困らないように準備する) is not hopelessness.
                var rest = normalized[(at + word.Length)..];
                if (!PurposeEndings.Any(e => rest.StartsWith(e, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] PurposeEndings = new[] { "よう", "ため", "ように" }.Select(TextNormalizer.Normalize).ToArray();

    internal enum DyingAnswer
    {
        Yes,
        Unsure,
        No,
    }

    private static readonly string Aru = TextNormalizer.Normalize("ある");

    private static readonly string Nai = TextNormalizer.Normalize("ない");

    private static readonly string[] UnsureAnswers = new[] { "わからない", "わからん", "わかんない", "わかんね", "分からない", "よくわからない", "どうだろう", "どうやろ", "not sure", "dont know", "i don't know" }
        .Select(TextNormalizer.Normalize).ToArray();

    private static readonly string[] NoAnswers = new[] { "ない", "ないです", "ありません", "ないよ", "ないかな", "ううん", "いいえ", "いや", "それはない", "そこまでじゃない", "そこまでではない", "そこまではない", "大丈夫", "だいじょうぶ", "なか", "ねえ", "no", "nope" }
        .Select(TextNormalizer.Normalize).ToArray();

    private static readonly string[] YesAnswers = new[] { "ある", "あります", "あるよ", "あるかも", "少しある", "すこしある", "ちょっとある", "うん", "はい", "たまに", "ときどき", "時々", "いつも", "yes", "sometimes", "a little" }
        .Select(TextNormalizer.Normalize).ToArray();

    /// <summary>Answers that count only as the whole message (ちょっと, 少し, ずっと): 「ちょっと寝る」 is not a yes.</summary>
    private static readonly string[] BareYesAnswers = new[] { "ちょっと", "少し", "すこし", "ずっと", "ちょっとだけ", "少しだけ" }
        .Select(TextNormalizer.Normalize).ToArray();

    /// <summary>A short answer to the question about dying (ある・少しある・ない, typed or pressed), or null for anything else.</summary>
    internal static DyingAnswer? ReadDyingAnswer(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length is 0 or > 12)
        {
            return null;
        }

        if (UnsureAnswers.Any(a => normalized.Contains(a, StringComparison.Ordinal)))
        {
            return DyingAnswer.Unsure;
        }

        // 「いや、少しある」 is a yes: ある without ない is read before the no forms (いや, ううん).
        if (normalized.Contains(Aru, StringComparison.Ordinal) && !normalized.Contains(Nai, StringComparison.Ordinal))
        {
            return DyingAnswer.Yes;
        }

        if (NoAnswers.Any(a => normalized == a || normalized.StartsWith(a, StringComparison.Ordinal)) || normalized.EndsWith(Nai, StringComparison.Ordinal))
        {
            return DyingAnswer.No;
        }

        return YesAnswers.Any(a => normalized.StartsWith(a, StringComparison.Ordinal)) || BareYesAnswers.Contains(normalized, StringComparer.Ordinal) ? DyingAnswer.Yes : null;
    }

    /// <summary>
    /// The answer to the question about dying, in the message right after it: yes is heard and the around-the-clock
    /// services shown, with a call only if something may happen now; no and "I don't know" are thanked and listening
    /// goes on. Anything else is answered as usual (the question is not asked again).
    /// </summary>
    private async Task<ListenOutcome?> AnswerToTheDyingQuestionAsync(ITurnContext turnContext, ConsultationProfile profile, MessageReading reading, CancellationToken cancellationToken)
    {
        if (profile.DyingQuestionAt is not { } at)
        {
            return null;
        }

        profile.DyingQuestionAt = null;
        // 「ちょっと寝る」 is a goodbye, not 「ちょっと（ある）」.
        if (profile.Messages != at || reading.Understanding.Has(Intent.Farewell) || ReadDyingAnswer(turnContext.Activity.Text) is not { } answer)
        {
            return null;
        }

        var english = profile.English;
        profile.Messages++;
        switch (answer)
        {
            case DyingAnswer.Yes:
                await SayAsync(turnContext, texts.Get("ask.dying.yes", english), cancellationToken).ConfigureAwait(false);
                if (await humans.RequestForDyingAnswerAsync(turnContext, cancellationToken).ConfigureAwait(false) is { } queued
                    && (queued.Queued || queued.AlreadyWithHuman))
                {
                    // A yes is flagged to the counselors' queue (high priority), and the person is told honestly whether anyone
                    // is there to read it now.
                    await SayAsync(turnContext, texts.Get(queued.CounselorsAvailableNow ? "ask.dying.yes.queued" : "ask.dying.yes.queued.later", english), cancellationToken).ConfigureAwait(false);
                }

                if (!profile.Offered.Contains(SupportCategory.Suicidal))
                {
                    await offer.SendAsync(turnContext, [SupportCategory.Suicidal], forFriend: false, cancellationToken).ConfigureAwait(false);
                }

                return new ListenOutcome(texts.Get("ask.dying.yes.question", english), PromptButtons.Support);
            case DyingAnswer.Unsure:
                await SayAsync(turnContext, texts.Get("ask.dying.unsure", english), cancellationToken).ConfigureAwait(false);
                return new ListenOutcome(texts.Get("ask.dying.no.question", english), PromptButtons.None);
            default:
                await SayAsync(turnContext, texts.Get("ask.dying.no", english), cancellationToken).ConfigureAwait(false);
                return new ListenOutcome(texts.Get("ask.dying.no.question", english), PromptButtons.None);
        }
    }

    private static Task SayAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(text, cancellationToken);
}
