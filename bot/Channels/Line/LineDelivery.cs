using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>
/// Sends a conversation's queued calls in order. The first call of a turn uses the event's reply
/// token while it is fresh and unused; everything else (and every call after a restart) is pushed
/// with the retry key stored with it, so LINE accepts it at most once however often it is retried.
/// A call that still fails transiently stays queued and blocks later ones, keeping the order.
/// </summary>
public sealed class LineDelivery(LineStore store, LineMessagingClient client, TimeProvider clock, Microsoft.Extensions.Options.IOptions<LineOptions> options, ILogger<LineDelivery> logger, ChatSupport.Domain.Telemetry.ChatSupportTelemetry? telemetry = null)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Sends what is queued; true when nothing is left waiting for this conversation.</summary>
    public async Task<bool> DeliverAsync(string conversationId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(conversationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pending = await store.PendingOutboxAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0)
            {
                return true;
            }

            var user = await store.FindUserAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (user is null || !user.Following)
            {
                // Blocked (or never known): nothing is sent to this person.
                await store.DropPendingOutboxAsync(conversationId, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Dropped {Count} queued LINE calls: the person does not follow the account.", pending.Count);
                return true;
            }

            foreach (var item in pending)
            {
                if (!await SendAsync(item, user.LineUserId, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>False when the call must be tried again later.</summary>
    private async Task<bool> SendAsync(LineOutboxItem item, string lineUserId, CancellationToken cancellationToken)
    {
        var messages = JsonNode.Parse(item.MessagesJson) as JsonArray ?? [];
        if (item.ReplyToken is { } token && !item.ReplyAttempted && item.ReplyDeadline is { } deadline && clock.GetUtcNow() < deadline)
        {
            // Recorded first: a crash during the call must not lead to a second reply; the row is pushed instead.
            await store.MarkReplyAttemptedAsync(item.Id, cancellationToken).ConfigureAwait(false);
            var reply = await client.ReplyAsync(token, messages, cancellationToken).ConfigureAwait(false);
            if (reply.Succeeded)
            {
                await store.MarkSentAsync(item.Id, "reply", clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                telemetry?.LineDelivery("reply");
                return true;
            }

            logger.LogInformation("LINE reply failed ({Status}); pushing instead.", reply.StatusCode);
        }

        var push = await client.PushAsync(lineUserId, messages, item.RetryKey, cancellationToken).ConfigureAwait(false);
        if (push.Succeeded || push.AlreadyAccepted)
        {
            await store.MarkSentAsync(item.Id, "push", clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            telemetry?.LineDelivery("push");
            return true;
        }

        if (push.IsTransient)
        {
            var attempts = await store.CountOutboxAttemptAsync(item.Id, CancellationToken.None).ConfigureAwait(false);
            if (attempts < options.Value.MaxDeliveryAttempts)
            {
                telemetry?.LineDelivery("retry");
                logger.LogWarning("LINE push {Outbox} left queued after status {Status} (attempt {Attempts}); it is retried with the same retry key.", item.Id, push.StatusCode, attempts);
                return false;
            }

            // Bounded: the person's later messages must not wait behind this one for ever; operators see it and can requeue it.
            await store.MarkOutboxFailedAsync(item.Id, CancellationToken.None).ConfigureAwait(false);
            telemetry?.LineDelivery("failed");
            logger.LogError("LINE push {Outbox} gave up after {Attempts} attempts (last status {Status}); listed for operators.", item.Id, attempts, push.StatusCode);
            return true;
        }

        await store.MarkOutboxFailedAsync(item.Id, CancellationToken.None).ConfigureAwait(false);
        telemetry?.LineDelivery("rejected");
        logger.LogError("LINE push {Outbox} rejected with status {Status}; not retried.", item.Id, push.StatusCode);
        return true;
    }
}
