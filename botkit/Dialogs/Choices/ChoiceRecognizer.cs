using System.Text.Json;
using System.Text.RegularExpressions;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Text;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>Which kinds of answers <see cref="ChoiceRecognizer"/> accepts.</summary>
public sealed record ChoiceRecognizerOptions
{
    public static ChoiceRecognizerOptions Default { get; } = new();

    /// <summary>Accept 「2」, 「２番」, 「2つ目」, "second", 「最後」 … for the n-th option. Default true.</summary>
    public bool RecognizeOrdinals { get; init; } = true;

    /// <summary>
    /// Accept answers that contain an option (「いじめのこと」 → いじめ) or are part of one
    /// (「相談先」 → 相談先を知りたい). Default true; the confirm prompt turns it off, where a
    /// partial match easily flips the meaning (いい/いいえ, そう/そうじゃない).
    /// </summary>
    public bool AllowPartialMatch { get; init; } = true;
}

/// <summary>
/// Finds which option a person picked, trying in order: the button's value (postBack/messageBack),
/// the whole text equal to an option or synonym, the option's number or ordinal, one comma- or
/// space-separated piece equal to an option, then (if allowed) partial matches. The first kind that
/// matches decides; when it matches more than one option the answer is ambiguous and nothing is
/// recognized, so the prompt asks again instead of guessing.
/// </summary>
public static partial class ChoiceRecognizer
{
    private const double ExactScore = 1.0;
    private const double SegmentScore = 0.9;

    /// <summary>Recognizes a message activity: a button value first, then the text.</summary>
    public static FoundChoice? Recognize(Activity activity, IReadOnlyList<Choice> choices, ChoiceRecognizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(choices);
        if (ButtonValue(activity.Value) is { } value)
        {
            var normalizedValue = TextNormalizer.Normalize(value);
            var pressed = Unique(FindExact(normalizedValue, choices));
            if (pressed is not null)
            {
                return pressed;
            }
        }

        return Recognize(activity.Text, choices, options);
    }

    /// <summary>The one option the text picks, or null when none or more than one matches.</summary>
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices, ChoiceRecognizerOptions? options = null) =>
        Unique(RecognizeAll(text, choices, options));

    /// <summary>
    /// Every option the text matches at the first kind of match that matched anything, best first.
    /// More than one entry means the answer is ambiguous.
    /// </summary>
    public static IReadOnlyList<FoundChoice> RecognizeAll(string? text, IReadOnlyList<Choice> choices, ChoiceRecognizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        options ??= ChoiceRecognizerOptions.Default;
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0 || choices.Count == 0)
        {
            return [];
        }

        var exact = FindExact(normalized, choices);
        if (exact.Count > 0)
        {
            return exact;
        }

        if (options.RecognizeOrdinals && Ordinal(normalized, choices.Count) is { } index)
        {
            return [new FoundChoice(choices[index].Value, index, ExactScore, normalized)];
        }

        var segments = TextNormalizer.Segments(text);
        if (segments.Count > 1)
        {
            var bySegment = segments.SelectMany(s => FindExact(s, choices))
                .GroupBy(f => f.Index)
                .Select(g => g.First() with { Score = SegmentScore })
                .ToList();
            if (bySegment.Count > 0)
            {
                return bySegment;
            }
        }

        if (!options.AllowPartialMatch)
        {
            return [];
        }

        var contained = FindContainedTokens(normalized, choices);
        return contained.Count > 0 ? contained : FindContainingTokens(normalized, choices);
    }

    /// <summary>The option texts and synonyms of a choice, normalized.</summary>
    internal static IEnumerable<string> Tokens(Choice choice)
    {
        IEnumerable<string?> raw =
        [
            choice.Value,
            choice.Action?.Title,
            choice.Action?.Text,
            choice.Action?.DisplayText,
            choice.Action?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null,
            .. choice.Synonyms ?? [],
        ];
        return raw.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal);
    }

    private static FoundChoice? Unique(IReadOnlyList<FoundChoice> found) => found.Count == 1 ? found[0] : null;

    private static List<FoundChoice> FindExact(string normalized, IReadOnlyList<Choice> choices)
    {
        var found = new List<FoundChoice>();
        for (var i = 0; i < choices.Count; i++)
        {
            if (Tokens(choices[i]).FirstOrDefault(t => t == normalized) is { } token)
            {
                found.Add(new FoundChoice(choices[i].Value, i, ExactScore, token));
            }
        }

        return found;
    }

    /// <summary>
    /// Options whose text appears in the answer. Short Japanese tokens (one or two characters, such as
    /// うん or いや) only count as a whole piece (handled before), because inside longer words they
    /// mean something else (うんざり, いやし). A match inside a longer match of another option does not
    /// count: in 「いいえ」 the option 「いい」 is not mentioned.
    /// </summary>
    private static List<FoundChoice> FindContainedTokens(string normalized, IReadOnlyList<Choice> choices)
    {
        var matches = new List<(int Index, string Token, int Start)>();
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var token in Tokens(choices[i]))
            {
                var ascii = TextNormalizer.IsAsciiWords(token);
                if (!ascii && token.Length < 3)
                {
                    continue;
                }

                for (var start = normalized.IndexOf(token, StringComparison.Ordinal); start >= 0; start = normalized.IndexOf(token, start + 1, StringComparison.Ordinal))
                {
                    if (!ascii || IsWordBoundary(normalized, start, token.Length))
                    {
                        matches.Add((i, token, start));
                    }
                }
            }
        }

        var kept = matches.Where(m => !matches.Any(o =>
            o.Index != m.Index
            && o.Token.Length > m.Token.Length
            && o.Start <= m.Start
            && o.Start + o.Token.Length >= m.Start + m.Token.Length));

        return [.. kept
            .GroupBy(m => m.Index)
            .Select(g => g.MaxBy(m => m.Token.Length))
            .Select(m => new FoundChoice(choices[m.Index].Value, m.Index, 0.5 + (0.4 * m.Token.Length / normalized.Length), m.Token))
            .OrderByDescending(f => f.Score)];
    }

    /// <summary>
    /// Options that contain the whole answer (「相談先」 → 相談先を知りたい). The answer must be at least two
    /// characters and the option at least two longer: in Japanese one more character often turns a
    /// word into its opposite (いい → いいえ).
    /// </summary>
    private static List<FoundChoice> FindContainingTokens(string normalized, IReadOnlyList<Choice> choices)
    {
        if (normalized.Length < 2)
        {
            return [];
        }

        var ascii = TextNormalizer.IsAsciiWords(normalized);
        var found = new List<FoundChoice>();
        for (var i = 0; i < choices.Count; i++)
        {
            var token = Tokens(choices[i]).FirstOrDefault(t =>
            {
                var start = t.IndexOf(normalized, StringComparison.Ordinal);
                return start >= 0
                    && t.Length - normalized.Length >= 2
                    && (!ascii || IsWordBoundary(t, start, normalized.Length));
            });
            if (token is not null)
            {
                found.Add(new FoundChoice(choices[i].Value, i, 0.4 * normalized.Length / token.Length, token));
            }
        }

        return [.. found.OrderByDescending(f => f.Score)];
    }

    private static bool IsWordBoundary(string text, int start, int length) =>
        (start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1]))
        && (start + length == text.Length || !char.IsAsciiLetterOrDigit(text[start + length]));

    /// <summary>The zero-based option index named by a number or ordinal, or null.</summary>
    internal static int? Ordinal(string normalized, int count)
    {
        int? position = null;
        var number = NumberPattern().Match(normalized);
        if (number.Success)
        {
            var digits = number.Groups["n"].Value;
            position = digits.Length > 0 && char.IsAsciiDigit(digits[0])
                ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)
                : (int?)NumberRecognizer.ParseKanji(digits);
        }
        else if (KanaCounterPattern().Match(normalized) is { Success: true } kana)
        {
            position = Array.IndexOf(KanaCounters, kana.Groups["n"].Value) + 1;
        }
        else if (EnglishOrdinalPattern().Match(normalized) is { Success: true } english)
        {
            position = english.Groups["n"].Value == "last" ? count : Array.IndexOf(EnglishOrdinals, english.Groups["n"].Value) + 1;
        }
        else if (JapaneseFirstLastPattern().Match(normalized) is { Success: true } firstLast)
        {
            position = firstLast.Groups["n"].Value == "最後" ? count : 1;
        }

        return position is >= 1 && position <= count ? position - 1 : null;
    }

    private static readonly string[] KanaCounters = ["ひとつ", "ふたつ", "みっつ", "よっつ", "いつつ", "むっつ", "ななつ", "やっつ", "ここのつ"];

    private static readonly string[] EnglishOrdinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    private static string? ButtonValue(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Object } v when v.TryGetProperty("value", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
        { ValueKind: JsonValueKind.Object } v when v.TryGetProperty("choice", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
        _ => null,
    };

    // Polite endings after a number or ordinal: 「2番でお願いします」「2つ目にします」「3かな」.
    private const string Tail = "(?:です|で|でおねがいします|でお願いします|をおねがいします|をお願いします|にします|がいい|がいいです|かな)?";

    [GeneratedRegex("^(?:no |number |option |#)?(?<n>[0-9]{1,2}|[一二三四五六七八九十]{1,2})(?:番目|番|つ目|つめ|個目|こ目|こめ|st|nd|rd|th)?" + Tail + "$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^(?<n>ひとつ|ふたつ|みっつ|よっつ|いつつ|むっつ|ななつ|やっつ|ここのつ)(?:目|め)" + Tail + "$", RegexOptions.CultureInvariant)]
    private static partial Regex KanaCounterPattern();

    [GeneratedRegex("^(?:the )?(?<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?: one| option)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishOrdinalPattern();

    [GeneratedRegex("^(?<n>最初|最後)(?:の|のやつ|のもの)?" + Tail + "$", RegexOptions.CultureInvariant)]
    private static partial Regex JapaneseFirstLastPattern();
}
