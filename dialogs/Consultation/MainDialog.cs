using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// The conversation after the welcome: free text is the main way in, buttons are shortcuts. Every
/// message goes to the <see cref="Listener"/> (acknowledgement, direct answers, services, one question
/// or one next step); the buttons 話を聞いてほしい / 相談先を知りたい / 友だちのことで相談 / 人と話したい are
/// choices, as are the topic buttons. Nothing a person writes is ever "not recognized": the open
/// prompt takes any text.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    public const string DialogId = "main";
    private const string Flow = "main.flow";
    private const string Open = "main.open";
    private const string Feedback = "main.feedback";
    private static readonly string[] MenuKeys = ["menu.listen", "menu.find", "menu.friend", "menu.human"];

    private readonly BotTexts _texts;
    private readonly HumanRequests _humans;
    private readonly Listener _listener;

    /// <summary>The listener, for the one answer given while a person waits for a counselor (services asked for).</summary>
    internal Listener Listener => _listener;

    public MainDialog(BotTexts texts, HumanRequests humans, Listener listener, FindSupportDialog find)
        : base(DialogId)
    {
        _texts = texts;
        _humans = humans;
        _listener = listener;
        AddDialog(new WaterfallDialog(Flow, [AskFeedbackAsync, ThankForFeedbackAsync, OpenAsync, RespondAsync, AfterFindSupportAsync, LoopAsync]));
        AddDialog(new TextPrompt(Open));
        AddDialog(new ChoicePrompt(Feedback));
        AddDialog(find);
        InitialDialogId = Flow;
    }

    /// <summary>The menu's options in the person's language.</summary>
    public static List<Choice> MenuChoices(BotTexts texts, bool english) =>
    [
        new(texts.Get("menu.listen", english), "聞いて", "listen"),
        new(texts.Get("menu.find", english), "相談先", "窓口", "相談窓口", "support"),
        new(texts.Get("menu.friend", english), "friend"),
        new(texts.Get("menu.human", english), "相談員", "person", "human"),
    ];

    /// <summary>The menu option the whole message is (a pressed button or its exact title), if any.</summary>
    public static int? MenuSelection(BotTexts texts, string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        for (var i = 0; i < MenuKeys.Length; i++)
        {
            if (normalized == TextNormalizer.Normalize(texts.Get(MenuKeys[i], false)) || normalized == TextNormalizer.Normalize(texts.Get(MenuKeys[i], true)))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The shortcut buttons as suggested actions (the AI opt-out joins the menu while it is offered, ETH-04).</summary>
    public List<CardAction> Buttons(PromptButtons buttons, ChatSupport.BotKit.Turns.ITurnContext turnContext)
    {
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        List<CardAction> actions = buttons switch
        {
            PromptButtons.Menu => [.. MenuKeys.Select(k => CardAction.ImBack(_texts.Get(k, english)))],
            PromptButtons.Support => [CardAction.ImBack(_texts.Get("menu.find", english)), CardAction.ImBack(_texts.Get("menu.human", english))],
            _ => [],
        };
        if (buttons == PromptButtons.Menu && profile.OfferAiOptOut)
        {
            // Its button sends the opt-out phrase, which the bot handles before any dialog.
            actions.Add(CardAction.ImBack(_texts.Get("welcome.ai.button", english), ChatSupport.Domain.Triage.TriageOptOut.ButtonValue));
        }

        return actions;
    }

    /// <summary>After a counselor ended the conversation: one optional question.</summary>
    private async Task<DialogTurnResult> AskFeedbackAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.GetOptions<MenuOptions>() is not { AskFeedback: true })
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var english = ConsultationProfile.IsEnglish(step.Context);
        return await step.PromptAsync(Feedback, new PromptOptions
        {
            Prompt = Activity.CreateMessage(_texts.Get("feedback.question", english)),
            Choices = [new(_texts.Get("feedback.yes", english), "はい", "yes"), new(_texts.Get("feedback.no", english), "いいえ", "no")],
            MaxAttempts = 1,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ThankForFeedbackAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice answer)
        {
            var profile = ConsultationProfile.For(step.Context);
            profile.Feedback = answer.Index == 0 ? "helpful" : "not_helpful";
            await step.Context.SendActivityAsync(_texts.Get("feedback.thanks", profile.English), cancellationToken).ConfigureAwait(false);
        }
        else if (step.Result is PromptNotRecognized { LastText: { } text } && !string.IsNullOrWhiteSpace(text))
        {
            // Not an answer to the question but a message: it gets its answer now.
            return await step.NextAsync(new UnansweredMessage(text), cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OpenAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is UnansweredMessage unanswered)
        {
            return await step.NextAsync(unanswered.Text, cancellationToken).ConfigureAwait(false);
        }

        var options = step.GetOptions<MenuOptions>() ?? new MenuOptions(false);
        if (options.Silent)
        {
            return await step.PromptAsync(Open, new PromptOptions(), cancellationToken).ConfigureAwait(false);
        }

        var english = ConsultationProfile.IsEnglish(step.Context);
        var prompt = Activity.CreateMessage(options.Prompt ?? _texts.Get(options.Again ? "menu.again" : "welcome.invite", english));
        var buttons = Buttons(options.Buttons, step.Context);
        if (buttons.Count > 0)
        {
            prompt.SuggestedActions = new SuggestedActions { Actions = buttons };
        }

        return await step.PromptAsync(Open, new PromptOptions { Prompt = prompt }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RespondAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var text = step.Result as string ?? string.Empty;
        var english = ConsultationProfile.IsEnglish(step.Context);
        var profile = ConsultationProfile.For(step.Context);

        switch (MenuSelection(_texts, text))
        {
            case 0:
                await step.Context.SendActivityAsync(_texts.Get("intent.listen", english), cancellationToken).ConfigureAwait(false);
                return await step.NextAsync(new ListenOutcome(null, PromptButtons.None), cancellationToken).ConfigureAwait(false);
            case 1:
                var known = profile.Topics.Count > 0 ? new[] { profile.Topics[0] } : null;
                return await step.BeginDialogAsync(FindSupportDialog.DialogId, new FindSupportOptions(ForFriend: false, known), cancellationToken).ConfigureAwait(false);
            case 2:
                return await step.BeginDialogAsync(FindSupportDialog.DialogId, new FindSupportOptions(ForFriend: true), cancellationToken).ConfigureAwait(false);
            case 3:
                if (await _humans.RequestByPersonAsync(step.Context, cancellationToken, profile.CounselorPreference).ConfigureAwait(false))
                {
                    // A counselor takes over; the bot answers only while the person waits (see ConsultationBot).
                    return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
                }

                return await step.NextAsync(new ListenOutcome(null, PromptButtons.None), cancellationToken).ConfigureAwait(false);
        }

        return await ListenAsync(step, text, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AfterFindSupportAsync(WaterfallStepContext step, CancellationToken cancellationToken) => step.Result switch
    {
        ListenOutcome outcome => await step.NextAsync(outcome, cancellationToken).ConfigureAwait(false),
        UnansweredMessage unanswered => await ListenAsync(step, unanswered.Text, cancellationToken, unanswered.OfferTopics).ConfigureAwait(false),
        _ => await step.NextAsync(new ListenOutcome(null, PromptButtons.None), cancellationToken).ConfigureAwait(false),
    };

    private Task<DialogTurnResult> LoopAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var outcome = step.Result as ListenOutcome ?? new ListenOutcome(null, PromptButtons.None);
        return step.ReplaceDialogAsync(Flow, new MenuOptions(true, Prompt: outcome.Prompt, Buttons: outcome.Buttons, Silent: outcome.Prompt is null), cancellationToken);
    }

    /// <summary>The message of this turn, answered by the listener.</summary>
    private async Task<DialogTurnResult> ListenAsync(WaterfallStepContext step, string text, CancellationToken cancellationToken, IReadOnlyList<SupportCategory>? offerTopics = null)
    {
        if (Topics.FromButton(_texts, text) is { } topic)
        {
            // A topic button pressed outside the topic question (an old button): a choice all the same.
            return await step.BeginDialogAsync(FindSupportDialog.DialogId, new FindSupportOptions(ForFriend: false, ChosenTopic: topic.Key), cancellationToken).ConfigureAwait(false);
        }

        var reading = step.Context.TurnState.Get<MessageReading>()
            ?? throw new InvalidOperationException("No MessageReading in turn state: ConsultationBot reads every message before the dialogs run.");
        var outcome = await _listener.RespondAsync(step.Context, reading, cancellationToken, offerTopics).ConfigureAwait(false);
        if (outcome.HandedOff)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.FindSupport is { } find)
        {
            return await step.BeginDialogAsync(FindSupportDialog.DialogId, find, cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="Again">Not the first time (the closing line is 「ほかにも…」 rather than the invitation).</param>
    /// <param name="AskFeedback">After a counselor's conversation: one optional feedback question first.</param>
    /// <param name="Prompt">The closing line to send (null: the invitation or 「ほかにも…」).</param>
    /// <param name="Buttons">Shortcut buttons under the closing line.</param>
    /// <param name="Silent">Send no closing line (the answer already ended with a next step).</param>
    public sealed record MenuOptions(bool Again, bool AskFeedback = false, string? Prompt = null, PromptButtons Buttons = PromptButtons.Menu, bool Silent = false);
}
