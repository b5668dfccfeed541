namespace ChatSupport.Domain.Support;

/// <summary>One of Japan's 47 prefectures with its JIS X 0401 code ("01" to "47").</summary>
public sealed record Prefecture(string Code, string NameJa, string ShortNameJa, string Reading, string NameEn);

/// <summary>
/// The 47 prefectures in JIS X 0401 order. Used to validate region codes in the directory data
/// and to recognise a typed prefecture name (see <see cref="JapaneseAnswers"/>).
/// </summary>
public static class Prefectures
{
    public static IReadOnlyList<Prefecture> All { get; } =
    [
        P("01", "北海道", "ほっかいどう", "Hokkaido"),
        P("02", "青森県", "あおもり", "Aomori"),
        P("03", "岩手県", "いわて", "Iwate"),
        P("04", "宮城県", "みやぎ", "Miyagi"),
        P("05", "秋田県", "あきた", "Akita"),
        P("06", "山形県", "やまがた", "Yamagata"),
        P("07", "福島県", "ふくしま", "Fukushima"),
        P("08", "茨城県", "いばらき", "Ibaraki"),
        P("09", "栃木県", "とちぎ", "Tochigi"),
        P("10", "群馬県", "ぐんま", "Gunma"),
        P("11", "埼玉県", "さいたま", "Saitama"),
        P("12", "千葉県", "ちば", "Chiba"),
        P("13", "東京都", "とうきょう", "Tokyo"),
        P("14", "神奈川県", "かながわ", "Kanagawa"),
        P("15", "新潟県", "にいがた", "Niigata"),
        P("16", "富山県", "とやま", "Toyama"),
        P("17", "石川県", "いしかわ", "Ishikawa"),
        P("18", "福井県", "ふくい", "Fukui"),
        P("19", "山梨県", "やまなし", "Yamanashi"),
        P("20", "長野県", "ながの", "Nagano"),
        P("21", "岐阜県", "ぎふ", "Gifu"),
        P("22", "静岡県", "しずおか", "Shizuoka"),
        P("23", "愛知県", "あいち", "Aichi"),
        P("24", "三重県", "みえ", "Mie"),
        P("25", "滋賀県", "しが", "Shiga"),
        P("26", "京都府", "きょうと", "Kyoto"),
        P("27", "大阪府", "おおさか", "Osaka"),
        P("28", "兵庫県", "ひょうご", "Hyogo"),
        P("29", "奈良県", "なら", "Nara"),
        P("30", "和歌山県", "わかやま", "Wakayama"),
        P("31", "鳥取県", "とっとり", "Tottori"),
        P("32", "島根県", "しまね", "Shimane"),
        P("33", "岡山県", "おかやま", "Okayama"),
        P("34", "広島県", "ひろしま", "Hiroshima"),
        P("35", "山口県", "やまぐち", "Yamaguchi"),
        P("36", "徳島県", "とくしま", "Tokushima"),
        P("37", "香川県", "かがわ", "Kagawa"),
        P("38", "愛媛県", "えひめ", "Ehime"),
        P("39", "高知県", "こうち", "Kochi"),
        P("40", "福岡県", "ふくおか", "Fukuoka"),
        P("41", "佐賀県", "さが", "Saga"),
        P("42", "長崎県", "ながさき", "Nagasaki"),
        P("43", "熊本県", "くまもと", "Kumamoto"),
        P("44", "大分県", "おおいた", "Oita"),
        P("45", "宮崎県", "みやざき", "Miyazaki"),
        P("46", "鹿児島県", "かごしま", "Kagoshima"),
        P("47", "沖縄県", "おきなわ", "Okinawa"),
    ];

    private static readonly Dictionary<string, Prefecture> ByCode = All.ToDictionary(p => p.Code, StringComparer.Ordinal);

    public static bool IsValidCode(string? code) => code is not null && ByCode.ContainsKey(code);

    public static Prefecture? FindByCode(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var prefecture) ? prefecture : null;

    private static Prefecture P(string code, string name, string reading, string english)
    {
        // 北海道 keeps its full name; the others drop the trailing 都, 府 or 県 (東京都 → 東京).
        var shortName = name == "北海道" ? name : name[..^1];
        return new Prefecture(code, name, shortName, reading, english);
    }
}
