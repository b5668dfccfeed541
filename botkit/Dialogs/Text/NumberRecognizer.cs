using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// Finds the first number in what a person typed: 「17」, 「１７歳」, 「I'm 17」, 「1,200円」, 「-3」, 「2.5」,
/// and Japanese numerals such as 「十七」 or 「二〇二五」 when no digits are present.
/// </summary>
public static partial class NumberRecognizer
{
    /// <summary>The first number in the text, or null.</summary>
    public static decimal? RecognizeFirst(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var digits = DigitsPattern().Match(normalized);
        if (digits.Success)
        {
            return decimal.TryParse(digits.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
        }

        var kanji = KanjiPattern().Match(normalized);
        return kanji.Success ? ParseKanji(kanji.Value) : null;
    }

    internal static long? ParseKanji(string numeral)
    {
        if (!numeral.Any(c => c is '十' or '百' or '千' or '万'))
        {
            // Digit by digit: 二〇二五 → 2025.
            long positional = 0;
            foreach (var c in numeral)
            {
                positional = (positional * 10) + KanjiDigit(c);
            }

            return positional;
        }

        long total = 0, section = 0, current = 0;
        foreach (var c in numeral)
        {
            switch (c)
            {
                case '十': section += (current == 0 ? 1 : current) * 10; current = 0; break;
                case '百': section += (current == 0 ? 1 : current) * 100; current = 0; break;
                case '千': section += (current == 0 ? 1 : current) * 1000; current = 0; break;
                case '万': total += (section + current) * 10000; section = 0; current = 0; break;
                default: current = KanjiDigit(c); break;
            }
        }

        return total + section + current;
    }

    private static int KanjiDigit(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => 0,
    };

    [GeneratedRegex(@"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();

    [GeneratedRegex("[〇零一二三四五六七八九十百千万]+", RegexOptions.CultureInvariant)]
    private static partial Regex KanjiPattern();
}
