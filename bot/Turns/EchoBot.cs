using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.Bot.Turns;

/// <summary>
/// Repeats each message. Only the benchmark's baseline uses it (ChatSupport:Bot:Mode = echo): the
/// same host, channel and store as the real bot, without the consultation logic.
/// </summary>
public sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Activity.CreateMessage(turnContext.Activity.Text), cancellationToken);
}
