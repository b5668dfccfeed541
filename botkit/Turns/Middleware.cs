namespace ChatSupport.BotKit.Turns;

public delegate Task NextDelegate(CancellationToken cancellationToken);

public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

/// <summary>One step of the turn pipeline; calls <c>next</c> to go on, or returns to stop the turn.</summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}

/// <summary>Runs middleware in the order added, then the bot's callback.</summary>
public sealed class MiddlewareSet
{
    private readonly List<ITurnMiddleware> _middleware = [];

    public MiddlewareSet Use(ITurnMiddleware middleware)
    {
        _middleware.Add(middleware ?? throw new ArgumentNullException(nameof(middleware)));
        return this;
    }

    public IReadOnlyList<ITurnMiddleware> Items => _middleware;

    public Task ReceiveActivityAsync(ITurnContext context, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        return Next(0, cancellationToken);

        Task Next(int index, CancellationToken ct)
        {
            if (index == _middleware.Count)
            {
                return callback is null ? Task.CompletedTask : callback(context, ct);
            }

            return _middleware[index].OnTurnAsync(context, c => Next(index + 1, c), ct);
        }
    }
}
