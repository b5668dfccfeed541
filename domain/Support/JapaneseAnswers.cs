using System.Globalization;
using System.Text.RegularExpressions;
using ChatSupport.BotKit.Text;

namespace ChatSupport.Domain.Support;

/// <summary>An age answer: always a band; the exact age when the person typed a number.</summary>
public sealed record AgeAnswer(AgeBand Band, int? Age);

/// <summary>
/// Reads the typed answers of the consultation dialog: an age or school year
/// (「中3」「高1」「小6」「大学生」「17」「17歳」「二十歳」) and a prefecture
/// (「東京」「東京都」「大阪府」「北海道」「とうきょう」「Osaka」).
/// </summary>
public static partial class JapaneseAnswers
{
    /// <summary>Ages outside this range are treated as not understood, so the dialog asks again.</summary>
    public const int MinAge = 6;
    public const int MaxAge = 99;

    [GeneratedRegex(@"^(小|小学|小学校|中|中学|中学校|高|高校|高等学校)([1-6一二三四五六])(年生|年)?$")]
    private static partial Regex SchoolYear();

    [GeneratedRegex(@"^(\d{1,3}|[〇一二三四五六七八九十]{1,4})(歳|才|さい)?$")]
    private static partial Regex AgeNumber();

    [GeneratedRegex(@"^(\d|[二三四五六七八九])0代(前半|後半)?$")]
    private static partial Regex Decade();

    private static readonly string[] PoliteEndings = ["です", "だよ", "だ", "でーす", "ですー", "です。", "。", "です!", "!", "?", "ー", "くらい", "ぐらい", "位"];

    public static bool TryParseAge(string? text, out AgeAnswer answer)
    {
        answer = null!;
        var s = Normalize(text);
        if (s.Length == 0)
        {
            return false;
        }

        s = StripEndings(s);
        s = s.Replace("いま", string.Empty, StringComparison.Ordinal).Replace("今", string.Empty, StringComparison.Ordinal);

        switch (s)
        {
            case "小学生": answer = new AgeAnswer(AgeBand.ElementarySchool, null); return true;
            case "中学生" or "中坊": answer = new AgeAnswer(AgeBand.JuniorHighSchool, null); return true;
            case "高校生" or "jk" or "dk": answer = new AgeAnswer(AgeBand.HighSchool, null); return true;
            case "はたち" or "二十歳" or "20歳":
                answer = new AgeAnswer(AgeBand.YoungAdult, 20); return true;
        }

        if (s is "大学生" or "大学院生" or "院生" or "短大生" or "専門学生" or "専門学校生" or "専門" or "浪人" or "浪人生" or "予備校生"
            || ((s.StartsWith("大学", StringComparison.Ordinal) || s.StartsWith("大", StringComparison.Ordinal) || s.StartsWith("短大", StringComparison.Ordinal))
                && Regex.IsMatch(s, @"^(大学|大|短大)[1-6一二三四五六](年生|年)?$")))
        {
            answer = new AgeAnswer(AgeBand.YoungAdult, null);
            return true;
        }

        if (SchoolYear().Match(s) is { Success: true } school)
        {
            var grade = ParseNumber(school.Groups[2].Value)!.Value;
            var band = school.Groups[1].Value[0] switch
            {
                '小' => AgeBand.ElementarySchool,
                '中' => AgeBand.JuniorHighSchool,
                _ => AgeBand.HighSchool,
            };
            var maxGrade = band == AgeBand.ElementarySchool ? 6 : 3;
            if (grade < 1 || grade > maxGrade)
            {
                return false;
            }

            answer = new AgeAnswer(band, null);
            return true;
        }

        if (Decade().Match(s) is { Success: true } decade)
        {
            var tens = ParseNumber(decade.Groups[1].Value)!.Value;
            if (tens < 2)
            {
                return false; // 「10代」 spans elementary to high school; ask again.
            }

            answer = new AgeAnswer(tens == 2 ? AgeBand.YoungAdult : AgeBand.Adult, null);
            return true;
        }

        if (AgeNumber().Match(s) is { Success: true } number && ParseNumber(number.Groups[1].Value) is { } age)
        {
            if (age is < MinAge or > MaxAge)
            {
                return false;
            }

            answer = new AgeAnswer(AgeBands.FromAge(age), age);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Finds a prefecture in an answer: a kanji name anywhere in the text (「東京に住んでます」),
    /// or the whole answer as a reading or English name (「おおさか」「Osaka」).
    /// </summary>
    public static bool TryParsePrefecture(string? text, out Prefecture prefecture)
    {
        prefecture = null!;
        var s = Normalize(text);
        if (s.Length == 0)
        {
            return false;
        }

        // Earliest match wins, then the longest: 「東京都」 is Tokyo, not the 「京都」 inside it.
        Prefecture? best = null;
        int bestIndex = int.MaxValue, bestLength = 0;
        foreach (var p in Prefectures.All)
        {
            foreach (var name in new[] { p.NameJa, p.ShortNameJa })
            {
                var index = s.IndexOf(name, StringComparison.Ordinal);
                if (index >= 0 && (index < bestIndex || (index == bestIndex && name.Length > bestLength)))
                {
                    best = p;
                    bestIndex = index;
                    bestLength = name.Length;
                }
            }
        }

        if (best is not null)
        {
            prefecture = best;
            return true;
        }

        var whole = StripEndings(s);
        foreach (var suffix in new[] { "けん", "ふ", "と", "-ken", "-fu", "-to", " prefecture", "prefecture" })
        {
            if (whole.EndsWith(suffix, StringComparison.Ordinal) && Prefectures.All.Any(p => p.Reading == whole[..^suffix.Length] || p.NameEn.Equals(whole[..^suffix.Length], StringComparison.OrdinalIgnoreCase)))
            {
                whole = whole[..^suffix.Length];
                break;
            }
        }

        var match = Prefectures.All.FirstOrDefault(p => p.Reading == whole || p.NameEn.Equals(whole, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            return false;
        }

        prefecture = match;
        return true;
    }

    /// <summary>The one normalizer for typed text (full-width digits to ASCII, kana, case, spaces and marks).</summary>
    private static string Normalize(string? text) => TextNormalizer.Normalize(text);

    private static string StripEndings(string s)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var ending in PoliteEndings)
            {
                if (s.Length > ending.Length && s.EndsWith(ending, StringComparison.Ordinal))
                {
                    s = s[..^ending.Length];
                    changed = true;
                }
            }
        }
        while (changed);

        return s;
    }

    /// <summary>ASCII digits or kanji numerals up to 九十九 (十七, 二十, 二十一).</summary>
    private static int? ParseNumber(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        const string digits = "〇一二三四五六七八九";
        var tenIndex = text.IndexOf('十');
        if (tenIndex < 0)
        {
            return text.Length == 1 && digits.Contains(text[0]) ? digits.IndexOf(text[0]) : null;
        }

        if (tenIndex > 1 || text.Length - tenIndex > 2 || text.Count(c => c == '十') > 1)
        {
            return null;
        }

        var tens = tenIndex == 0 ? 1 : digits.IndexOf(text[0]);
        var units = tenIndex == text.Length - 1 ? 0 : digits.IndexOf(text[^1]);
        return tens < 1 || units < 0 ? null : tens * 10 + units;
    }
}
