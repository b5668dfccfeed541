using System.Text.Json;
using System.Text.RegularExpressions;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Triage;

/// <summary>Why a model answer was discarded (ETH-06). Logged as a code, never with the answer's text.</summary>
public enum TriageRejection
{
    Empty,
    TooLarge,
    NotJson,
    NotAnObject,
    UnknownField,
    MissingField,
    UnknownLevel,
    UnknownCategory,
    BadConfidence,
    RationaleTooLong,
    RationaleNotJapanese,
    AddressesThePerson,
}

/// <summary>A validated judgement, or the reason there is none.</summary>
public sealed record TriageValidation(TriageJudgement? Judgement, TriageRejection? Rejection)
{
    public bool IsValid => Judgement is not null;
}

/// <summary>
/// Checks a model answer against the output schema of <c>prompts/triage/&lt;version&gt;/schema.json</c> whatever the
/// server claims to enforce (ETH-06): one JSON object with exactly <c>level</c>, <c>categories</c>, <c>rationale</c>
/// and <c>confidence</c>; a known level and known categories; a confidence between 0 and 1; a short rationale in
/// Japanese that does not speak to the person (ETH-01). A single Markdown code fence around the object is tolerated,
/// nothing else.
/// </summary>
public static partial class TriageOutputValidator
{
    /// <summary>Default cap on the whole answer (a prompt may set its own <c>max_output_chars</c>).</summary>
    public const int DefaultMaxOutputChars = 2000;

    /// <summary>Longest accepted rationale, in characters.</summary>
    public const int MaxRationaleChars = 200;

    private static readonly HashSet<string> Fields = ["level", "categories", "rationale", "confidence"];

    // ETH-01: second person, advice, comfort or instructions are for the person, not for a counselor.
    private static readonly string[] AddressMarkers =
    [
        "あなた", "貴方", "貴女", "あんた", "お前", "おまえ", "きみは", "きみが", "きみの", "きみを", "きみに", "君は", "君が", "君の", "君を", "君に",
        "ませんか", "てね", "でね", "だよ", "ですよ", "だからね", "ね。", "ね！", "よ！", "大丈夫だよ", "大丈夫です",
        "ありがとう", "話してくれて", "教えてくれて",
        "がんばって", "頑張って", "頑張ろう", "がんばろう", "一人じゃない", "ひとりじゃない", "味方だよ", "いつでも話して",
        "you", "your", "please",
    ];

    /// <summary>Validates <paramref name="raw"/>; the judgement carries <paramref name="promptVersion"/> and <paramref name="model"/> (ETH-09).</summary>
    public static TriageValidation Validate(string? raw, string promptVersion, string model, int maxOutputChars = DefaultMaxOutputChars)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Reject(TriageRejection.Empty);
        }

        if (raw.Length > maxOutputChars)
        {
            return Reject(TriageRejection.TooLarge);
        }

        var json = StripFence(raw.Trim());
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException)
        {
            return Reject(TriageRejection.NotJson);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Reject(TriageRejection.NotAnObject);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name) || !seen.Add(property.Name))
                {
                    return Reject(TriageRejection.UnknownField);
                }
            }

            if (seen.Count != Fields.Count)
            {
                return Reject(TriageRejection.MissingField);
            }

            var levelElement = root.GetProperty("level");
            if (levelElement.ValueKind != JsonValueKind.String || !IsExactWire(levelElement.GetString(), out var level))
            {
                return Reject(TriageRejection.UnknownLevel);
            }

            var categoriesElement = root.GetProperty("categories");
            if (categoriesElement.ValueKind != JsonValueKind.Array || categoriesElement.GetArrayLength() > SupportCategories.All.Count)
            {
                return Reject(TriageRejection.UnknownCategory);
            }

            var categories = new List<SupportCategory>();
            foreach (var item in categoriesElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !SupportCategories.TryParse(item.GetString(), out var category))
                {
                    return Reject(TriageRejection.UnknownCategory);
                }

                categories.Add(category);
            }

            var confidenceElement = root.GetProperty("confidence");
            if (confidenceElement.ValueKind != JsonValueKind.Number || !confidenceElement.TryGetDouble(out var confidence)
                || double.IsNaN(confidence) || confidence < 0 || confidence > 1)
            {
                return Reject(TriageRejection.BadConfidence);
            }

            var rationaleElement = root.GetProperty("rationale");
            if (rationaleElement.ValueKind != JsonValueKind.String)
            {
                return Reject(TriageRejection.RationaleNotJapanese);
            }

            var rationale = rationaleElement.GetString()!.Trim();
            if (rationale.Length > MaxRationaleChars)
            {
                return Reject(TriageRejection.RationaleTooLong);
            }

            if (!JapanesePattern().IsMatch(rationale))
            {
                return Reject(TriageRejection.RationaleNotJapanese);
            }

            if (AddressesThePerson(rationale))
            {
                return Reject(TriageRejection.AddressesThePerson);
            }

            var judgement = new TriageJudgement(level, [.. categories.Distinct().Order()], rationale, confidence, promptVersion, model);
            return new TriageValidation(judgement, null);
        }
    }

    /// <summary>ETH-01: true when the text talks to the person (quoted words in 「」『』 do not count).</summary>
    public static bool AddressesThePerson(string text)
    {
        var unquoted = QuotePattern().Replace(text, string.Empty);
        foreach (var marker in AddressMarkers)
        {
            if (marker[0] < 128)
            {
                if (Regex.IsMatch(unquoted, $@"\b{marker}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
                {
                    return true;
                }
            }
            else if (unquoted.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExactWire(string? wire, out RiskLevel level)
    {
        // The schema's enum is lower case and exact: "High" or " high" is not what was asked for.
        level = RiskLevel.None;
        return wire is not null && wire == wire.Trim().ToLowerInvariant() && RiskLevels.TryParse(wire, out level);
    }

    private static string StripFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstLineEnd < 0)
        {
            return text;
        }

        var info = text[3..firstLineEnd].Trim();
        if (info.Length > 0 && !info.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        return text[(firstLineEnd + 1)..^3].Trim();
    }

    private static TriageValidation Reject(TriageRejection rejection) => new(null, rejection);

    [GeneratedRegex(@"[\u3040-\u30ff\u4e00-\u9fff]", RegexOptions.CultureInvariant, 100)]
    private static partial Regex JapanesePattern();

    [GeneratedRegex(@"「[^「」]{0,60}」|『[^『』]{0,60}』", RegexOptions.CultureInvariant, 100)]
    private static partial Regex QuotePattern();
}
