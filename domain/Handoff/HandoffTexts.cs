using System.Globalization;
using ChatSupport.BotKit.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatSupport.Domain.Handoff;

/// <summary>The person-facing handoff texts, read from <c>Texts/handoff-ja.yaml</c> (embedded).</summary>
public sealed class HandoffTexts
{
    public string Waiting { get; set; } = string.Empty;

    public string Position { get; set; } = string.Empty;

    public string AlreadyWaiting { get; set; } = string.Empty;

    public string AlreadyWithCounselor { get; set; } = string.Empty;

    public string Connected { get; set; } = string.Empty;

    public string Transferred { get; set; } = string.Empty;

    public string Ended { get; set; } = string.Empty;

    public string Closed { get; set; } = string.Empty;

    public string Cancelled { get; set; } = string.Empty;

    public string OutsideHours { get; set; } = string.Empty;

    public string LongWait { get; set; } = string.Empty;

    public string NobodyOnDuty { get; set; } = string.Empty;

    /// <summary>For counselors (the console's transcript), never for the person: they left with the quick-exit button.</summary>
    public string PersonLeft { get; set; } = string.Empty;

    public List<string> CancelWords { get; set; } = [];

    public List<string> AroundTheClockServices { get; set; } = [];

    public static HandoffTexts LoadDefault()
    {
        using var stream = typeof(HandoffTexts).Assembly.GetManifestResourceStream("ChatSupport.Domain.Handoff.Texts.handoff-ja.yaml")
            ?? throw new InvalidOperationException("The embedded handoff texts (domain/Handoff/Texts/handoff-ja.yaml) are missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static HandoffTexts Parse(string yaml) =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<HandoffTexts>(yaml)
        ?? throw new InvalidOperationException("The handoff texts are empty.");

    /// <summary>
    /// True when the whole message is one of the cancel words, compared through the one normalizer
    /// (<see cref="TextNormalizer"/>): 「ｷｬﾝｾﾙ」「キャンセル！」「きゃんせる」 all cancel, as they do everywhere else.
    /// </summary>
    public bool IsCancel(string? text) =>
        text is not null && CancelWords.Exists(word => TextNormalizer.Same(word, text));

    public static string Fill(string template, string name, string value) => template.Replace("{" + name + "}", value, StringComparison.Ordinal);

    public static string Fill(string template, string name, int value) => Fill(template, name, value.ToString(CultureInfo.InvariantCulture));
}
