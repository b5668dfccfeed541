using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ChatSupport.BotKit.Activities;

/// <summary>The one JSON configuration for activities on every wire and in every store.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    public static byte[] SerializeToUtf8Bytes(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, Options);

    /// <summary>
    /// The wire form of <paramref name="activity"/> with its <c>id</c> and <c>timestamp</c> replaced, the activity
    /// itself left unchanged: the same text as serializing a <see cref="Activity.Clone"/> given that id and timestamp,
    /// without the copy's serialize-and-parse.
    /// </summary>
    public static string SerializeWith(Activity activity, string? id, DateTimeOffset? timestamp)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var variant = activity.ShallowCopy();
        variant.Id = id;
        variant.Timestamp = timestamp;
        return Serialize(variant);
    }

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options) ?? throw new JsonException("The activity is null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Japanese stays readable in stored JSON; HTML-sensitive characters are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            MaxDepth = 64,
        };
        options.Converters.Add(new UtcTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Writes timestamps as UTC with an explicit Z (spec requirement A2043); reads any ISO 8601 offset.</summary>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        // What Write produces: yyyy-MM-ddTHH:mm:ss.fffffffZ, 28 characters.
        private const int WrittenLength = 28;

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The form written here (every stored activity has it) parses to the same value either way; the reader's
            // own ISO 8601 parser is used for it, without making a string. Every other form goes the general way.
            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
                && reader.ValueSpan.Length == WrittenLength && reader.ValueSpan[^1] == (byte)'Z'
                && reader.TryGetDateTimeOffset(out var written))
            {
                return written;
            }

            return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? value
                : throw new JsonException("A timestamp is not an ISO 8601 date and time.");
        }

        // The round-trip format of a UTC DateTime is exactly yyyy-MM-ddTHH:mm:ss.fffffffZ, and it is formatted
        // without parsing a custom format string or making a string.
        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            Span<byte> text = stackalloc byte[WrittenLength];
            if (value.UtcDateTime.TryFormat(text, out var written, "O", CultureInfo.InvariantCulture) && written == WrittenLength)
            {
                writer.WriteStringValue(text);
                return;
            }

            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        }
    }
}
