using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using ChatSupport.BotKit.Activities;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>
/// The WebSocket <c>streamUrl</c>: replays stored activities after the watermark, then pushes new
/// ones as ActivitySets as they are stored (typing live, without a watermark). Clients that vanish
/// only end their own stream; nothing is lost because every activity stays in the transcript.
/// </summary>
public static class DirectLineStream
{
    /// <summary>Wake-up signals (and live typing) buffered per stream at most.</summary>
    public const int StreamBufferSize = 64;

    public static async Task RunAsync(HttpContext http, string conversationId, DirectLineServices s)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await DirectLineApi.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "This address accepts WebSocket connections only.").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var token = http.Request.Query["t"].ToString();
        if (!DirectLineApi.TryAuthenticateCredential(token, s, out var caller, out var failure) || caller.Grant is null)
        {
            await (caller.Grant is null && failure == Results.Empty
                ? DirectLineApi.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "The stream needs the token from the stream URL.")
                : failure).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(caller.Grant.ConversationId, conversationId, StringComparison.Ordinal))
        {
            await DirectLineApi.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "This token is not valid for this conversation.").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        // Subscribed before the revocation check and the handshake: a quick exit that lands while the stream
        // opens is either seen as revoked here or arrives as a signal that closes the stream — never missed.
        // Bounded: a signal only wakes the stream, which re-reads the transcript from its watermark, so dropping
        // the oldest of a backlog loses nothing; a stalled client cannot make the buffer grow.
        var signals = Channel.CreateBounded<StreamSignal>(new BoundedChannelOptions(StreamBufferSize) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
        using var subscription = s.Hub.Subscribe(conversationId, signals.Writer);
        if (await s.Sessions.IsRevokedAsync(conversationId, http.RequestAborted).ConfigureAwait(false))
        {
            await DirectLineApi.Revoked().ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        if (!DirectLineApi.TryParseWatermark(http.Request.Query["watermark"], out var sent))
        {
            await DirectLineApi.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The watermark is not valid.").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);

        // A stream lives no longer than its token: at expiry it is closed, and the client reconnects with a
        // fresh token (Web Chat refreshes its token and asks for a new stream URL), or not at all.
        var left = caller.Grant.ExpiresAt - s.Clock.GetUtcNow();
        using var expiry = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, s.Clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, s.Lifetime.ApplicationStopping);

        // Sending ends at expiry too; receiving does not (a cancelled receive aborts the socket, and the close
        // handshake below must still be possible).
        using var serve = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, expiry.Token);
        var ended = false;
        var receiving = DrainClientAsync(socket, signals.Writer, stop);
        try
        {
            if (string.IsNullOrEmpty(http.Request.Query["watermark"]))
            {
                sent = await s.Transcript.GetLastSequenceAsync(conversationId, serve.Token).ConfigureAwait(false);
            }

            sent = await SendStoredAsync(socket, s, conversationId, sent, serve.Token).ConfigureAwait(false);
            await foreach (var signal in signals.Reader.ReadAllAsync(serve.Token).ConfigureAwait(false))
            {
                if (signal.Ends)
                {
                    // The person left (quick exit): nothing more is sent on this stream.
                    ended = true;
                    break;
                }

                if (signal.Transient is { } transient)
                {
                    await SendAsync(socket, new ActivitySet([transient], null), serve.Token).ConfigureAwait(false);
                }
                else if (signal.AppendedUpTo > sent)
                {
                    sent = await SendStoredAsync(socket, s, conversationId, sent, serve.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client left or the host is stopping.
        }
        catch (WebSocketException)
        {
            // The client vanished mid-send.
        }
        finally
        {
            var reason = s.Lifetime.ApplicationStopping.IsCancellationRequested ? "server stopping"
                : ended ? "conversation closed"
                : expiry.IsCancellationRequested ? "token expired"
                : null;

            // Close first (the client answers and the receiving side ends by itself), then stop receiving.
            await CloseQuietlyAsync(socket, s.Lifetime.ApplicationStopping.IsCancellationRequested, reason).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }
    }

    private static async Task<long> SendStoredAsync(WebSocket socket, DirectLineServices s, string conversationId, long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entries = await s.Transcript.ReadAsync(conversationId, after, s.Options.PageSize, cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                return after;
            }

            after = entries[^1].Sequence;
            await SendAsync(socket, new ActivitySet(entries.Select(e => e.Activity).Where(DirectLineApi.IsForClient).ToList(), after.ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
            if (entries.Count < s.Options.PageSize)
            {
                return after;
            }
        }
    }

    private static Task SendAsync(WebSocket socket, ActivitySet set, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(set, ActivityJson.Options);
        return socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>Reads (and ignores) what the client sends, so a close or a vanished client ends the stream.</summary>
    private static async Task DrainClientAsync(WebSocket socket, ChannelWriter<StreamSignal> writer, CancellationTokenSource stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, bool stopping, string? reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(
                stopping ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure,
                reason,
                timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }
}
