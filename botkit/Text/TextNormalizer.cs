using System.Globalization;
using System.Text;

namespace ChatSupport.BotKit.Text;

/// <summary>
/// The one normalizer for matching what a person typed against fixed phrases and answers (global
/// commands, buttons and choices, the handoff's 「キャンセル」, ages and prefectures, the AI opt-out):
/// so 「ｷｬﾝｾﾙ」 cancels wherever 「キャンセル」 does. It puts what a person typed into one comparable form, so that 「ヘルプ！」, "ﾍﾙﾌﾟ", "へるぷ" and
/// " help " compare equal to their plain forms: Unicode NFKC (full-width letters and digits, half-width
/// katakana), lower case, katakana folded to hiragana, and whitespace, punctuation, brackets and
/// symbols (emoji included) treated as separators. The risk and understanding matchers read the same
/// text through their own offset-keeping fold (<c>Risk/JapaneseNormalizer</c>), which must map every
/// character back to the original for the evidence shown to counselors; this one is for whole phrases.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// The compact form: separators removed, except one space kept between two ASCII words
    /// ("Talk to a person!" → "talk to a person", 「最初 から」 → "最初から").
    /// </summary>
    public static string Normalize(string? text) => Join(Segments(text));

    /// <summary>Whether two texts are the same phrase once normalized (「ｷｬﾝｾﾙ」 and 「キャンセル。」 are).</summary>
    public static bool Same(string? a, string? b)
    {
        var left = Normalize(a);
        return left.Length > 0 && left == Normalize(b);
    }

    /// <summary>The normalized pieces of the text between separators, in order (「はい、お願いします」 → はい, おねがいします).</summary>
    public static IReadOnlyList<string> Segments(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (IsSeparator(rune))
            {
                Flush();
                continue;
            }

            current.Append(Fold(rune).ToString());
        }

        Flush();
        return segments;

        void Flush()
        {
            if (current.Length > 0)
            {
                segments.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>Whether the text is made of ASCII letters, digits and single spaces only (an English word or phrase).</summary>
    public static bool IsAsciiWords(string normalized) =>
        normalized.Length > 0 && normalized.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ');

    public static string Join(IReadOnlyList<string> segments)
    {
        if (segments.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(segments[0]);
        for (var i = 1; i < segments.Count; i++)
        {
            if (char.IsAsciiLetterOrDigit(builder[^1]) && char.IsAsciiLetterOrDigit(segments[i][0]))
            {
                builder.Append(' ');
            }

            builder.Append(segments[i]);
        }

        return builder.ToString();
    }

    private static bool IsSeparator(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune))
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            || (category == UnicodeCategory.NonSpacingMark && rune.Value is >= 0xFE00 and <= 0xFE0F); // emoji variation selectors
    }

    private static Rune Fold(Rune rune)
    {
        // Katakana ァ..ヶ to hiragana ぁ..ゖ; the long vowel mark ー stays (it is part of words such as おっけー).
        if (rune.Value is >= 0x30A1 and <= 0x30F6)
        {
            return new Rune(rune.Value - 0x60);
        }

        return Rune.ToLowerInvariant(rune);
    }
}
