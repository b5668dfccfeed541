using System.Text.Json;

namespace ChatSupport.BotKit.State;

/// <summary>A typed property inside a <see cref="BotState"/> scope.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>
    /// Returns the value, creating it with <paramref name="defaultValueFactory"/> (and storing it)
    /// when absent. Changes to the returned object are saved with the state.
    /// </summary>
    Task<T> GetAsync(Turns.ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    Task SetAsync(Turns.ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(Turns.ITurnContext turnContext, CancellationToken cancellationToken = default);
}

internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T> GetAsync(Turns.ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
    {
        await state.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        var cached = state.GetCached(turnContext);
        if (cached.Live.TryGetValue(Name, out var live))
        {
            return (T)live.Value!;
        }

        T value;
        if (cached.TryRead<T>(Name, out var stored))
        {
            value = stored!;
        }
        else if (defaultValueFactory is not null)
        {
            value = defaultValueFactory();
        }
        else
        {
            return default!;
        }

        cached.Live[Name] = (value, typeof(T));
        return value;
    }

    public async Task SetAsync(Turns.ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
    {
        await state.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        state.GetCached(turnContext).Live[Name] = (value, typeof(T));
    }

    public async Task DeleteAsync(Turns.ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await state.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        state.GetCached(turnContext).Remove(Name);
    }
}
