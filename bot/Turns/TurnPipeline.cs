using ChatSupport.BotKit.Turns;

namespace ChatSupport.Bot.Turns;

/// <summary>
/// The ordered steps every channel runs a turn through, before and after the bot. The order is
/// written once, in <c>Program.cs</c> (<see cref="TurnPipelineServiceCollectionExtensions.AddTurnPipeline"/>),
/// with the reason for it; every channel adapter takes it from here.
/// </summary>
public sealed class TurnPipeline(IReadOnlyList<ITurnMiddleware> steps)
{
    public IReadOnlyList<ITurnMiddleware> Steps { get; } = steps;
}

/// <summary>Lists the turn steps in order. Each step is registered by its own feature; the list only orders them.</summary>
public sealed class TurnPipelineBuilder
{
    private readonly List<(Type Step, bool Optional)> _steps = [];

    /// <summary>Adds a step that must be there (its feature always registers it).</summary>
    public TurnPipelineBuilder Use<TStep>()
        where TStep : class, ITurnMiddleware
    {
        _steps.Add((typeof(TStep), false));
        return this;
    }

    /// <summary>Adds the step of a feature that may be switched off: when its feature did not register it, the turn runs without it.</summary>
    public TurnPipelineBuilder UseIfRegistered<TStep>()
        where TStep : class, ITurnMiddleware
    {
        _steps.Add((typeof(TStep), true));
        return this;
    }

    internal TurnPipeline Build(IServiceProvider services)
    {
        var steps = new List<ITurnMiddleware>(_steps.Count);
        foreach (var (type, optional) in _steps)
        {
            if (services.GetService(type) is ITurnMiddleware step)
            {
                steps.Add(step);
            }
            else if (!optional)
            {
                throw new InvalidOperationException($"The turn step {type.Name} is not registered; the Add… method of its feature registers it.");
            }
        }

        return new TurnPipeline(steps);
    }
}

public static class TurnPipelineServiceCollectionExtensions
{
    /// <summary>Registers the one turn pipeline every channel uses, in the order <paramref name="configure"/> lists the steps.</summary>
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services, Action<TurnPipelineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new TurnPipelineBuilder();
        configure(builder);
        services.AddSingleton(builder.Build);
        return services;
    }
}
