using ChatSupport.BotKit.Events;
using ChatSupport.Domain.Handoff.Events;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>
/// LINE's own signals around a handoff, driven by the handoff events: the loading animation while the
/// person waits for a counselor, and mark-as-read (where enabled) once a counselor has the conversation
/// open — when they take it and whenever they reply. Failures are logged and ignored: these are courtesies.
/// </summary>
public sealed partial class LineHandoffSignals(IEventBus bus, LineAdapter adapter, ILogger<LineHandoffSignals> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriptions = new List<IDisposable>
        {
            bus.Subscribe<HandoffRequested>((e, ct) => e.ChannelId == LineAdapter.ChannelId ? SafelyAsync(() => adapter.ShowLoadingAsync(e.ConversationId, null, ct)) : Task.CompletedTask),
            bus.Subscribe<WaitingLong>((e, ct) => IsLine(e.ConversationId) ? SafelyAsync(() => adapter.ShowLoadingAsync(e.ConversationId, null, ct)) : Task.CompletedTask),
            bus.Subscribe<HandoffClaimed>((e, ct) => IsLine(e.ConversationId) ? SafelyAsync(() => adapter.MarkAsReadAsync(e.ConversationId, ct)) : Task.CompletedTask),
            bus.Subscribe<CounselorReplied>((e, ct) => IsLine(e.ConversationId) ? SafelyAsync(() => adapter.MarkAsReadAsync(e.ConversationId, ct)) : Task.CompletedTask),
        };
        stoppingToken.Register(() => subscriptions.ForEach(s => s.Dispose()));
        return Task.CompletedTask;
    }

    private static bool IsLine(string conversationId) => conversationId.StartsWith(LineIds.ConversationPrefix, StringComparison.Ordinal);

    private async Task SafelyAsync(Func<Task<bool>> signal)
    {
        try
        {
            await signal().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SignalFailed(logger, ex.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "A LINE handoff signal (loading or mark-as-read) failed: {ExceptionType}.", EventName = "LineHandoffSignalFailed")]
        public static partial void SignalFailed(ILogger logger, string exceptionType);
    }
}
