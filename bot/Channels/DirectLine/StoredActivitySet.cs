using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Storage;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>A stored activity as the store holds it: its sequence in the conversation and its stored UTF-8 text.</summary>
public readonly record struct StoredActivityText(long Sequence, byte[] Utf8);

/// <summary>
/// The polling GET's ActivitySet written from the stored text of each activity instead of parsing it into an
/// <see cref="Activity"/> and serializing it again. The stored text is the serializer's own output for the activity
/// with no id and the time it was stored (<c>SqliteTranscriptStore</c>; the same since the first stored row), so the
/// wire form is that text with <c>"id":"conversation|sequence"</c> after <c>type</c>, where the serializer puts it —
/// byte for byte what <c>ActivitySet</c> through <see cref="ActivityJson.Options"/> gives. A row whose text is not in
/// that form (not the serializer's top-level property order, an <c>id</c> of its own, escaped property names, a
/// property name only a case away from a modelled one) is parsed and serialized as before, so the bytes on the wire
/// never depend on which way a row went.
/// </summary>
public sealed class StoredActivitySet(string conversationId, IReadOnlyList<StoredActivityText> rows, long watermark) : IResult
{
    private const string ContentType = "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        // Every row is read (and a row in another form parsed) before anything is written, so a row that cannot be
        // read fails the request before it starts, as when the rows were parsed on reading.
        var items = Prepare();
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        var body = httpContext.Response.BodyWriter;
        WriteStart(body);
        var unflushed = 0L;
        for (var i = 0; i < items.Count; i++)
        {
            unflushed += WriteItem(body, items[i], i == 0);
            if (unflushed >= FlushEvery)
            {
                // A long page goes out as it is written instead of piling up in the response's buffer.
                await body.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
                unflushed = 0;
            }
        }

        WriteEnd(body);
        await body.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }

    private const int FlushEvery = 64 * 1024;

    /// <summary>Writes the ActivitySet's JSON to <paramref name="output"/>.</summary>
    public void Write(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var items = Prepare();
        WriteStart(output);
        for (var i = 0; i < items.Count; i++)
        {
            WriteItem(output, items[i], i == 0);
        }

        WriteEnd(output);
    }

    /// <summary>One activity for the client: its stored text with where its id goes, or its serialized form.</summary>
    private readonly record struct Item(byte[] Utf8, int IdAt, bool IdAfterProperty, string? Id);

    private List<Item> Prepare()
    {
        var items = new List<Item>(rows.Count);
        foreach (var row in rows)
        {
            var id = TranscriptIds.ActivityId(conversationId, row.Sequence);
            if (TryScan(row.Utf8, out var scan))
            {
                if (!scan.HandoffEvent)
                {
                    items.Add(new Item(row.Utf8, scan.IdAt, scan.IdAfterProperty, id));
                }

                continue;
            }

            // Not in the serializer's own form: the old way, parse and serialize.
            var activity = ActivityJson.Deserialize(Encoding.UTF8.GetString(row.Utf8));
            activity.Id = id;
            if (DirectLineApi.IsForClient(activity))
            {
                items.Add(new Item(ActivityJson.SerializeToUtf8Bytes(activity), 0, false, null));
            }
        }

        return items;
    }

    private static void WriteStart(IBufferWriter<byte> output) => output.Write("{\"activities\":["u8);

    private static int WriteItem(IBufferWriter<byte> output, Item item, bool first)
    {
        if (!first)
        {
            output.Write(","u8);
        }

        if (item.Id is null)
        {
            output.Write(item.Utf8);
        }
        else
        {
            WriteWithId(output, item.Utf8, item.IdAt, item.IdAfterProperty, item.Id);
        }

        return item.Utf8.Length;
    }

    private void WriteEnd(IBufferWriter<byte> output)
    {
        output.Write("],\"watermark\":\""u8);
        Span<byte> digits = stackalloc byte[20];
        watermark.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        output.Write(digits[..written]);
        output.Write("\"}"u8);
    }

    private static void WriteWithId(IBufferWriter<byte> output, ReadOnlySpan<byte> stored, int at, bool afterProperty, string id)
    {
        var encoded = JsonEncodedText.Encode(id, ActivityJson.Options.Encoder).EncodedUtf8Bytes;
        output.Write(stored[..at]);
        if (afterProperty)
        {
            output.Write(",\"id\":\""u8);
            output.Write(encoded);
            output.Write("\""u8);
        }
        else
        {
            output.Write("\"id\":\""u8);
            output.Write(encoded);
            output.Write(stored.Length > at && stored[at] == (byte)'}' ? "\""u8 : "\","u8);
        }

        output.Write(stored[at..]);
    }

    /// <summary>What the scan of a stored text found: where the id goes and whether the client must not see it.</summary>
    internal readonly record struct Scan(int IdAt, bool IdAfterProperty, bool HandoffEvent);

    // The modelled properties of Activity in the order the serializer writes them (its own metadata, so the same order).
    private static readonly byte[][] Known = [.. ActivityJson.Options.GetTypeInfo(typeof(Activity)).Properties
        .Where(p => !p.IsExtensionData)
        .Select(p => Encoding.UTF8.GetBytes(p.Name))];

    private static readonly int TypeIndex = Array.FindIndex(Known, n => n.AsSpan().SequenceEqual("type"u8));
    private static readonly int IdIndex = Array.FindIndex(Known, n => n.AsSpan().SequenceEqual("id"u8));
    private static readonly int NameIndex = Array.FindIndex(Known, n => n.AsSpan().SequenceEqual("name"u8));

    /// <summary>
    /// Reads the stored text once, token by token (which also checks that it is complete JSON), and says whether it is
    /// in the serializer's own form: one object, compact (nothing between tokens but the one comma or colon the
    /// grammar needs); top-level property names escaped as the serializer escapes them, the modelled ones in the serializer's order without repeats,
    /// without <c>id</c> and not null, then any others (extension data), none of which matches a modelled name
    /// case-insensitively. False for anything else, and then the row is parsed and serialized instead. Nested objects
    /// are checked for compactness only: every stored row was written by the serializer with these options (the only
    /// writer of the table, and neither the options nor <see cref="Activity"/>'s properties have changed since the
    /// first stored row), which this check confirms rather than replaces.
    /// </summary>
    internal static bool TryScan(ReadOnlySpan<byte> stored, out Scan scan)
    {
        scan = default;
        if (stored.Length < 2 || stored[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(stored, new JsonReaderOptions { MaxDepth = ActivityJson.Options.MaxDepth });
            long end = 0;
            if (!Next(ref reader, stored, ref end) || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var last = -1;
            var inExtension = false;
            var isEvent = false;
            var handoff = false;
            var idAt = 1;
            var afterProperty = false;
            while (Next(ref reader, stored, ref end))
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    if (end != stored.Length || reader.Read())
                    {
                        return false;
                    }

                    scan = new Scan(idAt, afterProperty, isEvent && handoff);
                    return true;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    return false;
                }

                if (reader.ValueIsEscaped)
                {
                    // No modelled name needs escaping, so this is extension data, escaped as the serializer does.
                    var unescaped = reader.GetString()!;
                    if (IsKnownIgnoringCase(Encoding.UTF8.GetBytes(unescaped))
                        || !reader.ValueSpan.SequenceEqual(JsonEncodedText.Encode(unescaped, ActivityJson.Options.Encoder).EncodedUtf8Bytes))
                    {
                        return false;
                    }

                    inExtension = true;
                    if (!Next(ref reader, stored, ref end) || !SkipValue(ref reader, stored, ref end))
                    {
                        return false;
                    }

                    continue;
                }

                var index = inExtension ? -1 : IndexAfter(reader.ValueSpan, last);
                if (index < 0)
                {
                    // Extension data (written after every modelled property) must not be a modelled name in any case,
                    // nor a modelled name out of order or repeated.
                    if (IsKnownIgnoringCase(reader.ValueSpan))
                    {
                        return false;
                    }

                    inExtension = true;
                }
                else if (index == IdIndex)
                {
                    return false;
                }
                else
                {
                    last = index;
                }

                if (!Next(ref reader, stored, ref end))
                {
                    return false;
                }

                if (index >= 0 && reader.TokenType == JsonTokenType.Null)
                {
                    // The serializer leaves out a modelled property that is null.
                    return false;
                }

                if (index == TypeIndex || index == NameIndex)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    if (index == TypeIndex)
                    {
                        isEvent = reader.ValueTextEquals(ActivityTypes.Event);
                    }
                    else
                    {
                        handoff = reader.ValueIsEscaped
                            ? reader.GetString()!.StartsWith("handoff.", StringComparison.Ordinal)
                            : reader.ValueSpan.StartsWith("handoff."u8);
                    }
                }
                else if (!SkipValue(ref reader, stored, ref end))
                {
                    return false;
                }

                if (index >= 0 && index < IdIndex)
                {
                    // The id follows the last modelled property written before it (the type, when there is one).
                    idAt = (int)end;
                    afterProperty = true;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // The next token, where the serializer would put it: right after the previous one, or after the one comma or
    // colon between them; a property name ends with its colon, directly after its closing quote.
    private static bool Next(ref Utf8JsonReader reader, ReadOnlySpan<byte> stored, ref long end)
    {
        if (!reader.Read())
        {
            return false;
        }

        var gap = reader.TokenStartIndex - end;
        if (gap != 0 && (gap != 1 || stored[(int)end] != (byte)','))
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.PropertyName && reader.BytesConsumed != reader.TokenStartIndex + reader.ValueSpan.Length + 3)
        {
            return false;
        }

        end = reader.BytesConsumed;
        return true;
    }

    // Past the value the reader is on (its last token, for an object or array), every token checked by Next.
    private static bool SkipValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> stored, ref long end)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return true;
        }

        var depth = reader.CurrentDepth;
        do
        {
            if (!Next(ref reader, stored, ref end))
            {
                return false;
            }
        }
        while (reader.CurrentDepth > depth || reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray));
        return true;
    }

    private static int IndexAfter(ReadOnlySpan<byte> name, int last)
    {
        for (var j = last + 1; j < Known.Length; j++)
        {
            if (name.SequenceEqual(Known[j]))
            {
                return j;
            }
        }

        return -1;
    }

    private static bool IsKnownIgnoringCase(ReadOnlySpan<byte> name)
    {
        foreach (var known in Known)
        {
            if (known.Length == name.Length && System.Text.Ascii.EqualsIgnoreCase(known, name))
            {
                return true;
            }
        }

        return false;
    }
}
