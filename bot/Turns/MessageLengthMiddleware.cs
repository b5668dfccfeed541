using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Turns;

/// <summary>
/// Caps what the dialogs read from one message. The channel has already stored the whole text, so
/// nothing is lost; the person is told that only the beginning was read. The whole text stays in the
/// turn state as <see cref="FullMessageText"/>: the risk scan reads all of it, whatever the limit.
/// </summary>
public sealed class MessageLengthMiddleware(IOptions<BotOptions> options) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxTextLength;
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.Message) && activity.Text is { } text && text.Length > max)
        {
            turnContext.TurnState.Set(new FullMessageText(text));
            var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
            activity.Text = text[..cut];
            // Before the bot knows the person's language: both, from the one text catalogue.
            await turnContext.SendActivityAsync(
                BotTexts.Default.Format("long_message", false, max) + "\n" + BotTexts.Default.Format("long_message", true, max),
                cancellationToken).ConfigureAwait(false);
        }

        await next(cancellationToken).ConfigureAwait(false);
    }
}
