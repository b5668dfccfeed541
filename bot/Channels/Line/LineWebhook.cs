using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>
/// <c>POST /api/line/webhook</c>: checks the signature over the raw body (401), parses it (400),
/// stores every event durably (de-duplicated on webhookEventId) and answers 200 only then; the
/// bot runs later in <see cref="LineEventProcessor"/>. Nothing of the body is logged.
/// </summary>
public sealed class LineWebhook(LineStore store, LineInboxSignal signal, IOptions<LineOptions> options, TimeProvider clock, ILogger<LineWebhook> logger)
{
    public const string Path = "/api/line/webhook";

    public async Task<IResult> HandleAsync(HttpRequest request)
    {
        var o = options.Value;
        if (request.ContentLength > o.MaxBodyBytes)
        {
            logger.LogWarning("LINE webhook rejected: body too large.");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        byte[] body;
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > o.MaxBodyBytes)
                {
                    logger.LogWarning("LINE webhook rejected: body too large.");
                    return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
                }

                buffer.Write(chunk, 0, read);
            }

            body = buffer.ToArray();
        }

        if (!LineSignature.Verify(o.ChannelSecret!, body, request.Headers[LineSignature.HeaderName].ToString()))
        {
            logger.LogWarning("LINE webhook rejected: missing or wrong signature.");
            return Results.Unauthorized();
        }

        List<LineInboxItem> items;
        try
        {
            items = Read(body, out var skipped);
            if (skipped > 0)
            {
                logger.LogWarning("LINE webhook: {Skipped} events without a usable webhookEventId skipped.", skipped);
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning("LINE webhook rejected: the body is not a webhook request in JSON.");
            return Results.BadRequest();
        }

        var stored = await store.StoreEventsAsync(items, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        if (stored < items.Count)
        {
            logger.LogInformation("LINE webhook: {Duplicates} events already stored (redelivery) ignored.", items.Count - stored);
        }

        if (stored > 0)
        {
            signal.Wake();
        }

        return Results.Ok();
    }

    /// <summary>Reads the CallbackRequest envelope; throws JsonException when it is not one.</summary>
    public static List<LineInboxItem> Read(byte[] body, out int skipped)
    {
        skipped = 0;
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("Not a webhook request.");
        }

        var items = new List<LineInboxItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object
                || !e.TryGetProperty("webhookEventId", out var idElement)
                || idElement.ValueKind != JsonValueKind.String
                || idElement.GetString() is not { Length: > 0 and <= 128 } id
                || !seen.Add(id))
            {
                skipped++;
                continue;
            }

            var conversationId = string.Empty;
            if (e.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object
                && source.TryGetProperty("type", out var sourceType) && sourceType.ValueKind == JsonValueKind.String && sourceType.GetString() == "user"
                && source.TryGetProperty("userId", out var user) && user.ValueKind == JsonValueKind.String && user.GetString() is { Length: > 0 } userId)
            {
                conversationId = LineIds.ConversationId(userId);
            }

            items.Add(new LineInboxItem(id, conversationId, e.GetRawText()));
        }

        return items;
    }
}
