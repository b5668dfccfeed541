using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatSupport.Domain.Understanding;

/// <summary>What a pattern entry does when one of its terms is found.</summary>
public enum PatternRole
{
    /// <summary>Produces its labels (intents, categories, age band, prefecture, preferences).</summary>
    Cue,

    /// <summary>An ordinary phrase that cancels any cue inside it (山口さん is a name, not Yamaguchi).</summary>
    Mask,

    /// <summary>Someone other than the writer is the subject (兄が, 彼氏は): an age right after it is theirs.</summary>
    OtherSubject,

    /// <summary>Says where the writer lives (住んでる, 在住): a place right before it wins.</summary>
    Residence,

    /// <summary>Says where the writer comes from (出身, 実家, 地元): a place near it is not where they live now.</summary>
    Origin,

    /// <summary>
    /// The message talks about a story, the news or schoolwork (ドラマで, ニュースの, レポートで): below high risk,
    /// its topic words are not the writer's own situation, so they give no category and no disclosure.
    /// </summary>
    Frame,

    /// <summary>Names phoning (電話, 通話, call): context for cues marked <c>near_phone</c>.</summary>
    Phone,

    /// <summary>
    /// A pleasant or ordinary moment (優勝した, おいしい, 楽しかった): a school, family or work word in a message that asks
    /// nothing does not make it a disclosure then (部活楽しい is not read as trouble at school).
    /// </summary>
    Everyday,
}

/// <summary>Where a term must meet the edge of a word in the normalized text.</summary>
public enum PatternBoundary
{
    /// <summary>Both edges for kana-only terms of three characters or fewer, none for longer or kanji terms.</summary>
    Auto,
    None,
    Start,
    End,
    Both,
}

/// <summary>Preferences a cue can set.</summary>
[Flags]
public enum PreferenceFlags
{
    None = 0,
    CannotCall = 1 << 0,
    PrefersText = 1 << 1,
    Female = 1 << 2,
    Male = 1 << 3,
    Young = 1 << 4,
}

/// <summary>One reviewed entry of the understanding patterns (domain/Understanding/Patterns/*.yaml).</summary>
/// <param name="Id">Unique id, reported with every cue it produces.</param>
/// <param name="Terms">Terms after expansion of <c>(a|b|)</c> groups, as written.</param>
/// <param name="Role">What the entry does.</param>
/// <param name="Intents">Intents a match adds.</param>
/// <param name="Categories">Categories a match adds.</param>
/// <param name="AgeBand">Age band a match says (the writer's, unless another person is the subject).</param>
/// <param name="PrefectureCode">JIS code of the prefecture a match names.</param>
/// <param name="Preferences">Preferences a match sets.</param>
/// <param name="Boundary">Word edges the terms must meet.</param>
/// <param name="Weak">Categories count only when the message is a disclosure for another reason (a bare 学校 or 親).</param>
/// <param name="Overrides">Cancels shorter cues inside its matches (東京都 hides the 京都 inside it).</param>
/// <param name="Cancels">Categories this cue takes back from the risk engine's reading when no pattern of the
/// message gives them (a partner's violence is dv, not the abuse of a generic 殴られた).</param>
/// <param name="Note">Why the entry exists, for reviewers.</param>
public sealed record PatternEntry(
    string Id,
    IReadOnlyList<string> Terms,
    PatternRole Role,
    IReadOnlyList<Intent> Intents,
    IReadOnlyList<SupportCategory> Categories,
    AgeBand? AgeBand,
    string? PrefectureCode,
    PreferenceFlags Preferences,
    PatternBoundary Boundary,
    bool Weak,
    bool Overrides,
    string Note,
    IReadOnlyList<SupportCategory>? Cancels = null)
{
    /// <summary>
    /// What the person asks whether to do (<see cref="AdviceKinds"/>: hospital, tell, police, police_text, block, rest,
    /// quit, meet, again, call, koban), or null. Not an intent of the labels: the bot answers it by the conversation's situation.
    /// </summary>
    public string? Advice { get; init; }

    /// <summary>The cue counts only with a <see cref="PatternRole.Phone"/> match in the same sentence
    /// (平日昼間は仕事中 is a reason not to phone only when phoning is being talked about).</summary>
    public bool NearPhone { get; init; }

    /// <summary>The categories are the reason for what the message asks (耳が聞こえにくいので通話は無理, 家族に聞かれるから
    /// 電話むり): they count, but do not make the message a disclosure on their own (round 9).</summary>
    public bool Reason { get; init; }
}

/// <summary>The understanding patterns: reviewed entries loaded from YAML, and their version.</summary>
public sealed class UnderstandingPatterns
{
    private const string ResourcePrefix = "ChatSupport.Domain.Understanding.Patterns.";

    private UnderstandingPatterns(string version, IReadOnlyList<PatternEntry> entries)
    {
        Version = version;
        Entries = entries;
    }

    public string Version { get; }

    public IReadOnlyList<PatternEntry> Entries { get; }

    /// <summary>Loads the patterns embedded in this assembly.</summary>
    public static UnderstandingPatterns LoadEmbedded() => Embedded.Value;

    /// <summary>The embedded patterns, parsed once per process: they never change, and every engine shares them.</summary>
    private static readonly Lazy<UnderstandingPatterns> Embedded = new(ParseEmbedded);

    private static UnderstandingPatterns ParseEmbedded()
    {
        var assembly = typeof(UnderstandingPatterns).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded pattern file {name} could not be opened.");
            using var reader = new StreamReader(stream);
            files.Add((name[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return Parse(files);
    }

    /// <summary>Loads patterns from a directory of YAML files (for reviewing a change).</summary>
    public static UnderstandingPatterns LoadDirectory(string directory) =>
        Parse(System.IO.Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList());

    /// <summary>Parses pattern files given as (file name, YAML text). Exactly one file declares <c>version</c>.</summary>
    public static UnderstandingPatterns Parse(IReadOnlyList<(string Name, string Yaml)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        string? version = null;
        var entries = new List<PatternEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, yaml) in files)
        {
            PatternFile? file;
            try
            {
                file = deserializer.Deserialize<PatternFile?>(yaml);
            }
            catch (YamlException e)
            {
                throw new InvalidDataException($"Pattern file {name}: {e.Message}", e);
            }

            if (file is null)
            {
                continue;
            }

            if (file.Version is not null)
            {
                if (version is not null)
                {
                    throw new InvalidDataException($"Pattern file {name} declares a second version; keep the version in one file.");
                }

                version = file.Version;
            }

            foreach (var dto in file.Entries ?? [])
            {
                var entry = ToEntry(name, dto);
                if (!ids.Add(entry.Id))
                {
                    throw new InvalidDataException($"Pattern file {name}: entry id '{entry.Id}' is used twice; ids must be unique.");
                }

                entries.Add(entry);
            }
        }

        return version is null
            ? throw new InvalidDataException("No pattern file declares a version; add 'version: …' to one file.")
            : new UnderstandingPatterns(version, entries);
    }

    private static PatternEntry ToEntry(string file, EntryDto dto)
    {
        string Where() => $"Pattern file {file}, entry '{dto.Id ?? "(no id)"}'";
        if (string.IsNullOrWhiteSpace(dto.Id))
        {
            throw new InvalidDataException($"{Where()}: every entry needs an id.");
        }

        if (dto.Terms is null || dto.Terms.Count == 0)
        {
            throw new InvalidDataException($"{Where()}: terms are missing.");
        }

        var role = PatternRole.Cue;
        if (dto.Role is not null && !Enum.TryParse(dto.Role.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out role))
        {
            throw new InvalidDataException($"{Where()}: unknown role '{dto.Role}' (cue, mask, other_subject, residence, origin, frame, phone, everyday).");
        }

        var boundary = PatternBoundary.Auto;
        if (dto.Boundary is not null && !Enum.TryParse(dto.Boundary, ignoreCase: true, out boundary))
        {
            throw new InvalidDataException($"{Where()}: unknown boundary '{dto.Boundary}' (auto, none, start, end, both).");
        }

        var intents = new List<Intent>();
        foreach (var i in dto.Intents ?? [])
        {
            intents.Add(Intents.TryParse(i, out var intent) && intent != Intent.Other
                ? intent
                : throw new InvalidDataException($"{Where()}: unknown intent '{i}' (other is never set by a pattern)."));
        }

        var categories = new List<SupportCategory>();
        foreach (var c in dto.Categories ?? [])
        {
            categories.Add(SupportCategories.TryParse(c, out var category)
                ? category
                : throw new InvalidDataException($"{Where()}: unknown category '{c}'."));
        }

        var cancels = new List<SupportCategory>();
        foreach (var c in dto.Cancels ?? [])
        {
            cancels.Add(SupportCategories.TryParse(c, out var category)
                ? category
                : throw new InvalidDataException($"{Where()}: unknown category '{c}' in cancels."));
        }

        AgeBand? age = null;
        if (dto.Age is not null)
        {
            age = AgeBandWire.TryParse(dto.Age, out var band)
                ? band
                : throw new InvalidDataException($"{Where()}: unknown age band '{dto.Age}' (elementary, junior_high, high_school, 18_29, 30_plus).");
        }

        if (dto.Prefecture is not null && !Prefectures.IsValidCode(dto.Prefecture))
        {
            throw new InvalidDataException($"{Where()}: prefecture '{dto.Prefecture}' is not a JIS code 01–47.");
        }

        var preferences = PreferenceFlags.None;
        foreach (var p in dto.Preferences ?? [])
        {
            preferences |= p switch
            {
                "cannot_call" => PreferenceFlags.CannotCall | PreferenceFlags.PrefersText,
                "prefers_text" => PreferenceFlags.PrefersText,
                CounselorPreferences.Female => PreferenceFlags.Female,
                CounselorPreferences.Male => PreferenceFlags.Male,
                CounselorPreferences.Young => PreferenceFlags.Young,
                _ => throw new InvalidDataException($"{Where()}: unknown preference '{p}' (cannot_call, prefers_text, female, male, young)."),
            };
        }

        if (dto.Advice is not null && !AdviceKinds.All.Contains(dto.Advice))
        {
            throw new InvalidDataException($"{Where()}: unknown advice '{dto.Advice}' ({string.Join(", ", AdviceKinds.All)}).");
        }

        var producesLabel = intents.Count > 0 || categories.Count > 0 || age is not null || dto.Prefecture is not null || preferences != PreferenceFlags.None
            || dto.Advice is not null;
        if (role == PatternRole.Cue && !producesLabel)
        {
            throw new InvalidDataException($"{Where()}: a cue needs at least one of intents, categories, age, prefecture, preferences, advice.");
        }

        if (role != PatternRole.Cue && producesLabel)
        {
            throw new InvalidDataException($"{Where()}: a {dto.Role} entry produces no labels; remove them or make it a cue.");
        }

        if (role == PatternRole.Cue && string.IsNullOrWhiteSpace(dto.Note))
        {
            throw new InvalidDataException($"{Where()}: a cue needs a note saying what it reads.");
        }

        return new PatternEntry(
            dto.Id,
            dto.Terms.SelectMany(RiskLexicon.ExpandTerm).Distinct(StringComparer.Ordinal).ToList(),
            role,
            intents,
            categories,
            age,
            dto.Prefecture,
            preferences,
            boundary,
            dto.Weak,
            dto.Overrides ?? (role == PatternRole.Mask || age is not null || dto.Prefecture is not null),
            dto.Note ?? string.Empty,
            cancels)
        { NearPhone = dto.NearPhone, Reason = dto.Reason, Advice = dto.Advice };
    }

    private sealed class PatternFile
    {
        public string? Version { get; set; }

        public List<EntryDto>? Entries { get; set; }
    }

    private sealed class EntryDto
    {
        public string? Id { get; set; }

        public List<string>? Terms { get; set; }

        public string? Role { get; set; }

        public List<string>? Intents { get; set; }

        public List<string>? Categories { get; set; }

        public string? Age { get; set; }

        public string? Prefecture { get; set; }

        public List<string>? Preferences { get; set; }

        public string? Boundary { get; set; }

        public bool Weak { get; set; }

        public bool? Overrides { get; set; }

        public List<string>? Cancels { get; set; }

        public bool NearPhone { get; set; }

        public bool Reason { get; set; }

        public string? Advice { get; set; }

        public string? Note { get; set; }
    }
}
