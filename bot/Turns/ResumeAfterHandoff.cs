using ChatSupport.BotKit.Events;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Handoff.Events;

namespace ChatSupport.Bot.Turns;

/// <summary>
/// When a counselor ended a conversation and the person has had the closing message (<see cref="BotResumed"/>
/// on the bus), the consultation bot takes the conversation back in a turn of its own on the person's
/// channel: one optional feedback question, then the menu.
/// </summary>
public sealed partial class ResumeAfterHandoff(IEventBus bus, IChannelAdapters channels, ConsultationBot bot, ILogger<ResumeAfterHandoff> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscription = bus.Subscribe<BotResumed>(ResumeAsync);
        stoppingToken.Register(subscription.Dispose);
        return Task.CompletedTask;
    }

    private async Task ResumeAsync(BotResumed resumed, CancellationToken cancellationToken)
    {
        if (channels.Find(resumed.Reference.ChannelId ?? string.Empty) is not { } adapter)
        {
            Log.NoChannel(logger);
            return;
        }

        await adapter.ContinueConversationAsync(resumed.Reference, bot.OnBotResumedAsync, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The bot could not resume a conversation after a handoff: its channel has no adapter.", EventName = "ResumeWithoutChannel")]
        public static partial void NoChannel(ILogger logger);
    }
}
