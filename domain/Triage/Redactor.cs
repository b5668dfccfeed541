using System.Text;
using System.Text.RegularExpressions;

namespace ChatSupport.Domain.Triage;

/// <summary>What kind of personal data was replaced.</summary>
public enum RedactionKind
{
    Phone,
    Email,
    Url,
    SocialId,
    PostalCode,
    Address,
    School,
    Name,
}

/// <summary>
/// Text that went through <see cref="Redactor"/>. Only the redactor can make one, so anything typed
/// <see cref="RedactedText"/> (the advisor's input, the review store's excerpt) is redacted by construction (ETH-05).
/// </summary>
public sealed class RedactedText : IEquatable<RedactedText>
{
    internal RedactedText(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public bool Equals(RedactedText? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as RedactedText);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}

/// <summary>The redacted text and how many items of each kind were replaced (counts may be logged; text never).</summary>
public sealed record RedactionResult(RedactedText Text, IReadOnlyDictionary<RedactionKind, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>
/// ETH-05: removes what identifies a person before any text leaves the process: phone numbers (Japanese formats,
/// full-width digits, +81), e-mail addresses, URLs, LINE and other social ids, postal codes, street addresses
/// (丁目・番地・号, 1-2-3, building and room numbers), school names, self-introduced names and names before
/// honorifics (さん, くん, ちゃん, 様, 先生 …) where they can be told apart from family and role words
/// (お母さん, 店員さん and 先生 alone stay, because they matter for the risk).
/// Coarse places (a prefecture, a city without a street number) stay: they help find local support.
/// Each kind is replaced by a placeholder such as ［電話番号］. Thread-safe and stateless.
/// </summary>
public static partial class Redactor
{
    /// <summary>Text longer than this is cut before redaction (the advisor never needs more).</summary>
    public const int MaxInputLength = 4000;

    private const string D = "[0-9０-９]";
    private const string H = "[-‐‑‒–—―−ー－ｰ]";
    private const string Kanji = "一-龥々〆ヵヶ";

    private static readonly Dictionary<RedactionKind, string> Placeholders = new()
    {
        [RedactionKind.Phone] = "［電話番号］",
        [RedactionKind.Email] = "［メール］",
        [RedactionKind.Url] = "［URL］",
        [RedactionKind.SocialId] = "［ID］",
        [RedactionKind.PostalCode] = "［郵便番号］",
        [RedactionKind.Address] = "［住所］",
        [RedactionKind.School] = "［学校名］",
        [RedactionKind.Name] = "［名前］",
    };

    // Words before an honorific that are family or roles, not names: they stay (they matter for the risk).
    private static readonly string[] RoleWords =
    [
        "母", "父", "兄", "姉", "弟", "妹", "祖母", "祖父", "叔母", "叔父", "伯母", "伯父", "義母", "義父", "継母", "継父",
        "皆", "奥", "旦那", "彼氏", "彼女", "彼", "友達", "友", "医者", "看護師", "警察", "警官", "相談員", "大家", "担任",
        "上司", "店長", "社長", "部長", "課長", "店員", "運転手", "校長", "教頭", "先生", "先輩", "後輩", "赤", "嫁", "婿",
        "孫", "息子", "娘", "主人", "神", "仏", "客", "駅員", "職員", "担当", "相手", "隣", "近所", "親戚", "親", "王", "姫",
        "子", "坊", "保健", "顧問", "監督", "コーチ", "ママ", "パパ", "カウンセラー", "バイト", "パート", "生徒", "学生",
        "女", "男", "漫画家", "作家", "歌手", "弁護士", "司法書士", "看護", "介護", "保育士", "施設",
    ];

    private static readonly string[] HiraganaRoleWords =
    [
        "おかあ", "かあ", "おとう", "とう", "おにい", "にい", "おねえ", "ねえ", "おばあ", "ばあ", "おじい", "じい", "おば", "おじ",
        "あか", "みな", "みんな", "おく", "おきゃく", "おいしゃ", "おまわり", "だんな", "よめ", "まご", "むすこ", "むすめ",
        "せんぱい", "こうはい", "ともだち", "かれし", "かのじょ", "おとな", "こども", "ぼっ", "おじょう", "ねえ", "おや",
    ];

    private static readonly string[] SchoolPrefixStopWords =
    [
        "私立", "公立", "県立", "都立", "府立", "道立", "市立", "区立", "町立", "村立", "国立", "定時制", "通信制", "全日制",
        "女子", "男子", "私", "僕", "俺", "今", "前", "元", "同", "他", "別", "次", "新", "旧", "近", "第", "同じ", "専門",
    ];

    /// <summary>Redacts <paramref name="text"/>; the result and the per-kind counts.</summary>
    public static RedactionResult Redact(string? text)
    {
        var counts = new Dictionary<RedactionKind, int>();
        if (string.IsNullOrEmpty(text))
        {
            return new RedactionResult(new RedactedText(string.Empty), counts);
        }

        var s = text.Length > MaxInputLength ? text[..MaxInputLength] : text;
        s = Replace(EmailPattern(), s, RedactionKind.Email, counts);
        s = Replace(UrlPattern(), s, RedactionKind.Url, counts);
        s = ReplaceGroup(SocialIdPattern(), s, RedactionKind.SocialId, counts);
        s = ReplaceGroup(BareIdPattern(), s, RedactionKind.SocialId, counts);
        s = Replace(HandlePattern(), s, RedactionKind.SocialId, counts);
        s = Replace(PostalMarkPattern(), s, RedactionKind.PostalCode, counts);
        s = ReplaceIf(PhonePattern(), s, RedactionKind.Phone, counts, IsPhoneNumber);
        s = Replace(PostalPattern(), s, RedactionKind.PostalCode, counts);
        s = Replace(StreetAddressPattern(), s, RedactionKind.Address, counts);
        s = Replace(ChomePattern(), s, RedactionKind.Address, counts);
        s = Replace(BuildingPattern(), s, RedactionKind.Address, counts);
        s = Replace(BlockNumberPattern(), s, RedactionKind.Address, counts);
        s = Replace(RoomPattern(), s, RedactionKind.Address, counts);
        s = ReplaceIf(SchoolPattern(), s, RedactionKind.School, counts, m => !IsStopPrefix(m.Groups["prefix"].Value));
        s = ReplaceGroup(SelfNamePattern(), s, RedactionKind.Name, counts);
        s = ReplaceGroup(IntroducedNamePattern(), s, RedactionKind.Name, counts);
        s = ReplaceGroup(HonorificNamePattern(), s, RedactionKind.Name, counts, g => !IsRoleWord(g.Value));
        s = ReplaceGroup(HiraganaHonorificNamePattern(), s, RedactionKind.Name, counts, g => !HiraganaRoleWords.Contains(g.Value, StringComparer.Ordinal));
        return new RedactionResult(new RedactedText(s), counts);
    }

    /// <summary>The placeholder that replaces <paramref name="kind"/> (such as ［電話番号］).</summary>
    public static string Placeholder(RedactionKind kind) => Placeholders[kind];

    /// <summary>The kinds whose placeholders appear in <paramref name="texts"/>, in enum order (what was actually masked).</summary>
    public static IReadOnlyList<RedactionKind> MaskedKinds(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var all = string.Concat(texts);
        return [.. Placeholders.Where(p => all.Contains(p.Value, StringComparison.Ordinal)).Select(p => p.Key).Order()];
    }

    /// <summary>
    /// Defence in depth before anything is sent (ETH-05): what the redactor would still mask in text that should
    /// already be redacted. Empty when nothing identifying is left. Counts only; the text is never returned.
    /// </summary>
    public static IReadOnlyDictionary<RedactionKind, int> FindPersonalData(string? text) => Redact(text).Counts;

    /// <summary>Marks text as redacted without changing it: for text that is already redacted (read back from the review store).</summary>
    public static RedactedText AlreadyRedacted(string redacted) => new(redacted ?? string.Empty);

    private static bool IsPhoneNumber(Match m)
    {
        var digits = new StringBuilder();
        foreach (var c in m.Value)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is >= '０' and <= '９')
            {
                digits.Append((char)('0' + (c - '０')));
            }
        }

        var value = m.Value.TrimStart();
        if (value.StartsWith('+') || value.StartsWith('＋'))
        {
            // +81 then 9 or 10 digits (the leading 0 dropped).
            return digits.Length is 11 or 12 && digits.ToString().StartsWith("81", StringComparison.Ordinal);
        }

        return digits.Length is 10 or 11 && digits[0] == '0';
    }

    private static bool IsRoleWord(string run)
    {
        foreach (var role in RoleWords)
        {
            if (run.EndsWith(role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStopPrefix(string prefix) => prefix.Length == 0 || SchoolPrefixStopWords.Contains(prefix, StringComparer.Ordinal);

    private static string Replace(Regex regex, string input, RedactionKind kind, Dictionary<RedactionKind, int> counts) =>
        ReplaceIf(regex, input, kind, counts, null);

    private static string ReplaceIf(Regex regex, string input, RedactionKind kind, Dictionary<RedactionKind, int> counts, Func<Match, bool>? accept) =>
        regex.Replace(input, m =>
        {
            if (accept is not null && !accept(m))
            {
                return m.Value;
            }

            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            return Placeholders[kind];
        });

    /// <summary>Replaces only the group named <c>x</c>, keeping the words around it (LINE, さん …).</summary>
    private static string ReplaceGroup(Regex regex, string input, RedactionKind kind, Dictionary<RedactionKind, int> counts, Func<Group, bool>? accept = null) =>
        regex.Replace(input, m =>
        {
            var g = m.Groups["x"];
            if (!g.Success || (accept is not null && !accept(g)))
            {
                return m.Value;
            }

            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            var start = g.Index - m.Index;
            return string.Concat(m.Value.AsSpan(0, start), Placeholders[kind], m.Value.AsSpan(start + g.Length));
        });

    [GeneratedRegex(@"[A-Za-z0-9._%+\-Ａ-Ｚａ-ｚ０-９]+[@＠][A-Za-z0-9\-Ａ-Ｚａ-ｚ０-９]+(?:[.．][A-Za-z0-9\-Ａ-Ｚａ-ｚ０-９]+)+", RegexOptions.CultureInvariant, 200)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?:(?:https?|ｈｔｔｐｓ?)[:：][/／]{2}|www\.)[^\s「」『』()（）<>＜＞、。]+|(?<![A-Za-z0-9.\-])[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|net|org|jp|io|me|info|ly|tv|app|dev|link)(?:[/?#][^\s「」『』()（）<>、。]*)?(?![A-Za-z0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 200)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?:LINE|ＬＩＮＥ|ライン|らいん|ﾗｲﾝ|インスタ|いんすた|Instagram|insta|Twitter|ツイッター|TikTok|ティックトック|Discord|ディスコード|ディスコ|カカオ|Kakao|Skype|スカイプ|Threads|BeReal)\s*(?:の)?\s*(?:ID|ＩＤ|ｉｄ|アカウント|アカ|垢|ユーザー名|名前)?\s*(?:は|が|[:：=＝]|→)?\s*(?<x>[@＠]?[A-Za-z0-9._\-]{3,30})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 200)]
    private static partial Regex SocialIdPattern();

    [GeneratedRegex(@"(?:ID|ＩＤ|ｉｄ)\s*(?:は|[:：=＝]|→)\s*(?<x>[@＠]?[A-Za-z0-9._\-]{3,30})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 200)]
    private static partial Regex BareIdPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-［］])[@＠][A-Za-z0-9._]{3,30}", RegexOptions.CultureInvariant, 200)]
    private static partial Regex HandlePattern();

    [GeneratedRegex(@"〒\s*" + D + "{3}" + @"\s*" + H + @"?\s*" + D + "{4}", RegexOptions.CultureInvariant, 200)]
    private static partial Regex PostalMarkPattern();

    [GeneratedRegex(@"(?<![0-9０-９])(?:[+＋](?:81|８１)[\s" + "\\-‐‑‒–—―−ー－ｰ" + @"]*)?[(（]?" + D + @"(?:[\s()（）" + "\\-‐‑‒–—―−ー－ｰ" + "]{0,2}" + D + "){8,12}(?![0-9０-９])", RegexOptions.CultureInvariant, 200)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![0-9０-９" + "\\-‐‑‒–—―−ー－ｰ" + "])" + D + "{3}" + H + D + "{4}" + @"(?![0-9０-９])", RegexOptions.CultureInvariant, 200)]
    private static partial Regex PostalPattern();

    // 東京都渋谷区神南1-2-3, 横浜市中区山下町１丁目２番地 …: a place name chain followed by a street number.
    [GeneratedRegex(@"(?:(?:東京都|北海道|大阪府|京都府|[" + Kanji + @"]{2,3}県)\s*)?(?:[" + Kanji + @"ァ-ヶー]{1,6}(?:市|区|郡|町|村)){1,3}[" + Kanji + @"ァ-ヶー]{0,6}?\s*(?:" + D + @"{1,4}|[一二三四五六七八九十]{1,3})(?:丁目|番地|番|号|" + H + @")(?:\s*(?:" + D + @"{1,4}|[一二三四五六七八九十]{1,3})(?:丁目|番地|番|号|" + H + @")?)*", RegexOptions.CultureInvariant, 200)]
    private static partial Regex StreetAddressPattern();

    [GeneratedRegex(@"[" + Kanji + @"ァ-ヶー]{0,8}(?:" + D + @"{1,3}|[一二三四五六七八九十]{1,3})丁目(?:\s*" + D + @"{1,4}\s*(?:番地|番|号|" + H + @")?)*", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ChomePattern();

    [GeneratedRegex(@"[" + Kanji + @"ァ-ヶーぁ-ゖA-Za-z]{1,12}(?:マンション|アパート|ハイツ|コーポ|レジデンス|ハウス|荘|団地|寮)\s*(?:" + D + @"{1,4}\s*(?:号室|号棟|号|" + H + D + @"{1,4})?)?", RegexOptions.CultureInvariant, 200)]
    private static partial Regex BuildingPattern();

    [GeneratedRegex(@"(?<![0-9０-９])" + D + "{1,4}" + H + D + "{1,4}" + H + D + "{1,4}(?:" + H + D + @"{1,4})?(?![0-9０-９])", RegexOptions.CultureInvariant, 200)]
    private static partial Regex BlockNumberPattern();

    [GeneratedRegex(D + "{2,4}号室", RegexOptions.CultureInvariant, 200)]
    private static partial Regex RoomPattern();

    [GeneratedRegex(@"(?<prefix>[" + Kanji + @"ァ-ヶー]{1,10}?)(?:小学校|中学校|高等学校|高校|中学|小学|大学|高専|学園|学院|女学院|特別支援学校)(?!生)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex SchoolPattern();

    // 名前は田中です / 本名はゆうき
    [GeneratedRegex(@"(?:名前|なまえ|本名|ほんみょう|フルネーム)\s*(?:は|が|[:：])\s*(?<x>[" + Kanji + @"ァ-ヶーぁ-ゖ]{1,10}?)(?=です|でした|だよ|だ|って|と|。|、|！|!|？|\?|\s|$)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex SelfNamePattern();

    // 私は田中と申します / 僕は佐藤っていいます
    [GeneratedRegex(@"(?:私|わたし|僕|ぼく|俺|おれ|うち|自分)(?:は|の名前は)\s*(?<x>[" + Kanji + @"ァ-ヶー]{1,8})\s*(?=と申します|といいます|と言います|っていいます|って言います|って名前)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex IntroducedNamePattern();

    // 田中さん, タナカくん, 佐藤先生: the kanji or katakana run right before the honorific.
    [GeneratedRegex(@"(?<x>[" + Kanji + @"ァ-ヶー]{1,8})(?=さん|サン|くん|クン|君|ちゃん|チャン|様|さま|先生|せんせい|先輩|せんぱい|氏)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex HonorificNamePattern();

    // ゆうきくん (hiragana names only after a boundary or の/と, so a longer word is not taken for a name).
    [GeneratedRegex(@"(?<=^|[\s、。,.!?！？「『(（]|の|と|が|も)(?<x>[ぁ-ゖ]{2,4})(?=くん|ちゃん|さん)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex HiraganaHonorificNamePattern();
}
