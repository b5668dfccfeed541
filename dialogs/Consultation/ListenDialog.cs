using ChatSupport.Domain.Activities;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// 話を聞いてほしい: short listening turns. The bot says it is a bot and claims no feelings; it
/// acknowledges with fixed, reviewed phrases (never generated), and every few turns, or as soon as a
/// message shows serious distress, it offers people and places rather than long companionship.
/// Every message was risk-scanned before it gets here; high and critical never reach this dialog.
/// </summary>
public sealed class ListenDialog : ComponentDialog
{
    public const string DialogId = "listen";
    private const string Flow = "listen.flow";
    private const string Text = "listen.text";
    private const int OfferEvery = 3;

    private readonly BotTexts _texts;

    public ListenDialog(BotTexts texts)
        : base(DialogId)
    {
        _texts = texts;
        AddDialog(new WaterfallDialog(Flow, [AskAsync, RespondAsync]));
        AddDialog(new TextPrompt(Text));
        InitialDialogId = Flow;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(step.Context);
        var options = step.GetOptions<ListenOptions>() ?? new ListenOptions(0, null, false);
        var prompt = Activity.CreateMessage(options.Reply ?? _texts.Get("listen.intro", english));
        if (options.Offer)
        {
            prompt.SuggestedActions = new SuggestedActions
            {
                Actions =
                [
                    CardAction.ImBack(_texts.Get("menu.human", english)),
                    CardAction.ImBack(_texts.Get("menu.find", english)),
                    CardAction.ImBack(_texts.Get("listen.offer.continue", english)),
                ],
            };
        }

        return await step.PromptAsync(Text, new PromptOptions { Prompt = prompt }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RespondAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(step.Context);
        var text = step.Result as string;
        var turns = (step.GetOptions<ListenOptions>()?.Turns ?? 0) + 1;

        if (MainDialog.MenuSelection(_texts, text) is (1 or 2) and var selected)
        {
            // The person named another menu option: leave the listening mode and let the menu route it.
            return await step.EndDialogAsync(new MenuSelected(selected), cancellationToken).ConfigureAwait(false);
        }

        if (TextNormalizer.Normalize(text) == TextNormalizer.Normalize(_texts.Get("listen.offer.continue", english)))
        {
            return await step.ReplaceDialogAsync(Flow, new ListenOptions(turns - 1, _texts.Get("listen.more", english), false), cancellationToken).ConfigureAwait(false);
        }

        var level = step.Context.TurnState.Get<RiskAssessment>()?.Level ?? RiskLevel.None;
        string reply;
        bool offer;
        if (level >= RiskLevel.Medium)
        {
            reply = _texts.Get("listen.concern", english);
            offer = true;
        }
        else if (turns % OfferEvery == 0)
        {
            reply = _texts.Get("listen.offer", english);
            offer = true;
        }
        else
        {
            var acks = _texts.List("listen.ack", english);
            reply = acks[(turns - 1) % acks.Count] + "\n" + _texts.Get("listen.more", english);
            offer = false;
        }

        return await step.ReplaceDialogAsync(Flow, new ListenOptions(turns, reply, offer), cancellationToken).ConfigureAwait(false);
    }

    public sealed record ListenOptions(int Turns, string? Reply, bool Offer);
}

/// <summary>A menu option the person named while in another dialog.</summary>
public sealed record MenuSelected(int Index);
