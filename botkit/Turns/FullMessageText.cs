namespace ChatSupport.BotKit.Turns;

/// <summary>
/// The whole text of the person's message, kept in the turn state when the bot's reading limit cut
/// <see cref="Activities.Activity.Text"/>. The risk scan and the understanding pass read this, so danger
/// written after the limit is never missed; dialogs read the cut text.
/// </summary>
public sealed record FullMessageText(string Text)
{
    /// <summary>The whole text of this turn's message: the kept original if it was cut, else the activity's text (or empty).</summary>
    public static string Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<FullMessageText>()?.Text ?? turnContext.Activity.Text ?? string.Empty;
    }
}
