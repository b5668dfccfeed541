using ChatSupport.Bot.Turns;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatSupport.Bot.Channels;

/// <summary>
/// The frame every channel shares: the one turn pipeline (<see cref="TurnPipeline"/>), the bot's identity,
/// and what happens when a turn fails — a log line with the channel, the activity type, the exception's
/// type and where it was thrown (never its message: it may quote the person), and a notice to the person.
/// A channel adds only how replies leave (<see cref="BotAdapter.SendActivitiesAsync"/>).
/// </summary>
public abstract partial class ChannelAdapter : BotAdapter
{
    /// <summary>The bot's account on every channel.</summary>
    public const string BotId = "chatsupport-bot";

    public const string BotName = "ChatSupport";

    /// <summary>Shown when the bot itself failed; the person's message is already stored.</summary>
    public static string FailureText { get; } = ChatSupport.Domain.Texts.BotTexts.Default.Get("channel.failure", false);

    protected ChannelAdapter(string channel, TurnPipeline pipeline, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        Channel = channel;
        foreach (var step in pipeline.Steps)
        {
            Use(step);
        }

        OnTurnError = async (context, exception) =>
        {
            Log.TurnFailed(
                logger,
                context.Activity.ChannelId ?? channel,
                context.Activity.Type,
                exception.GetType().FullName,
                exception.TargetSite is { } site ? $"{site.DeclaringType?.FullName}.{site.Name}" : "unknown");
            try
            {
                await context.SendActivityAsync(FailureText).ConfigureAwait(false);
            }
            catch (Exception sendFailure)
            {
                Log.NoticeFailed(logger, sendFailure.GetType().FullName);
            }
        };
    }

    /// <summary>The channel id this adapter serves (<c>directline</c>, <c>line</c>).</summary>
    public string Channel { get; }

    /// <summary>The bot's account, as the recipient of what people send and the sender of replies.</summary>
    public static ChannelAccount BotAccount() => new(BotId, BotName, RoleTypes.Bot);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "A turn failed on {Channel} ({ActivityType}): {ExceptionType} at {Site}.", EventName = "TurnFailed")]
        public static partial void TurnFailed(ILogger logger, string channel, string? activityType, string? exceptionType, string site);

        [LoggerMessage(2, LogLevel.Error, "The failure notice could not be sent: {ExceptionType}.", EventName = "FailureNoticeFailed")]
        public static partial void NoticeFailed(ILogger logger, string? exceptionType);
    }
}

/// <summary>The host's channel adapters by channel id, so counselor messages go out the person's own way.</summary>
public sealed class ChannelAdapters(IEnumerable<ChannelAdapter> adapters) : IChannelAdapters
{
    private readonly Dictionary<string, ChannelAdapter> _byChannel = adapters.ToDictionary(a => a.Channel, StringComparer.Ordinal);

    public BotAdapter? Find(string channelId) => _byChannel.GetValueOrDefault(channelId);
}

public static class ChannelAdapterServiceCollectionExtensions
{
    /// <summary>Registers a channel's adapter, also as one of the <see cref="IChannelAdapters"/> the handoff delivers through.</summary>
    public static IServiceCollection AddChannelAdapter<TAdapter>(this IServiceCollection services)
        where TAdapter : ChannelAdapter
    {
        services.AddSingleton<TAdapter>();
        services.AddSingleton<ChannelAdapter>(sp => sp.GetRequiredService<TAdapter>());
        services.TryAddSingleton<IChannelAdapters, ChannelAdapters>();
        return services;
    }
}
