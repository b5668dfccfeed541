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
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? value
                : throw new JsonException("A timestamp is not an ISO 8601 date and time.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
    }
}
