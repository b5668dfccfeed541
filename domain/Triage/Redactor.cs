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

    /// <summary>True when the redactor could not finish (a pattern timed out): the text is then empty and must not be sent.</summary>
    public bool Failed { get; init; }
}

/// <summary>One masked stretch of the text: where it starts, how long it is, what it was.</summary>
public readonly record struct RedactionSpan(int Start, int Length, RedactionKind Kind)
{
    public int End => Start + Length;
}

/// <summary>
/// What the redactor remembers within one conversation: the names it has masked, so that a name given in an earlier
/// message (名前はゆうき) is masked again when it comes back alone (ゆうきって呼ばれるのが嫌). Held in memory only for
/// the conversation's AI window, never stored or logged. Thread-safe.
/// </summary>
public sealed class RedactionContext
{
    private const int MaxNames = 64;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>How many names are remembered.</summary>
    public int Count
    {
        get
        {
            lock (_names)
            {
                return _names.Count;
            }
        }
    }

    internal IReadOnlyList<string> Snapshot()
    {
        lock (_names)
        {
            return [.. _names];
        }
    }

    internal void Learn(string name)
    {
        lock (_names)
        {
            if (_names.Count < MaxNames)
            {
                _names.Add(name);
            }
        }
    }
}

/// <summary>
/// ETH-05: finds and masks what identifies a person before any text leaves the process, the way young people write
/// it: phone numbers with any separator and in full width (090.1234.5678, ０９０－…, +81), e-mail addresses, URLs,
/// SNS ids and handles (LINE, X, Instagram, TikTok, Discord … half or full width), postal codes, street addresses
/// (丁目・番地・号, 1-2-3, building and room numbers), school names and their short forms (さくら小学校, 西中, 北高),
/// names before honorifics (さん, ちゃん, くん, 先生, 先輩 …) unless they are family or role words (お母さん, 店員さん),
/// common family names without an honorific before a particle (山田が), self-introduced names (名前はゆうき,
/// 田中ゆうきっていいます, はじめまして、ゆうきです), English and romaji names (my name is Emily, yuki-chan), and, with a
/// <see cref="RedactionContext"/>, names given in an earlier message of the same conversation.
/// Coarse places (a prefecture, a city without a street number) stay: they help find local support.
/// Matching runs on a width-folded copy (full-width letters and digits read as ASCII) and masks the original.
/// Each kind is replaced by a placeholder such as ［電話番号］. Stateless apart from the optional context.
/// </summary>
public static partial class Redactor
{
    /// <summary>Text longer than this is cut before redaction (the advisor never needs more).</summary>
    public const int MaxInputLength = 4000;

    /// <summary>The longest text <see cref="FindPersonalData"/> checks (a whole rendered prompt).</summary>
    public const int MaxCheckLength = 20000;

    private const string Kanji = "一-龥々〆ヵヶ";
    private const string Dash = @"\-‐‑‒–—―−ーｰ";
    // What may follow a building's hiragana name: a room number, the end of a phrase, or a verb of living.
    private const string AfterBuildingName = @"\s*\d|の\s*\d|[、。,.!！?？\s]|に住|に一人|にひとり|です|だよ|$";

    private const string LandmarkWords = "駅|店|公園|神社|寺|病院|ビル|タワー|図書館|体育館|郵便局|交番|銀行|モール|団地|橋|小学校|中学校|高校|大学|スーパー|センター|ホール|プール|グラウンド|教会";

    private const string NameChars = "[" + Kanji + "ァ-ヶーｦ-ﾟ]";

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

    /// <summary>Redacts <paramref name="text"/>; the result and the per-kind counts.</summary>
    public static RedactionResult Redact(string? text) => Redact(text, null);

    /// <summary>
    /// Redacts <paramref name="text"/>, also masking names remembered in <paramref name="context"/> and remembering
    /// the names found now.
    /// </summary>
    public static RedactionResult Redact(string? text, RedactionContext? context)
    {
        var counts = new Dictionary<RedactionKind, int>();
        if (string.IsNullOrEmpty(text))
        {
            return new RedactionResult(new RedactedText(string.Empty), counts);
        }

        var s = text.Length > MaxInputLength ? text[..MaxInputLength] : text;
        List<RedactionSpan> spans;
        try
        {
            spans = FindSpans(s, context);
        }
        catch (RegexMatchTimeoutException)
        {
            // Fail closed: nothing of this text may leave.
            return new RedactionResult(new RedactedText(string.Empty), counts) { Failed = true };
        }

        var b = new StringBuilder(s.Length);
        var at = 0;
        foreach (var span in spans)
        {
            b.Append(s, at, span.Start - at).Append(Placeholders[span.Kind]);
            counts[span.Kind] = counts.GetValueOrDefault(span.Kind) + 1;
            at = span.End;
        }

        b.Append(s, at, s.Length - at);
        return new RedactionResult(new RedactedText(b.ToString()), counts);
    }

    /// <summary>The stretches of <paramref name="text"/> that would be masked, in order, not overlapping (for measuring).</summary>
    public static IReadOnlyList<RedactionSpan> Find(string? text, RedactionContext? context = null) =>
        string.IsNullOrEmpty(text) ? [] : FindSpans(text.Length > MaxInputLength ? text[..MaxInputLength] : text, context);

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
    /// already be redacted (up to <see cref="MaxCheckLength"/> characters). Empty when nothing identifying is left.
    /// Counts only; the text is never returned.
    /// </summary>
    public static IReadOnlyDictionary<RedactionKind, int> FindPersonalData(string? text)
    {
        var counts = new Dictionary<RedactionKind, int>();
        if (string.IsNullOrEmpty(text))
        {
            return counts;
        }

        List<RedactionSpan> spans;
        try
        {
            spans = FindSpans(text.Length > MaxCheckLength ? text[..MaxCheckLength] : text, null);
        }
        catch (RegexMatchTimeoutException)
        {
            // Fail closed: a check that could not finish withholds the prompt.
            return new Dictionary<RedactionKind, int> { [RedactionKind.Name] = 1 };
        }

        foreach (var span in spans)
        {
            counts[span.Kind] = counts.GetValueOrDefault(span.Kind) + 1;
        }

        return counts;
    }

    /// <summary>Marks text as redacted without changing it: for text that is already redacted (read back from the review store).</summary>
    public static RedactedText AlreadyRedacted(string redacted) => new(redacted ?? string.Empty);

    private static List<RedactionSpan> FindSpans(string original, RedactionContext? context)
    {
        var f = Fold(original);
        var accepted = new List<RedactionSpan>();

        void Add(int start, int length, RedactionKind kind)
        {
            if (length <= 0)
            {
                return;
            }

            var end = start + length;
            foreach (var a in accepted)
            {
                if (start < a.End && a.Start < end)
                {
                    return;
                }
            }

            accepted.Add(new RedactionSpan(start, length, kind));
        }

        void All(Regex regex, RedactionKind kind, Func<Match, bool>? accept = null)
        {
            foreach (Match m in regex.Matches(f))
            {
                if (accept is null || accept(m))
                {
                    Add(m.Index, m.Length, kind);
                }
            }
        }

        void Group(Regex regex, RedactionKind kind, Func<Group, bool>? accept = null)
        {
            foreach (Match m in regex.Matches(f))
            {
                var g = m.Groups["x"];
                if (g.Success && g.Length > 0 && (accept is null || accept(g)))
                {
                    Add(g.Index, g.Length, kind);
                }
            }
        }

        // Most specific first: what is taken is not taken again by a looser pattern.
        All(EmailPattern(), RedactionKind.Email);
        All(UrlPattern(), RedactionKind.Url);
        All(FriendCodePattern(), RedactionKind.SocialId);
        Group(SocialIdPattern(), RedactionKind.SocialId);
        Group(XIdPattern(), RedactionKind.SocialId);
        Group(BareIdPattern(), RedactionKind.SocialId);
        All(HandlePattern(), RedactionKind.SocialId);
        foreach (Match m in PostalMarkPattern().Matches(f))
        {
            // 〒 goes with the number; the word 郵便番号 stays.
            var g = m.Groups["x"];
            var start = m.Value.StartsWith('〒') ? m.Index : g.Index;
            Add(start, g.Index + g.Length - start, RedactionKind.PostalCode);
        }
        All(PhonePattern(), RedactionKind.Phone, IsPhoneNumber);
        All(KanjiDigitPhonePattern(), RedactionKind.Phone);
        All(PostalPattern(), RedactionKind.PostalCode);
        All(StreetAddressPattern(), RedactionKind.Address);
        All(ChomePattern(), RedactionKind.Address);
        All(BuildingPattern(), RedactionKind.Address, m => !RedactorWords.GenericBuildings.Contains(m.Value.TrimEnd()) && !StartsWithHiraganaTimeWord(m.Value));
        All(BuildingFirstPattern(), RedactionKind.Address);
        Group(StationNearHomePattern(), RedactionKind.Address, g => IsPlaceName(g.Value));
        Group(LandmarkNearHomePattern(), RedactionKind.Address, IsLandmark);
        All(BlockNumberPattern(), RedactionKind.Address, m => !IsDate(m.Value));
        All(RoomPattern(), RedactionKind.Address);
        All(SchoolPattern(), RedactionKind.School, m => !RedactorWords.SchoolKindWords.Contains(m.Groups["prefix"].Value) && !m.Groups["prefix"].Value.EndsWith('の'));
        Group(ShortSchoolPattern(), RedactionKind.School, g => IsShortSchool(g.Value));
        Group(ShortGirlsSchoolPattern(), RedactionKind.School, g => IsNamedSchoolStem(g.Value));
        Group(ShortUniversityPattern(), RedactionKind.School, g => IsNamedSchoolStem(g.Value[..^1])
            && !(g.Value[^1] == '中' && g.Index + g.Length + 1 < f.Length && f[g.Index + g.Length] == 'の' && !char.IsAsciiDigit(f[g.Index + g.Length + 1]) && !"一二三四五六".Contains(f[g.Index + g.Length + 1], StringComparison.Ordinal)));
        Group(SelfNamePattern(), RedactionKind.Name, g => IsNameLike(g.Value, strict: false));
        Group(IntroducedNamePattern(), RedactionKind.Name, g => IsNameLike(g.Value, strict: false));
        Group(GreetingNamePattern(), RedactionKind.Name, g => IsNameLike(g.Value, strict: true));
        Group(PronounNamePattern(), RedactionKind.Name, g => IsNameLike(g.Value, strict: false));
        Group(CalledNamePattern(), RedactionKind.Name, g => IsNameLike(g.Value, strict: false));
        Group(PersonCuePattern(), RedactionKind.Name, g => IsNameLike(g.Value, strict: false) && !RedactorWords.LeadingNonNameWords.Contains(g.Value));
        Group(ShortIntroPattern(), RedactionKind.Name, g => IsShortIntroName(g.Value));
        Group(ShortKanjiIntroPattern(), RedactionKind.Name, g => !RedactorWords.ShortIntroNotNames.Contains(g.Value) && IsNameLike(g.Value, strict: false));
        Group(RomajiPersonPattern(), RedactionKind.Name, g => !EnglishNotNames.Contains(g.Value.ToLowerInvariant()));
        Group(EnglishNamePattern(), RedactionKind.Name, g => !EnglishNotNames.Contains(g.Value.ToLowerInvariant()));
        Group(RomajiCalledPattern(), RedactionKind.Name, g => !EnglishNotNames.Contains(g.Value.ToLowerInvariant()));
        Group(RomajiHonorificPattern(), RedactionKind.Name, g => !EnglishNotNames.Contains(g.Value.ToLowerInvariant()));
        foreach (Match m in HonorificNamePattern().Matches(f))
        {
            var g = m.Groups["x"];
            if (TrimNameRun(g.Value) is { } trimmed && !IsRoleWord(trimmed.Name))
            {
                Add(g.Index + trimmed.Offset, trimmed.Name.Length, RedactionKind.Name);
            }
        }

        Group(HiraganaHonorificNamePattern(), RedactionKind.Name, g => !RedactorWords.HiraganaRoleWords.Contains(g.Value) && !EndsWithHiraganaRole(g.Value) && !IsHiraganaAdverb(g.Value));
        foreach (Match m in FamilyNamePattern().Matches(f))
        {
            var g = m.Groups["x"];
            if (FamilyNameIn(g.Value) is { } found && !IsPlaceUse(f, g.Index + g.Length))
            {
                Add(g.Index + found.Offset, found.Length, RedactionKind.Name);
            }
        }

        // 舟山と百瀬が: a kanji word joined by と to a listed name is a name too.
        foreach (Match m in JoinedNamesPattern().Matches(f))
        {
            var a = m.Groups["a"];
            var b = m.Groups["b"];
            var aKnown = IsListedName(a.Value);
            var bKnown = IsListedName(b.Value);
            if (aKnown && !bKnown && IsJoinedName(b.Value))
            {
                Add(b.Index, b.Length, RedactionKind.Name);
            }
            else if (bKnown && !aKnown && IsJoinedName(a.Value))
            {
                Add(a.Index, a.Length, RedactionKind.Name);
            }
        }

        // Unlisted kanji names where only a person stands (蔦谷に言われた), after the honorific and list passes took theirs.
        Group(PersonPositionPattern(), RedactionKind.Name, g => IsNameLike(g.Value, strict: false) && !IsCountOrTimeWord(g.Value) && !RedactorWords.PersonPositionNotNames.Contains(g.Value) && !RedactorWords.LeadingNonNameWords.Contains(g.Value));

        // Common given names where a name stands (はるきが来た, 陽菜に言われた, 放課後みずきとかりんに): longest first, then
        // once more for a name joined to one just found (…とかりん).
        foreach (var strictPass in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var name in GivenNamesLongestFirst)
            {
                for (var i = f.IndexOf(name, StringComparison.Ordinal); i >= 0; i = f.IndexOf(name, i + name.Length, StringComparison.Ordinal))
                {
                    if (IsBareNamePosition(f, i, name.Length, strictPass ? null : accepted))
                    {
                        Add(i, name.Length, RedactionKind.Name);
                    }
                }
            }
        }

        // Names: remember the new ones, then mask every remembered name that is still in the text.
        var names = new HashSet<string>(context?.Snapshot() ?? [], StringComparer.Ordinal);
        foreach (var span in accepted.Where(a => a.Kind == RedactionKind.Name).ToList())
        {
            foreach (var name in NameParts(f.Substring(span.Start, span.Length)))
            {
                names.Add(name);
                context?.Learn(name);
            }
        }

        foreach (var name in names.OrderByDescending(n => n.Length))
        {
            for (var i = f.IndexOf(name, StringComparison.Ordinal); i >= 0; i = f.IndexOf(name, i + name.Length, StringComparison.Ordinal))
            {
                if (StandsAlone(f, i, name.Length))
                {
                    Add(i, name.Length, RedactionKind.Name);
                }
            }
        }

        accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }

    /// <summary>Full-width ASCII to ASCII, the ideographic space to a space: same length, so spans map back one to one.</summary>
    private static string Fold(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= '！' and <= '～')
            {
                chars[i] = (char)(c - 0xFEE0);
            }
            else if (c == '　')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static bool IsPhoneNumber(Match m)
    {
        var digits = new StringBuilder();
        foreach (var c in m.Value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        if (m.Value.TrimStart().StartsWith('+'))
        {
            // +81 then 9 or 10 digits (the leading 0 dropped).
            return digits.Length is 11 or 12 && digits.ToString().StartsWith("81", StringComparison.Ordinal);
        }

        return digits.Length is 10 or 11 && digits[0] == '0';
    }

    /// <summary>2025-03-01, 2024/4/1: a date, not a block number.</summary>
    private static bool IsDate(string value)
    {
        var parts = value.Split(['-', '‐', '‑', '‒', '–', '—', '―', '−', 'ー', 'ｰ']);
        return parts.Length == 3 && parts[0].Length == 4 && (parts[0].StartsWith("19", StringComparison.Ordinal) || parts[0].StartsWith("20", StringComparison.Ordinal))
            && int.TryParse(parts[1], out var month) && month is >= 1 and <= 12 && int.TryParse(parts[2], out var day) && day is >= 1 and <= 31;
    }

    /// <summary>A word used as a place right after it (中野に行く, 成田から飛行機, 中野駅): then a family-name-like word stays.</summary>
    private static bool IsPlaceUse(string f, int end)
    {
        var rest = f.AsSpan(end, Math.Min(12, f.Length - end));
        foreach (var cue in PlaceUseCues)
        {
            if (rest.StartsWith(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] PlaceUseCues =
    [
        "に行", "にいく", "にいっ", "に着", "について", "に住", "にすん", "に引っ越", "に帰", "に遊び", "に出かけ", "に旅行",
        "から飛行機", "から電車", "から新幹線", "から特急", "からバス", "から出発", "から引っ越", "から上京", "から乗",
        "まで", "へ", "駅", "空港", "行き", "方面", "で乗り換え", "で降り", "で遊", "で買", "で働", "で一人暮らし", "に出て",
    ];

    /// <summary>いまおとう(さん), ねえねえおかあ(さん): a family word of three or more kana at the end of the run.</summary>
    private static bool EndsWithHiraganaRole(string run) =>
        RedactorWords.HiraganaRoleWords.Any(r => r.Length >= 3 && r.Length < run.Length && run.EndsWith(r, StringComparison.Ordinal));

    /// <summary>三人, 何人, 食事中, 授業中: a count of people or "during", not a name.</summary>
    private static bool IsCountOrTimeWord(string run) =>
        ("一二三四五六七八九十百数何両全".Contains(run[0], StringComparison.Ordinal) && (run.Length == 1 || "人名組匹".Contains(run[^1], StringComparison.Ordinal) || run.All(c => "一二三四五六七八九十百千数何両全".Contains(c, StringComparison.Ordinal))))
        || (run.Length >= 2 && run[^1] == '中');

    /// <summary>ちゃんと先生の…, ずっと先輩が…: an adverb before 先生 or 先輩, not a name.</summary>
    private static bool IsHiraganaAdverb(string run) =>
        run.EndsWith("っと", StringComparison.Ordinal) || run is "ちゃんと" or "ほんと" or "ほんとに" or "まだ" or "もう" or "また" or "いま";

    /// <summary>いまマンションの下, まだ団地に: a time word before a building kind, not a building's name.</summary>
    private static bool StartsWithHiraganaTimeWord(string value) =>
        value.StartsWith("いま", StringComparison.Ordinal) || value.StartsWith("まだ", StringComparison.Ordinal)
        || value.StartsWith("もう", StringComparison.Ordinal) || value.StartsWith("また", StringComparison.Ordinal)
        || value.StartsWith("ずっと", StringComparison.Ordinal);

    private static bool IsRoleWord(string run)
    {
        if (RedactorWords.ExactRoleWords.Contains(run))
        {
            return true;
        }

        foreach (var role in RedactorWords.RoleWords)
        {
            if (run.EndsWith(role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name inside a kanji or katakana run before an honorific: a family name where one starts, else the run without a leading time or place word.</summary>
    private static (int Offset, string Name)? TrimNameRun(string run)
    {
        for (var i = 1; i < run.Length - 1; i++)
        {
            if (RedactorWords.FamilyNames.Contains(run.Substring(i, 2)) || (i + 3 <= run.Length && RedactorWords.FamilyNames.Contains(run.Substring(i, 3))))
            {
                return (i, run[i..]);
            }
        }

        foreach (var lead in RedactorWords.LeadingNonNameWords)
        {
            if (run.Length > lead.Length && run.StartsWith(lead, StringComparison.Ordinal))
            {
                return (lead.Length, run[lead.Length..]);
            }
        }

        return run.Length == 0 ? null : (0, run);
    }

    /// <summary>
    /// A family name at the start of a kanji run, or after a leading time or place word (昨日清水に), with at most two
    /// more characters of a given name (田中太郎) that do not make it a place (山田町).
    /// </summary>
    private static (int Offset, int Length)? FamilyNameIn(string run)
    {
        var offsets = new List<int> { 0 };
        offsets.AddRange(RedactorWords.LeadingNonNameWords.Where(w => run.Length > w.Length && run.StartsWith(w, StringComparison.Ordinal)).Select(w => w.Length));
        foreach (var offset in offsets)
        {
            for (var n = 3; n >= 2; n--)
            {
                if (offset + n > run.Length || !RedactorWords.FamilyNames.Contains(run.Substring(offset, n)))
                {
                    continue;
                }

                var tail = run.Length - offset - n;
                if (tail > 2 || (tail > 0 && "町村市区県都府道駅線家".Contains(run[^1], StringComparison.Ordinal)))
                {
                    continue;
                }

                return (offset, run.Length - offset);
            }
        }

        return null;
    }

    private static bool StartsWithFamilyName(string run)
    {
        for (var n = Math.Min(3, run.Length); n >= 2; n--)
        {
            if (RedactorWords.FamilyNames.Contains(run[..n]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsShortSchool(string value)
    {
        var stem = value[..^1];
        if (stem.Length == 0)
        {
            return false;
        }

        if (stem.All(c => c is '○' or '〇' or '◯' or '●' or '×' or '✕' or '*' or '＊' or '△' or '□'))
        {
            return true;
        }

        if (stem is "東" or "西" or "南" or "北" or "中央" or "東部" or "西部" or "南部" or "北部" || stem.StartsWith('第') || (stem.Length == 1 && "一二三四五六七八九".Contains(stem[0], StringComparison.Ordinal)))
        {
            return true;
        }

        // さくら小, みどり中: a hiragana name right before (the pattern only allows it after a boundary).
        if (stem.All(c => c is >= 'ぁ' and <= 'ゖ'))
        {
            // さくら小, not ゆめの中 (a word and a particle before 中).
            return stem.Length >= 2 && !"のにでをがはもと".Contains(stem[^1], StringComparison.Ordinal);
        }

        // 白百合女子高: a name, then 女子 or 男子 (女子高 alone and 私立女子高 are kinds of school).
        foreach (var kind in (ReadOnlySpan<string>)["女子", "男子"])
        {
            if (stem.Length > kind.Length && stem.EndsWith(kind, StringComparison.Ordinal))
            {
                return !RedactorWords.SchoolKindWords.Contains(stem[..^kind.Length]) && stem[..^kind.Length].Any(c => c is not (>= 'ぁ' and <= 'ゖ'));
            }
        }

        return stem.Length >= 2 && RedactorWords.ShortSchoolPlaceEndings.Contains(stem[^1], StringComparison.Ordinal);
    }

    private static bool IsNameLike(string value, bool strict)
    {
        if (value.Length == 0 || RedactorWords.NotNames.Contains(value) || RedactorWords.PlaceNames.Contains(value) || IsRoleWord(value))
        {
            return false;
        }

        if (value.EndsWith('生') || value.EndsWith('歳') || value.EndsWith('才') || value.EndsWith("年生", StringComparison.Ordinal))
        {
            return false;
        }

        if (!strict)
        {
            return true;
        }

        // After a greeting: a family name, a kana word of two to five characters, or a short kanji name.
        return StartsWithFamilyName(value)
            || (value.Length is >= 2 and <= 5 && value.All(c => c is (>= 'ぁ' and <= 'ゖ') or (>= 'ァ' and <= 'ヶ') or 'ー'))
            || (value.Length is >= 2 and <= 4 && value.All(c => c is >= '一' and <= '龥'));
    }

    private static readonly string[] GivenNamesLongestFirst = [.. RedactorWords.GivenNames.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)];

    /// <summary>Particles after which a listed given name counts as a name (はるきが, 陽菜に, りこの, みずきと).</summary>
    private static readonly string[] NameParticles = ["から", "って", "とか", "が", "と", "に", "も", "の", "や", "は", "を", "へ"];

    /// <summary>
    /// Whether a listed given name at <paramref name="start"/> stands where a name stands: at the start of a phrase (or
    /// after a time word such as 昨日 or 放課後) and before a particle, or alone before 、 at the start of a message, or
    /// after 、 at its end (calling someone). With <paramref name="found"/>, also right after と・や・も that follow a
    /// name already found (みずきとかりんに).
    /// </summary>
    private static bool IsBareNamePosition(string f, int start, int length, List<RedactionSpan>? found)
    {
        var end = start + length;
        var script = ScriptOf(f[start]);
        // Not inside a longer word of the same script.
        if (end < f.Length && ScriptOf(f[end]) == script && script != 1)
        {
            return false;
        }

        var before = start > 0 ? f[start - 1] : '\n';
        bool beforeOk;
        if (start == 0 || IsPhraseBoundary(before) || RedactorWords.TimeWordsBeforeName.Any(w => start >= w.Length && string.CompareOrdinal(f, start - w.Length, w, 0, w.Length) == 0))
        {
            beforeOk = true;
        }
        else if (found is not null && "とやも".Contains(before, StringComparison.Ordinal))
        {
            beforeOk = found.Any(a => a.Kind == RedactionKind.Name && a.End == start - 1);
        }
        else if (script == 3)
        {
            beforeOk = RedactorWords.LeadingNonNameWords.Any(w => start >= w.Length && string.CompareOrdinal(f, start - w.Length, w, 0, w.Length) == 0
                && (start == w.Length || ScriptOf(f[start - w.Length - 1]) != 3));
        }
        else if (ScriptOf(before) == 3)
        {
            // A kana name right after kanji counts only after a time word (放課後みずき, above), not after any kanji (何もかも).
            beforeOk = false;
        }
        else
        {
            // A kana name after a different script (katakana after an ASCII letter, hiragana after katakana).
            beforeOk = ScriptOf(before) != script && ScriptOf(before) != 1;
        }

        if (!beforeOk)
        {
            return false;
        }

        if (end == f.Length || f[end] is '。' or '!' or '?' or '…')
        {
            // Alone, or at the end after 、 (ごめん、はるき).
            return start == 0 || before is '、' or ',' or ' ';
        }

        if (f[end] is '、' or ',')
        {
            return start == 0 || before is '\n';
        }

        foreach (var particle in NameParticles)
        {
            if (string.CompareOrdinal(f, end, particle, 0, particle.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPhraseBoundary(char c) =>
        char.IsWhiteSpace(c) || char.IsPunctuation(c) || c is '、' or '。' or '「' or '」' or '『' or '』' or '（' or '）' or '!' or '?' or '…' or '〜' or '~';

    private static int ScriptOf(char c) => c switch
    {
        >= 'ぁ' and <= 'ゖ' => 1,
        (>= 'ァ' and <= 'ヶ') or 'ー' => 2,
        (>= '一' and <= '龥') or '々' => 3,
        (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') => 4,
        _ => 0,
    };

    /// <summary>
    /// A name ending a short self-introduction without です (あ、おれソウマ。, わたしはなぎさ。): a listed given name, a
    /// family name (maybe with a given name), or a katakana word of two to six characters that is not a known non-name.
    /// </summary>
    private static bool IsShortIntroName(string value)
    {
        if (RedactorWords.NotNames.Contains(value) || IsRoleWord(value))
        {
            return false;
        }

        return RedactorWords.GivenNames.Contains(value)
            || StartsWithFamilyName(value)
            || (value.Length is >= 2 and <= 6 && value.All(c => c is (>= 'ァ' and <= 'ヶ') or 'ー') && value[0] != 'ー');
    }

    /// <summary>What comes before 小・中・高・大 names a school (東雲, 桜ヶ丘女子), not a kind of school (私立女子, 地方).</summary>
    private static bool IsNamedSchoolStem(string stem)
    {
        foreach (var kind in (ReadOnlySpan<string>)["女子", "男子"])
        {
            if (stem.EndsWith(kind, StringComparison.Ordinal))
            {
                stem = stem[..^kind.Length];
                break;
            }
        }

        return stem.Length > 0 && !RedactorWords.SchoolKindWords.Contains(stem) && !RedactorWords.NotUniversities.Contains(stem);
    }

    private static bool IsListedName(string value) => RedactorWords.GivenNames.Contains(value) || FamilyNameIn(value) is { Offset: 0 };

    private static bool IsJoinedName(string value) =>
        IsNameLike(value, strict: false) && !RedactorWords.PlaceNames.Contains(value) && !RedactorWords.LeadingNonNameWords.Contains(value)
        && !RedactorWords.SchoolKindWords.Contains(value);

    /// <summary>A station said to be the one near home: a name, not a word such as 駅前 or 近く.</summary>
    private static bool IsPlaceName(string value)
    {
        if (RedactorWords.NotPlaceNames.Contains(value) || value.All(c => c is >= 'ぁ' and <= 'ゖ'))
        {
            return false;
        }

        // A name may start with hiragana (ひばりヶ丘) and carry が or の between kanji (自由が丘); hiragana anywhere else
        // is the rest of a sentence (最寄り駅しつこく聞いてくる).
        var i = 0;
        while (i < value.Length && ScriptOf(value[i]) == 1)
        {
            i++;
        }

        for (; i < value.Length; i++)
        {
            if (ScriptOf(value[i]) == 1 && !(value[i] is 'が' or 'の' && i > 0 && i + 1 < value.Length && ScriptOf(value[i - 1]) == 3 && ScriptOf(value[i + 1]) == 3))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A landmark next to home with a name before its kind (ローソン南町店, みなと公園), not お寺 or 近所の公園.</summary>
    private static bool IsLandmark(Group g)
    {
        var value = g.Value;
        var name = value;
        foreach (var word in LandmarkWords.Split('|').OrderByDescending(w => w.Length))
        {
            if (value.EndsWith(word, StringComparison.Ordinal))
            {
                name = value[..^word.Length];
                break;
            }
        }

        if (name.Length == 0 || name.Contains('の', StringComparison.Ordinal) || RedactorWords.NotPlaceNames.Contains(name))
        {
            return false;
        }

        return name.Length >= 2 || ScriptOf(name[0]) == 3;
    }

    /// <summary>A name and its family-name and given-name parts (田中ゆうき → 田中ゆうき, 田中, ゆうき), two characters or more.</summary>
    private static IEnumerable<string> NameParts(string name)
    {
        if (name.Length >= 2)
        {
            yield return name;
        }

        for (var n = Math.Min(3, name.Length - 1); n >= 2; n--)
        {
            if (RedactorWords.FamilyNames.Contains(name[..n]))
            {
                yield return name[..n];
                if (name.Length - n >= 2)
                {
                    yield return name[n..];
                }

                yield break;
            }
        }
    }

    /// <summary>A remembered name counts where it is not part of a longer word of the same script.</summary>
    private static bool StandsAlone(string f, int start, int length)
    {
        static int Script(char c) => c switch
        {
            >= 'ぁ' and <= 'ゖ' => 1,
            (>= 'ァ' and <= 'ヶ') or 'ー' => 2,
            (>= '一' and <= '龥') or '々' => 3,
            (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') => 4,
            _ => 0,
        };

        var script = Script(f[start]);
        if (script == 0)
        {
            return true;
        }

        var before = start > 0 ? f[start - 1] : ' ';
        var after = start + length < f.Length ? f[start + length] : ' ';
        if (script == 1)
        {
            // Hiragana: a particle or an honorific may follow, and a particle may come before.
            var beforeOk = Script(before) != 1 || "のとがはもにを".Contains(before, StringComparison.Ordinal);
            var afterOk = Script(after) != 1 || "はがもにとのをへやってちくさかだで".Contains(after, StringComparison.Ordinal);
            return beforeOk && afterOk;
        }

        return Script(before) != script && Script(after) != script;
    }

    private static readonly HashSet<string> EnglishNotNames = new(StringComparer.Ordinal)
    {
        "tired", "sad", "sorry", "fine", "ok", "okay", "not", "so", "very", "just", "alone", "lonely", "scared", "afraid", "here",
        "done", "gay", "trans", "bi", "a", "an", "the", "in", "at", "going", "feeling", "still", "really", "no", "nobody", "me",
        "you", "him", "her", "it", "this", "that", "what", "who", "sure", "good", "bad", "dying", "dead", "happy", "angry",
        "ai", "line", "discord", "twitter", "insta", "instagram", "tiktok", "youtube", "google", "apple", "iphone", "android",
        "japanese", "chinese", "korean", "american", "british", "english", "filipino", "vietnamese", "brazilian", "nepali",
        "indian", "asian", "half", "mixed", "foreign", "new", "from", "living", "stuck", "hungry", "sick", "ill", "hurt",
        "crying", "trying", "leaving", "home", "gone", "over", "lost", "broken", "useless", "worthless", "nothing", "nobody",
        "always", "never", "too", "also", "your", "my", "his", "their", "our", "sorry", "thank", "thanks", "hello", "hi",
        "sad", "okay", "desu", "dayo", "da", "yo", "ne", "mou", "muri", "dame", "tsurai", "shinitai", "kowai", "sabishii",
    };

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+\s*(?:@|アットマーク|アット|あっと|\(at\)|\[at\]|(?<=\s)at(?=\s))\s*[A-Za-z0-9\-]+(?:\s*(?:\.|ドット|どっと|\(dot\)|\[dot\]|(?<=\s)dot(?=\s))\s*[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s「」『』()（）<>＜＞、。]+|(?<![A-Za-z0-9.\-])[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|net|org|jp|io|me|info|ly|tv|app|dev|link|gg|co)(?:[/?#][^\s「」『』()（）<>、。]*)?(?![A-Za-z0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex UrlPattern();

    // Nintendo Switch friend codes: SW-1234-5678-9012.
    [GeneratedRegex(@"SW[" + Dash + @"\s]?\d{4}[" + Dash + @"\s]?\d{4}[" + Dash + @"\s]?\d{4}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex FriendCodePattern();

    [GeneratedRegex(@"(?>(?:LINE|ライン|らいん|ﾗｲﾝ|インスタ|いんすた|ｲﾝｽﾀ|Instagram|insta|Twitter|ツイッター|ツイッタ|TikTok|ティックトック|ティクトク|ﾃｨｯｸﾄｯｸ|Discord|ディスコード|ディスコ|でぃすこ|Kakao|カカオ|Skype|スカイプ|Threads|スレッズ|BeReal|YouTube|ユーチューブ|Facebook|フェイスブック|Snapchat|スナチャ|Telegram|テレグラム|Steam|スチーム|Twitch|ツイキャス|Pococha|ポコチャ|17LIVE|イチナナ|WhatsApp|Signal|pixiv|ピクシブ|Tumblr|Reddit|Kik|ゼペット|ZEPETO|Switch|スイッチ)\s*(?:の|で|に|は)?\s*(?:(?:ID|アイディー|あいでぃー|アカウント|アカ|あか|垢|ユーザー名|ユーザーネーム|ユーザ名|名前|ハンドル|ネーム|サブ垢|裏垢|本垢|タグ|ユーザーID|友だち追加|友達追加|ともだち追加)\s*)?(?:は|が|も|を|で|[:=→]|って)?\s*[「『""']?\s*)(?<x>@?[A-Za-z0-9._\-]{3,32}(?:#\d{4})?)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex SocialIdPattern();

    // X (Twitter) only with an id word: "X" alone is too short to be sure of.
    [GeneratedRegex(@"(?<![A-Za-z])(?>(?:X|エックス)(?:\s*[(（]?旧\s*(?:Twitter|ツイッター)[)）]?)?\s*(?:の|で)?\s*(?:ID|アカウント|アカ|垢|ユーザー名|ユーザーネーム)\s*(?:は|が|も|[:=→]|って)?\s*[「『""']?\s*)(?<x>@?[A-Za-z0-9._\-]{3,32})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex XIdPattern();

    [GeneratedRegex(@"(?>(?:ID|アイディー|ユーザー名|ユーザーネーム)\s*(?:は|[:=→]|って)\s*[「『""']?\s*)(?<x>@?[A-Za-z0-9._\-]{3,32})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex BareIdPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-［］])@[A-Za-z0-9._]{3,30}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HandlePattern();

    [GeneratedRegex(@"〒\s*(?<x>\d{3}\s*[" + Dash + @"]?\s*\d{4})(?!\d)|(?:郵便番号|ゆうびん番号)\s*(?:は|[:→])?\s*(?<x>\d{3}\s*[" + Dash + @"]?\s*\d{4})(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PostalMarkPattern();

    // Any separator between digits (- . ・ / spaces, brackets), full width folded; checked by IsPhoneNumber.
    [GeneratedRegex(@"(?<![0-9])(?:\+81[\s" + Dash + @"]*)?\(?\d(?:[\s()." + Dash + @"・/,、_]{0,3}\d){8,12}(?![0-9])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![0-9" + Dash + @"])\d{3}[" + Dash + @"]\d{4}(?![0-9])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PostalPattern();

    // 東京都渋谷区神南1-2-3, 横浜市中区山下町１丁目２番地 …: a place name chain followed by a street number.
    [GeneratedRegex(@"(?:(?:東京都|北海道|大阪府|京都府|[" + Kanji + @"]{2,3}県)\s*)?(?:[" + Kanji + @"ァ-ヶー]{1,6}(?:市|区|郡|町|村)){1,3}[" + Kanji + @"ァ-ヶー]{0,6}?\s*(?:\d{1,4}|[一二三四五六七八九十]{1,3})(?:丁目|番地|番|号|条|[" + Dash + @"])(?:\s*[東西南北通]?(?:\d{1,4}|[一二三四五六七八九十]{1,3})(?:丁目|番地|番|号|条|[" + Dash + @"])?)*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StreetAddressPattern();

    [GeneratedRegex(@"[" + Kanji + @"ァ-ヶー]{0,8}(?:\d{1,3}|[一二三四五六七八九十]{1,3})丁目(?:\s*\d{1,4}\s*(?:番地|番|号|[" + Dash + @"])?)*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ChomePattern();

    [GeneratedRegex(@"(?:[" + Kanji + @"ァ-ヶーA-Za-z]{1,12}|(?<![ぁ-ゖ])[ぁ-ゖ]{1,7}[ぁ-ゖ-[のにではをがもとや]])(?:マンション|アパート|ハイツ|コーポ|レジデンス|ハウス|荘|団地|寮)(?:[" + Kanji + @"ァ-ヶー]{1,6}(?=\s*\d))?\s*(?:\d{1,4}\s*(?:号室|号棟|号|[" + Dash + @"]\d{1,4})?)?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BuildingPattern();

    // メゾン桜202号室, コーポ山田: the building word first.
    [GeneratedRegex(@"(?:メゾン|コーポ|ハイツ|レジデンス|パレス|グラン|シャトー|ヴィラ|ドミール|カーサ|プラザ)\s*(?:[" + Kanji + @"ァ-ヶーA-Za-z]{1,10}(?:[ぁ-ゖ]{2,6}(?=" + AfterBuildingName + @"))?|[ぁ-ゖ]{2,6}(?=" + AfterBuildingName + @"))(?:\s*\d{1,4}\s*(?:号室|号|階)?)?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BuildingFirstPattern();

    [GeneratedRegex(@"(?<![0-9])\d{1,4}[" + Dash + @"]\d{1,4}[" + Dash + @"]\d{1,4}(?:[" + Dash + @"]\d{1,4})?(?![0-9])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BlockNumberPattern();

    [GeneratedRegex(@"\d{2,4}号室", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RoomPattern();

    // さくら小学校 (a hiragana name only after a boundary), 桜丘中学校, ○○高校; not 中学生, not 私立高校.
    [GeneratedRegex(@"(?<prefix>(?:(?<=^|[\s、。,.!?「『(・]|[のはがもにでとを]|から|って)[ぁ-ゖ]{2,6}|[○〇◯●×✕*△□]{1,4})?(?<![" + Kanji + @"ァ-ヶー])[" + Kanji + @"ァ-ヶー]{1,10}?|(?<![" + Kanji + @"])[" + Kanji + @"]{1,4}が[" + Kanji + @"]{1,3}|(?<=^|[\s、。,.!?「『(・]|[のはがもにでとを]|から|って)[ぁ-ゖ]{2,6}|[○〇◯●×✕*△□]{1,4})(?:小学校|中学校|高等学校|高校|中学|小学|大学|高専|学園|学院|女学院|特別支援学校|支援学校|専門学校|中等教育学校|義務教育学校)(?!生)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SchoolPattern();

    // 西中, 北高, 桜丘小, さくら小, ○○小: checked by IsShortSchool; only before a particle, punctuation or the end.
    [GeneratedRegex(@"(?<x>(?<![" + Kanji + @"])[" + Kanji + @"]{1,6}[小中高]|(?<=^|[\s、。,.!?「『(・]|[のはがもにでとを]|から|って)[ぁ-ゖ]{1,5}[" + Kanji + @"]{0,6}[小中高]|[○〇◯●×✕*＊△□]{1,4}[小中高])(?=[のでにへはがもとや、。,.!?！？\s」』)]|から|って|生|$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ShortSchoolPattern();

    // 名前はゆうき / 本名は田中です / あだ名はたっくん
    [GeneratedRegex(@"(?:名前|なまえ|本名|ほんみょう|フルネーム|下の名前|あだ名|あだな|ニックネーム|呼び名)\s*(?:は|が|[:]|って)\s*[「『]?(?<x>[" + Kanji + @"ァ-ヶーぁ-ゖA-Za-z]{1,12}?)[」』]?(?=です|でした|だよ|だけど|だ|って|と(?:言|い|申)|なん|なの|で[、。\s]|。|、|！|!|？|\?|\s|$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SelfNamePattern();

    // わたしは田中ゆうきっていいます / 僕は佐藤と申します / 私は佐藤花子です
    [GeneratedRegex(@"(?:私|わたし|あたし|僕|ぼく|俺|おれ|うち|ウチ|自分)(?:は|の名前は)\s*(?<x>[" + Kanji + @"ァ-ヶーぁ-ゖ]{1,10}?)\s*(?=と申します|といいます|と言います|っていいます|って言います|っていう|って名前|です|だよ|って呼んで)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IntroducedNamePattern();

    // おれ蓮っていいます / 僕、佐藤っていう: a pronoun without は, only with a naming verb.
    [GeneratedRegex(@"(?:私|わたし|あたし|僕|ぼく|俺|おれ|うち|ウチ|自分)[、,\s]*(?<x>[" + Kanji + @"ァ-ヶーぁ-ゖ]{1,10}?)\s*(?=と申します|といいます|と言います|っていいます|って言います|っていう|って名前|って呼んで)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PronounNamePattern();

    // はじめまして、ゆうきです / ゆうきっていいます (at the start or after a greeting)
    [GeneratedRegex(@"(?:^|[\s。！!？?]|はじめまして[、,。!！\s]*|初めまして[、,。!！\s]*|こんにちは[、,。!！\s]*|こんばんは[、,。!！\s]*|どうも[、,。!！\s]*)(?<x>[" + Kanji + @"ァ-ヶーぁ-ゖ]{2,8}?)(?=っていいます|って言います|といいます|と言います|と申します|です[。！!、\s]|です$|だよ[。！!、\s]|だよ$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex GreetingNamePattern();

    // ゆうきって呼ばれてる / たっくんって呼んで
    [GeneratedRegex(@"(?<![" + Kanji + @"ァ-ヶーぁ-ゖ])(?<x>[" + Kanji + @"ァ-ヶーぁ-ゖ]{2,8}?)(?=って呼ばれ|って呼んで|と呼ばれ|と呼んで)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CalledNamePattern();

    // my name is Emily / I'm Ken / call me Yuki / namae wa yuki / Mr. Smith
    [GeneratedRegex(@"(?:(?i:my\s+name\s+is|my\s+name's|call\s+me|namae\s+(?:wa|ha)|(?:watashi|atashi|boku|ore|uchi|jibun)\s+(?:wa|ha))\s+(?<x>[A-Za-z]{2,20}(?:\s+[A-Z][a-z]{1,20})?)|(?:I'm|I\s+am|This\s+is|It's|Im)\s+(?<x>[A-Z][a-z]{1,20}(?:\s+[A-Z][a-z]{1,20})?)|(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+(?<x>[A-Z][a-z]{1,20}))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EnglishNamePattern();

    // ren tte yonde / Yuna to iimasu: a romaji word before a naming verb.
    [GeneratedRegex(@"(?<![A-Za-z])(?<x>[A-Za-z]{2,15})\s*(?i:tte|to)\s+(?i:yonde|yobarete|yobareteru|iimasu|iu|moushimasu)(?![A-Za-z])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RomajiCalledPattern();

    // yuki-chan, Taro san, kenkun: a romaji name with a Japanese honorific.
    [GeneratedRegex(@"(?<![A-Za-z])(?<x>[A-Za-z]{2,20})[\s\-]?(?:san|chan|kun|senpai|sensei|sama)(?![A-Za-z])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex RomajiHonorificPattern();

    // 田中さん, タナカくん, 佐藤先生: the kanji or katakana run right before the honorific (trimmed by TrimNameRun).
    [GeneratedRegex(@"(?<x>" + NameChars + @"{1,8})(?=さん|サン|くん|クン|君|ちゃん|チャン|様|さま|先生|せんせい|センセイ|先輩|せんぱい|センパイ|氏|っち(?![ゃゅょ])|ちゃま)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HonorificNamePattern();

    // ゆうきくん (hiragana names only after a boundary or a particle, so a longer word is not taken for a name).
    [GeneratedRegex(@"(?<=^|[\s、。,.!?「『(（・]|[のとがもはにをや]|って|から)(?<x>[ぁ-ゖー]{2,5})(?=くん|ちゃん|さん|せんぱい|せんせい|先輩|先生|っち(?![ゃゅょ]))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HiraganaHonorificNamePattern();

    // あ、おれソウマ。 / わたしはなぎさ。: a pronoun and a name that ends the phrase without です (checked by IsShortIntroName).
    [GeneratedRegex(@"(?:^|[\s、。,.!！?？]|あ[、,]?)(?:私|わたし|あたし|僕|ぼく|俺|おれ|オレ|うち|ウチ|自分)(?:は|[、,\s])?\s*(?<x>[" + Kanji + @"ァ-ヶーぁ-ゖ]{2,8}?)(?=[。、.,!！?？\s]|$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ShortIntroPattern();

    // 小鳥遊ってやつに, 芦田って子: a kanji name before a word for a person (checked by IsNameLike).
    [GeneratedRegex(@"(?<![" + Kanji + @"])(?<x>[" + Kanji + @"]{2,4})(?=って(?:いう|言う)?(?:子|人|男|女|奴|先輩|後輩|先生)(?![" + Kanji + @"])|ってやつ(?:に|から|が))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PersonCuePattern();

    // 舟山と百瀬が: two kanji words joined by と before a particle (one of them a listed name).
    [GeneratedRegex(@"(?<![" + Kanji + @"])(?<a>[" + Kanji + @"]{2,4})と(?<b>[" + Kanji + @"]{2,4})(?=が|に|から|と|は|も|の|って)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex JoinedNamesPattern();

    // 明星大の1年, 東雲高やめたい: a short school or university name, only where a school is meant (the words before it checked in FindSpans).
    [GeneratedRegex(@"(?<![" + Kanji + @"])(?<x>[" + Kanji + @"]{2,4}[小中高大])(?=の?[1-6一二三四五六]年|生|に(?:通|入|受|落|行|進)|を(?:受|中退|辞|やめ|卒)|の(?:学生|先輩|後輩|授業|サークル|寮)|で(?:浮|いじ|友|ぼっち)|やめ|辞め|中退|卒)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ShortUniversityPattern();

    // 家の最寄り駅は武蔵小杉 / 最寄りは北千住駅 / 家の近くの駅は中野坂上: the station near home (checked by IsPlaceName).
    [GeneratedRegex(@"(?:最寄り駅|最寄駅|最寄り|最寄|もより駅|もより|家の近くの駅|家から近い駅|うちの近くの駅|家から一番近い駅|地元の駅)\s*(?:は|が|[:：]|、|って)?\s*(?<x>[" + Kanji + @"ァ-ヶーぁ-ゖA-Za-z]{2,12}?)(?=駅|です|だよ|だ|で|から|まで|[。、,.!！?？\s]|$)|(?<![" + Kanji + @"ァ-ヶーぁ-ゖ])(?<x>[" + Kanji + @"ァ-ヶー]{1,8}(?:[がの][" + Kanji + @"ァ-ヶー]{1,4})?)(?=駅(?:が|は)(?:家の|うちの)?最寄)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StationNearHomePattern();

    // 家はローソン南町店の裏 / うちはみなと公園のすぐそば / 桜町公園の近くに住んでる: a named landmark next to home (checked by IsLandmark).
    [GeneratedRegex(@"(?:(?:家|うち|自宅|実家|住んでるところ|住んでる所)(?:は|が|、)\s*)(?<x>[" + Kanji + @"ァ-ヶーぁ-ゖA-Za-z0-9]{1,14}?(?:" + LandmarkWords + @"))(?=の(?:すぐ)?(?:裏|近く|そば|傍|隣|となり|向かい|前|目の前|横|斜め|先|奥))|(?<![" + Kanji + @"ァ-ヶーぁ-ゖA-Za-z0-9])(?<x>[" + Kanji + @"ァ-ヶーA-Za-z0-9][" + Kanji + @"ァ-ヶーぁ-ゖA-Za-z0-9]{0,13}?(?:" + LandmarkWords + @"))(?=の(?:すぐ)?(?:近く|そば|隣|となり|裏|向かい|前|目の前)に(?:住|すん))|(?:家|うち|自宅|実家)の(?:すぐ)?(?:近く|そば|裏|前|隣|となり|向かい|目の前|近所)の(?<x>[" + Kanji + @"ァ-ヶーぁ-ゖA-Za-z0-9]{1,14}?(?:" + LandmarkWords + @"))(?![" + Kanji + @"ァ-ヶー])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LandmarkNearHomePattern();

    // 俺晃。 / わたし杏です / 俺颯真だけど: a pronoun and a one- or two-kanji name ending the phrase (no は: 私は学生です
    // is IntroducedNamePattern's, with its checks).
    [GeneratedRegex(@"(?:^|[\s、。,.!！?？]|あ[、,]?)(?:私|わたし|あたし|僕|ぼく|俺|おれ|オレ|うち|ウチ|自分)[、,\s]?(?<x>[" + Kanji + @"]{1,2})(?=[。.!！]|です|だよ|だけど|$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ShortKanjiIntroPattern();

    // 蔦谷に言われた, 湊にたたかれた, 九重が先生にチクった, 汐見と付き合ってた: an unlisted kanji name (one to three
    // characters, ノ or ヶ inside) where only a person stands: before what a person does to someone, or says or does.
    // Places do not take these (中野に行く, 成田から).
    [GeneratedRegex(@"(?<=^|[\s、。,.!?！？「『(（]|の)(?<x>[" + Kanji + @"]{1,3}(?:[ノヶ][" + Kanji + @"]{1,2})?)(?=(?:たち|ら)?(?:に(?:ずっと|また|いつも|毎日|急に|よく)?(?:言われ|いわれ|いじめ|イジメ|殴ら|なぐら|叩か|たたか|押さ|おさ|無視さ|むしさ|蹴ら|けら|晒さ|さらさ|ハブら|はぶら|嫌われ|きらわれ|脅さ|おどさ|脅迫|裏切ら|うらぎら|付きまと|つきまと|襲わ|おそわ|怒鳴ら|どなら|囲まれ|かこまれ|笑われ|わらわれ|フラれ|ふられ|振られ|告白|呼び出さ|よびださ|[^\s、。]{1,6}(?:取|と|盗)られ)|が(?:ずっと|また|いつも|急に|もう)?(?:言って|言った|いって|いった|チクっ|ちくっ|先生に|親に|裏で|学校(?:に)?来|家に来|うちに来|既読|無視し|殴|叩|蹴|怒鳴|暴言|悪口|嘘|うそ|俺の|私の|僕の|うちの|あたしの|わたしの)|と(?:付き合|つきあ|別れ|わかれ|ケンカ|けんか|喧嘩|絶交)))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PersonPositionPattern();

    // Yuto ni iwareta / Kenta ga nagutte kita / Haruka to kenka shita / with Sora zutto: a capitalised romaji name
    // before a Japanese particle and more romaji, or after "with" in romaji text.
    [GeneratedRegex(@"(?<![A-Za-z'])(?<x>[A-Z][a-z]{1,14})\s+(?:ni|ga|kara|to\s+(?=kenka|tsukia|wakare|issho|asob|hanash|zekkou))(?=\s*[a-z]{2,})|(?<![A-Za-z])(?i:with)\s+(?<x>[A-Z][a-z]{1,14})(?=\s+(?:zutto|to|ni|ga|wa|mo|no|de|issho|datta|dake)\b)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RomajiPersonPattern();

    // 聖マリア女子に通ってる, 山吹女子でいじめられてる: a girls' school said by its short name (…女子), only where a school is meant.
    [GeneratedRegex(@"(?<![" + Kanji + @"ァ-ヶー])(?<x>[" + Kanji + @"ァ-ヶー]{1,6}女子)(?=の?[1-6一二三四五六]年|生|に(?:通|入|受|落|行|進|転)|を(?:受|中退|辞|やめ|卒)|で(?:浮|いじ|イジ|友|ぼっち|ハブ)|やめ|辞め|中退|卒)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ShortGirlsSchoolPattern();

    // 〇九〇の一二三四の五六七八: a phone number written in kanji numerals.
    [GeneratedRegex(@"(?<![〇○零一二三四五六七八九])[〇○零][〇○零一二三四五六七八九](?:[\s・の" + Dash + @"]{0,2}[〇○零一二三四五六七八九]){8,9}(?![〇○零一二三四五六七八九])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex KanjiDigitPhonePattern();

    // 山田が, 佐藤に, 田中太郎から: a common family name (checked by StartsWithFamilyName), maybe with a given name, before a particle.
    [GeneratedRegex(@"(?<![" + Kanji + @"])(?<x>[" + Kanji + @"]{2,8})(?=に|が|と|から|は|も|の|を|って|とか|や|ん家|んち|、|。|！|!|\s|$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FamilyNamePattern();
}
