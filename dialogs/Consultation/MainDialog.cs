using ChatSupport.Domain.Activities;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// The menu after the welcome: 話を聞いてほしい / 相談先を知りたい / 友だちのことで相談 / 人と話したい.
/// Each path ends back at the menu; two answers it cannot read bring the menu again with the offer of a person.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    public const string DialogId = "main";
    private const string Flow = "main.flow";
    private const string Menu = "main.menu";
    private const string Feedback = "main.feedback";
    private static readonly string[] MenuKeys = ["menu.listen", "menu.find", "menu.friend", "menu.human"];

    private readonly BotTexts _texts;
    private readonly HumanRequests _humans;

    public MainDialog(BotTexts texts, HumanRequests humans, ListenDialog listen, FindSupportDialog find)
        : base(DialogId)
    {
        _texts = texts;
        _humans = humans;
        AddDialog(new WaterfallDialog(Flow, [AskFeedbackAsync, ThankForFeedbackAsync, ShowMenuAsync, RouteAsync, FollowUpAsync, LoopAsync]));
        AddDialog(new ChoicePrompt(Menu));
        AddDialog(new ChoicePrompt(Feedback));
        AddDialog(listen);
        AddDialog(find);
        InitialDialogId = Flow;
    }

    /// <summary>The menu's options in the person's language (the listen dialog recognises them too).</summary>
    public static List<Choice> MenuChoices(BotTexts texts, bool english) =>
    [
        new(texts.Get("menu.listen", english), "聞いて", "話したい", "listen"),
        new(texts.Get("menu.find", english), "相談先", "窓口", "相談窓口", "support"),
        new(texts.Get("menu.friend", english), "友だち", "友達", "friend"),
        new(texts.Get("menu.human", english), "相談員", "人間", "person", "human"),
    ];

    /// <summary>
    /// While the AI triage is on and the person has not said no, the menu also carries 「AIを使わない」 (ETH-04).
    /// Its button sends the opt-out phrase, which the bot handles before any dialog, so the menu never routes it.
    /// </summary>
    private List<Choice> WithAiOptOut(List<Choice> choices, ChatSupport.Domain.Turns.ITurnContext turnContext)
    {
        var profile = ConsultationProfile.For(turnContext);
        if (profile.OfferAiOptOut)
        {
            var title = _texts.Get("welcome.ai.button", profile.English);
            choices.Add(new Choice(title) { Action = CardAction.ImBack(title, ChatSupport.Domain.Triage.TriageOptOut.ButtonValue) });
        }

        return choices;
    }

    /// <summary>The menu option the whole message names, if it names one exactly (used to leave the listening mode).</summary>
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

    /// <summary>After a counselor ended the conversation: one optional question, then the menu.</summary>
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

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ShowMenuAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(step.Context);
        var again = step.GetOptions<MenuOptions>()?.Again ?? false;

        return await step.PromptAsync(Menu, new PromptOptions
        {
            Prompt = Activity.CreateMessage(_texts.Get(again ? "menu.again" : "menu.prompt", english)),
            RetryPrompt = Activity.CreateMessage(_texts.Get("menu.retry", english)),
            Choices = WithAiOptOut(MenuChoices(_texts, english), step.Context),
            MaxAttempts = 3,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(step.Context);
        var selection = (step.Result as FoundChoice)?.Index;

        switch (selection)
        {
            case 0:
                return await step.BeginDialogAsync(ListenDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
            case 1:
                return await step.BeginDialogAsync(FindSupportDialog.DialogId, new FindSupportOptions(ForFriend: false), cancellationToken).ConfigureAwait(false);
            case 2:
                return await step.BeginDialogAsync(FindSupportDialog.DialogId, new FindSupportOptions(ForFriend: true), cancellationToken).ConfigureAwait(false);
            case 3:
                if (await _humans.RequestByPersonAsync(step.Context, cancellationToken).ConfigureAwait(false))
                {
                    // A counselor takes over; the bot stays silent until the handoff ends.
                    return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
                }

                return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
            default:
                // Three answers it could not read: never a loop with no way out.
                await step.Context.SendActivityAsync(_texts.Get("menu.stuck", english), cancellationToken).ConfigureAwait(false);
                return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> FollowUpAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.Result is MenuSelected { Index: 1 or 2 } selected
            ? await step.BeginDialogAsync(FindSupportDialog.DialogId, new FindSupportOptions(ForFriend: selected.Index == 2), cancellationToken).ConfigureAwait(false)
            : await step.NextAsync(null, cancellationToken).ConfigureAwait(false);

    private Task<DialogTurnResult> LoopAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.ReplaceDialogAsync(Flow, new MenuOptions(true), cancellationToken);

    public sealed record MenuOptions(bool Again, bool AskFeedback = false);
}
