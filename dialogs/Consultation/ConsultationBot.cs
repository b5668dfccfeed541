using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.State;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// The consultation bot behind every channel. Each message is read once (<see cref="MessageReader"/>:
/// risk and understanding in one pass) and the reading is put in turn state; high and critical get
/// the crisis reply in the same turn, whatever dialog was running (the dialog waits where it was),
/// except when the message is a pressed topic button (a choice, answered by find-support with the
/// crisis reply once). Otherwise global commands (最初から, やめる, 人と話したい, 緊急, help) run before
/// the active dialog, and then the conversation listens. Answers after a crisis message stay on the crisis path;
/// while the conversation waits for a counselor and nobody holds it, the bot still answers every message (never
/// silent, docs/crisis.md). State is saved by the host's pipeline.
/// </summary>
public sealed class ConsultationBot : ActivityHandler
{
    private static readonly string[] ToEnglish = ["English", "英語", "えいご"];
    private static readonly string[] ToJapanese = ["日本語", "にほんご", "Japanese"];

    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly IStatePropertyAccessor<ConsultationProfile> _profile;
    private readonly MainDialog _main;
    private readonly GlobalCommands _commands;
    private readonly MessageReader _reader;
    private readonly HumanRequests _humans;
    private readonly CrisisResponder _crisis;
    private readonly BotTexts _texts;
    private readonly TimeProvider _clock;
    private readonly TriageStatus? _triage;

    public ConsultationBot(ConversationState conversationState, MainDialog main, HumanRequests humans, CrisisResponder crisis, MessageReader reader, BotTexts texts, TimeProvider clock, TriageStatus? triage = null)
    {
        _triage = triage;
        _dialogState = conversationState.CreateProperty<DialogState>("dialogState");
        _profile = conversationState.CreateProperty<ConsultationProfile>("consultation");
        _main = main;
        _reader = reader;
        _humans = humans;
        _crisis = crisis;
        _texts = texts;
        _clock = clock;
        _commands = new GlobalCommands()
            .AddRestart(ctx => Activity.CreateMessage(texts.Get("restart", ConsultationProfile.IsEnglish(ctx))), [.. GlobalCommandPhrases.Restart, "start over", "最初に戻る"])
            .AddCancel(ctx => Activity.CreateMessage(texts.Get("cancel.goodbye", ConsultationProfile.IsEnglish(ctx))), [.. GlobalCommandPhrases.Cancel, "stop"])
            .AddHumanRequest(AskForPerson(humans, null), [.. GlobalCommandPhrases.HumanRequest, "talk to a person"])
            .AddHelp(ctx => Activity.CreateMessage(texts.Get("help", ConsultationProfile.IsEnglish(ctx))), [.. GlobalCommandPhrases.Help])
            .Add("emergency", ["緊急", "きんきゅう", "emergency", "SOS"], async (context, ct) =>
            {
                await crisis.SendEmergencyContactsAsync(context.TurnContext, ct).ConfigureAwait(false);
                return await RepromptAsync(context.DialogContext, ct).ConfigureAwait(false);
            });
        foreach (var (preference, phrases) in HumanRequests.PreferencePhrases)
        {
            _commands.Add("human:" + preference, phrases, AskForPerson(humans, preference));
        }
    }

    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Texts are plain: line breaks stay line breaks, and nothing is read as markup.
        turnContext.OnSendActivities((_, activities, next) =>
        {
            foreach (var activity in activities.Where(a => a.IsType(ActivityTypes.Message)))
            {
                activity.TextFormat ??= "plain";
            }

            return next();
        });
        return base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await LoadProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        // A bot, not a person; what is kept and who reads it; 110/119; a person only where and when counselors answer.
        var welcome = _texts.Get("welcome", profile.English);
        if (_humans.HoursTextIn(profile.English) is { } hours)
        {
            // Never a promise nobody keeps: when no counselor can take a chat now, the welcome says so.
            var onDuty = await _humans.SomeoneOnDutyAsync(cancellationToken).ConfigureAwait(false);
            // Within the hours but nobody signed in: no hours stated beside "nobody now" (they read as a contradiction).
            welcome += "\n" + _texts.Format(onDuty ? "welcome.person" : _humans.IsCounselorHours ? "welcome.person.absent" : "welcome.person.off", profile.English, hours);
        }

        await turnContext.SendActivityAsync(welcome, cancellationToken).ConfigureAwait(false);
        if (_triage?.IsActive == true)
        {
            // ETH-04: when the AI may advise counselors, the person is told plainly; the menu carries the opt-out button.
            await turnContext.SendActivityAsync(_texts.Get("welcome.ai", profile.English), cancellationToken).ConfigureAwait(false);
        }

        var dc = await new DialogSet(_dialogState).Add(_main).CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (dc.ActiveDialog is null)
        {
            await dc.BeginDialogAsync(MainDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await LoadProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var text = turnContext.Activity.Text ?? string.Empty;

        if (string.IsNullOrWhiteSpace(text))
        {
            // A sticker, picture or file: nothing to read, so say so kindly and ask the open question again.
            await turnContext.SendActivityAsync(_texts.Get("only_text", profile.English), cancellationToken).ConfigureAwait(false);
            if (turnContext.TurnState.Get<HandoffWaiting>() is not null)
            {
                return; // Waiting for a counselor: no menu.
            }

            var open = await new DialogSet(_dialogState).Add(_main).CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await RepromptAsync(open, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (LanguageCommand(text) is { } english)
        {
            profile.English = english;
            profile.LanguageChosen = true;
            await turnContext.SendActivityAsync(_texts.Get("language.switched", english), cancellationToken).ConfigureAwait(false);
            // Prompts keep the text they were asked in, so the menu starts again in the new language.
            var dc = await new DialogSet(_dialogState).Add(_main).CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await dc.BeginDialogAsync(MainDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!profile.English && !profile.LanguageChosen && EnglishWriting.Looks(text))
        {
            // Someone writing in English is answered in English from this message on (「日本語」 switches back).
            profile.English = true;
            await turnContext.SendActivityAsync(_texts.Get("language.auto", true), cancellationToken).ConfigureAwait(false);
        }

        // Read once: risk and understanding over the whole message (even past the reading limit); the risk also
        // looks at the conversation so far, so a situation can combine with an earlier message (消えたい … いま橋の上).
        var now = _clock.GetUtcNow();
        var fullText = FullMessageText.Of(turnContext);
        var reading = _reader.Read(fullText, profile.Risk, now);
        var assessment = reading.Risk;
        profile.Risk = profile.Risk.Update(assessment, now);
        turnContext.TurnState.Set(assessment);
        turnContext.TurnState.Set(profile.Risk);
        turnContext.TurnState.Set(reading);
        var pressedTopic = assessment.Level >= RiskLevel.High && Topics.FromButton(_texts, text) is not null;
        if (assessment.Level >= RiskLevel.High || profile.Crisis?.IsOpen(now) == true)
        {
            // Facts told in or during a crisis message (中2。親に閉め出された) choose its lines (189 and the children's lines
            // for someone under 18): remembered here, since the listening turn that usually keeps them does not run.
            Listener.Remember(profile, reading.Understanding);
        }

        if (assessment.Level >= RiskLevel.High)
        {
            // What a crisis message is about is what the conversation is about from now on (写真送ってって言われた, then
            // 親には言いたくない): later messages are acknowledged and offered services for it, most serious first.
            foreach (var category in Enumerable.Reverse(Acknowledgements.Told(reading.Understanding.Categories, profile)))
            {
                profile.RememberTopic(category);
            }
        }

        if (!pressedTopic && await _crisis.HandleAsync(turnContext, assessment, cancellationToken).ConfigureAwait(false))
        {
            return; // Danger, or an answer inside an open crisis episode (docs/crisis.md).
        }

        if (turnContext.TurnState.Get<HandoffWaiting>() is { } waiting)
        {
            // Waiting for a counselor and nobody holds the conversation: never silent, no menu. A kind of counselor
            // asked for now (「できれば女性の方がいい」) goes onto the queue item, where counselors see it.
            var preference = reading.Understanding.Preferences.CounselorPreference;
            if (HumanRequests.PreferenceLabel(preference) is { } label)
            {
                profile.CounselorPreference = label;
                await _humans.UpdatePreferenceAsync(turnContext, label, cancellationToken).ConfigureAwait(false);
            }

            if (await _main.Listener.AboutDyingWhileWaitingAsync(turnContext, reading, cancellationToken).ConfigureAwait(false))
            {
                return; // Hopelessness met with the direct question, or the answer to it (docs/consultation.md, "Round 17").
            }

            // A question (「朝になったらどこ行けばええ？」「学校終わってからも相談できる？何時まで？」) is answered as on the usual
            // path, then the waiting line.
            var worried = profile.Crisis is { } episode && episode.IsOpen(now)
                && _crisis.Waiting.WorryLines(text, episode.WorryHarm, profile.English).Count > 0;
            var answered = await _main.Listener.AnswerWhileWaitingAsync(turnContext, reading, cancellationToken, worried).ConfigureAwait(false);
            await _crisis.Waiting.RespondAsync(turnContext, waiting, cancellationToken, answered).ConfigureAwait(false);
            if (!answered && !waiting.CounselorOnDuty)
            {
                await _main.Listener.OfferNewTopicWhileWaitingAsync(turnContext, reading, cancellationToken).ConfigureAwait(false);
            }
            return;
        }

        if (_triage?.Enabled == true && TriageOptOut.IsOptOutRequest(text))
        {
            // ETH-04: the triage middleware has recorded the opt-out; confirm it.
            // The menu starts again, this time without the opt-out button.
            profile.AiOptedOut = true;
            profile.OfferAiOptOut = false;
            await turnContext.SendActivityAsync(_texts.Get("triage.optout.done", profile.English), cancellationToken).ConfigureAwait(false);
            var dc = await new DialogSet(_dialogState).Add(_main).CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await dc.BeginDialogAsync(MainDialog.DialogId, new MainDialog.MenuOptions(Again: true), cancellationToken).ConfigureAwait(false);
            return;
        }

        await _main.RunAsync(turnContext, _dialogState, _commands, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A counselor ended the conversation and the bot has it again: one optional feedback question, then the menu.</summary>
    public async Task OnBotResumedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var dc = await new DialogSet(_dialogState).Add(_main).CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await dc.BeginDialogAsync(MainDialog.DialogId, new MainDialog.MenuOptions(Again: true, AskFeedback: true), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ConsultationProfile> LoadProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var locale = turnContext.Activity.Locale;
        var profile = await _profile.GetAsync(
            turnContext,
            () => new ConsultationProfile { English = locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) },
            cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Set(profile);

        // The turn's risk for later steps (the triage), as the domain's own type, not this bot's profile.
        turnContext.TurnState.Set(profile.Risk);
        profile.OfferAiOptOut = _triage?.IsActive == true && !profile.AiOptedOut;
        return profile;
    }

    private static bool? LanguageCommand(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (ToEnglish.Any(w => TextNormalizer.Normalize(w) == normalized))
        {
            return true;
        }

        return ToJapanese.Any(w => TextNormalizer.Normalize(w) == normalized) ? false : null;
    }

    /// <summary>人と話したい (optionally of a kind): queued → the dialogs stop and a counselor takes over; otherwise the question is asked again.</summary>
    private static GlobalCommandHandler AskForPerson(HumanRequests humans, string? preference) => async (context, ct) =>
    {
        if (await humans.RequestByPersonAsync(context.TurnContext, ct, preference).ConfigureAwait(false))
        {
            await context.DialogContext.CancelAllDialogsAsync(ct).ConfigureAwait(false);
            return new DialogTurnResult(DialogTurnStatus.Cancelled);
        }

        // No person now: the honest answer with services open now is the whole reply (no question repeated after it).
        return context.DialogContext.ActiveDialog is null
            ? await context.DialogContext.BeginDialogAsync(MainDialog.DialogId, new MainDialog.MenuOptions(true, Silent: true), ct).ConfigureAwait(false)
            : Dialog.EndOfTurn;
    };

    private static async Task<DialogTurnResult> RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.ActiveDialog is null)
        {
            return await dc.BeginDialogAsync(MainDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
        }

        await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return Dialog.EndOfTurn;
    }
}
