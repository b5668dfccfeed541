using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.State;

/// <summary>Saves the given state scopes at the end of every turn that completes.</summary>
public sealed class AutoSaveStateMiddleware(params BotState[] states) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        await next(cancellationToken).ConfigureAwait(false);
        foreach (var state in states)
        {
            await state.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        }
    }
}
