using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatSupport.Domain.Risk;

/// <summary>What a lexicon entry does when one of its terms is found.</summary>
public enum LexiconRole
{
    /// <summary>A risk signal: contributes its level and categories.</summary>
    Signal,

    /// <summary>A figure of speech (死ぬほど, 恥ずか死ぬ) that cancels any signal inside it.</summary>
    Hyperbole,

    /// <summary>An ordinary phrase (今まで, 死ぬ気で) that cancels any term inside it, without a rule.</summary>
    Mask,

    /// <summary>A negation after a signal (…とは思ってない, …気はない).</summary>
    Negation,

    /// <summary>A marker that a signal lies in the past (前に, 昔, …たことがある).</summary>
    Past,

    /// <summary>A marker that a past signal is current again (最近また, 今も).</summary>
    Recurrence,

    /// <summary>A joke marker (ｗ, 笑) after an ambiguous signal.</summary>
    Joke,

    /// <summary>The message is about another person (友達が, 妹が, …って言ってる).</summary>
    ThirdPerson,

    /// <summary>A time word that makes danger immediate (今, これから, 今夜).</summary>
    Time,

    /// <summary>A term of a situation cue class (situations.yaml); situation rules combine the classes.</summary>
    Cue,
}

/// <summary>One reviewed entry of the risk lexicon, as written in a YAML file under Risk/Lexicon.</summary>
/// <param name="Id">Unique id, used in results and reviews.</param>
/// <param name="Terms">Terms after expansion of <c>(a|b|)</c> groups, as written (not normalized).</param>
/// <param name="Level">Level of a signal; <see cref="RiskLevel.None"/> for context entries and category-only signals.</param>
/// <param name="Categories">Rubric categories the entry adds.</param>
/// <param name="Note">Why the entry exists and why at this level (for reviewers).</param>
/// <param name="With">If not empty, the entry only counts when one of these terms also occurs in the message.</param>
/// <param name="Ambiguous">A clear joke marker (ｗ, 笑) lowers this signal to none.</param>
/// <param name="IfPast">Level when a past marker applies.</param>
/// <param name="IfNegated">Level when a negation follows.</param>
/// <param name="Overrides">A signal that, like a mask, cancels the shorter terms inside it (ネットで叩かれ
/// is bullying, not the violence of 叩かれ; 友達がいない is loneliness, not a third person).</param>
public sealed record LexiconEntry(
    string Id,
    IReadOnlyList<string> Terms,
    RiskLevel Level,
    IReadOnlyList<SupportCategory> Categories,
    string Note,
    LexiconRole Role,
    IReadOnlyList<string> With,
    bool Ambiguous,
    RiskLevel IfPast,
    RiskLevel IfNegated,
    bool Overrides = false)
{
    /// <summary>For <see cref="LexiconRole.Cue"/> entries: the cue class the terms belong to.</summary>
    public string? CueClass { get; init; }

    /// <summary>For cue entries: a negation right after the cue cancels it (叩かれたことはない is no act of violence).</summary>
    public bool Negatable { get; init; }

    /// <summary>Situation ids (RiskAssessment.Situations) a counted signal of this entry reports (overdose, finality, …).</summary>
    public IReadOnlyList<string> Situations { get; init; } = [];

    /// <summary>Terms made from <c>stems</c> × <c>endings</c> whose ending set restricts what may follow them.</summary>
    public IReadOnlyDictionary<string, EndingGuard> Guards { get; init; } = new Dictionary<string, EndingGuard>();
}

/// <summary>
/// The risk lexicon: reviewed entries loaded from YAML files, and the version every result records.
/// </summary>
public sealed class RiskLexicon
{
    private const string ResourcePrefix = "ChatSupport.Domain.Risk.Lexicon.";
    private const int MaxVariantsPerTerm = 4096;

    private RiskLexicon(string version, IReadOnlyList<LexiconEntry> entries, IReadOnlyList<string> cueClasses, IReadOnlyList<CueGroup> groups, IReadOnlyList<SituationRule> rules)
    {
        Version = version;
        Entries = entries;
        CueClasses = cueClasses;
        Groups = groups;
        Rules = rules;
    }

    public string Version { get; }

    public IReadOnlyList<LexiconEntry> Entries { get; }

    /// <summary>Every cue class a rule can name: the built-in ones (<see cref="SituationCues.BuiltIn"/>) then those of situations.yaml.</summary>
    public IReadOnlyList<string> CueClasses { get; }

    /// <summary>
    /// Groups of cue classes that stand for one kind of sign (a farewell, a place of danger, a time soon …), in file
    /// order. Each is a cue class too, at the end of <see cref="CueClasses"/>: a clause holds it when it holds any of
    /// its members, so rules can combine kinds of signs rather than single classes.
    /// </summary>
    public IReadOnlyList<CueGroup> Groups { get; }

    /// <summary>Situation rules and dampeners, in file order.</summary>
    public IReadOnlyList<SituationRule> Rules { get; }

    /// <summary>Loads the lexicon embedded in this assembly (domain/Risk/Lexicon/*.yaml).</summary>
    public static RiskLexicon LoadEmbedded()
    {
        var assembly = typeof(RiskLexicon).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded lexicon file {name} could not be opened.");
            using var reader = new StreamReader(stream);
            files.Add((name[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return Parse(files);
    }

    /// <summary>Loads a lexicon from a directory of YAML files (for reviewing a changed lexicon).</summary>
    public static RiskLexicon LoadDirectory(string directory) =>
        Parse(System.IO.Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList());

    /// <summary>Parses lexicon files given as (file name, YAML text). Exactly one file declares <c>version</c>.</summary>
    public static RiskLexicon Parse(IReadOnlyList<(string Name, string Yaml)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        string? version = null;
        var entries = new List<LexiconEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var cueClasses = new List<string>(SituationCues.BuiltIn);
        var ruleDtos = new List<(string File, RuleDto Rule)>();
        var parsed = new List<(string Name, LexiconFile File)>();
        foreach (var (name, yaml) in files)
        {
            try
            {
                if (deserializer.Deserialize<LexiconFile?>(yaml) is { } file)
                {
                    parsed.Add((name, file));
                }
            }
            catch (YamlException e)
            {
                throw new InvalidDataException($"Lexicon file {name}: {e.Message}", e);
            }
        }

        // Ending sets first: an entry in any file may combine its stems with a set named in another.
        var endings = new Dictionary<string, EndingSet>(StringComparer.Ordinal);
        foreach (var (name, file) in parsed)
        {
            foreach (var set in file.Endings ?? [])
            {
                var ending = ToEndingSet(name, set);
                if (!endings.TryAdd(ending.Id, ending))
                {
                    throw new InvalidDataException($"Lexicon file {name}: ending set '{ending.Id}' is defined twice.");
                }
            }
        }

        foreach (var (name, file) in parsed)
        {

            if (file.Version is not null)
            {
                if (version is not null)
                {
                    throw new InvalidDataException($"Lexicon file {name} declares a second version; keep the version in lexicon.yaml only.");
                }

                version = file.Version;
            }

            foreach (var e in file.Entries ?? [])
            {
                var entry = ToEntry(name, e, endings);
                if (!ids.Add(entry.Id))
                {
                    throw new InvalidDataException($"Lexicon file {name}: entry id '{entry.Id}' is used twice; ids must be unique.");
                }

                entries.Add(entry);
            }

            foreach (var cue in file.Cues ?? [])
            {
                if (string.IsNullOrWhiteSpace(cue.Id) || cueClasses.Contains(cue.Id, StringComparer.Ordinal))
                {
                    throw new InvalidDataException($"Lexicon file {name}: cue class '{cue.Id}' is missing an id or defined twice (built-in: {string.Join(", ", SituationCues.BuiltIn)}).");
                }

                if ((cue.Terms is null || cue.Terms.Count == 0) && (cue.Forms is null || cue.Forms.Count == 0) || string.IsNullOrWhiteSpace(cue.Note))
                {
                    throw new InvalidDataException($"Lexicon file {name}: cue class '{cue.Id}' needs terms (or forms) and a note.");
                }

                if (cueClasses.Count == SituationCues.MaxClasses)
                {
                    throw new InvalidDataException(
                        $"Lexicon file {name}: cue class '{cue.Id}' would be class number {cueClasses.Count + 1}; at most {SituationCues.MaxClasses} (built-in ones included) fit the scanner's masks. Merge it into an existing class or widen CueClassMask.");
                }

                cueClasses.Add(cue.Id);
                var (cueTerms, cueGuards) = Terms($"Lexicon file {name}, cue class '{cue.Id}'", cue.Terms, cue.Forms, endings);
                entries.Add(new LexiconEntry(
                    "cue:" + cue.Id,
                    cueTerms,
                    RiskLevel.None,
                    [],
                    cue.Note,
                    LexiconRole.Cue,
                    [],
                    false,
                    RiskLevel.None,
                    RiskLevel.None,
                    cue.Overrides)
                { CueClass = cue.Id, Negatable = cue.Negatable, Guards = cueGuards });
            }

            ruleDtos.AddRange((file.Rules ?? []).Select(r => (name, r)));
        }

        // Groups after every file's classes, since a group may gather classes from several files (and earlier groups).
        var groups = new List<CueGroup>();
        foreach (var (name, file) in parsed)
        {
            foreach (var dto in file.Groups ?? [])
            {
                groups.Add(ToGroup(name, dto, cueClasses));
                cueClasses.Add(dto.Id!);
            }
        }

        if (version is null)
        {
            throw new InvalidDataException("No lexicon file declares a version; add 'version: …' to lexicon.yaml.");
        }

        var rules = new List<SituationRule>();
        foreach (var (file, dto) in ruleDtos)
        {
            var rule = ToRule(file, dto, cueClasses);
            if (!ids.Add("rule:" + rule.Id))
            {
                throw new InvalidDataException($"Lexicon file {file}: rule id '{rule.Id}' is used twice.");
            }

            rules.Add(rule);
        }

        return new RiskLexicon(version, entries, cueClasses, groups, rules);
    }

    private static CueGroup ToGroup(string file, GroupDto dto, List<string> cueClasses)
    {
        string Where() => $"Lexicon file {file}, group '{dto.Id ?? "(no id)"}'";
        if (string.IsNullOrWhiteSpace(dto.Id) || string.IsNullOrWhiteSpace(dto.Note) || dto.Any is not { Count: > 0 })
        {
            throw new InvalidDataException($"{Where()}: every group needs an id, a note and at least one class in any.");
        }

        if (cueClasses.Contains(dto.Id, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{Where()}: the id is already a cue class or a group.");
        }

        if (cueClasses.Count == SituationCues.MaxClasses)
        {
            throw new InvalidDataException($"{Where()}: would be class number {cueClasses.Count + 1}; at most {SituationCues.MaxClasses} fit the scanner's masks.");
        }

        foreach (var member in dto.Any)
        {
            if (!cueClasses.Contains(member, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"{Where()}: unknown cue class '{member}' (a group may name classes and earlier groups).");
            }
        }

        return new CueGroup(dto.Id, dto.Any, dto.Note);
    }

    private static SituationRule ToRule(string file, RuleDto dto, List<string> cueClasses)
    {
        string Where() => $"Lexicon file {file}, rule '{dto.Id ?? "(no id)"}'";
        if (string.IsNullOrWhiteSpace(dto.Id) || string.IsNullOrWhiteSpace(dto.Note))
        {
            throw new InvalidDataException($"{Where()}: every rule needs an id and a note.");
        }

        IReadOnlyList<string> Classes(List<string>? names, string field)
        {
            foreach (var n in names ?? [])
            {
                if (!cueClasses.Contains(n, StringComparer.Ordinal))
                {
                    throw new InvalidDataException($"{Where()}: unknown cue class '{n}' in {field}.");
                }
            }

            return names ?? [];
        }

        var scope = dto.Scope?.Trim().ToLowerInvariant() switch
        {
            null or "message" => SituationScope.Message,
            "sentence" => SituationScope.Sentence,
            "conversation" => SituationScope.Conversation,
            var other => throw new InvalidDataException($"{Where()}: unknown scope '{other}' (sentence, message, conversation)."),
        };

        RiskLevel? level = null;
        if (dto.Level is not null)
        {
            level = RiskLevels.TryParse(dto.Level, out var parsed) ? parsed : throw new InvalidDataException($"{Where()}: unknown level '{dto.Level}'.");
        }

        RiskLevel? cap = null;
        if (dto.Cap is not null)
        {
            cap = RiskLevels.TryParse(dto.Cap, out var parsed) ? parsed : throw new InvalidDataException($"{Where()}: unknown level '{dto.Cap}' in cap.");
        }

        if ((level is null) == (cap is null))
        {
            throw new InvalidDataException($"{Where()}: a rule either raises (level) or dampens (cap), exactly one of them.");
        }

        var all = Classes(dto.All, "all");
        var any = Classes(dto.Any, "any");
        if (all.Count == 0 && any.Count == 0)
        {
            throw new InvalidDataException($"{Where()}: a rule needs cue classes in all or any.");
        }

        var earlier = Classes(dto.Earlier, "earlier");
        if ((scope == SituationScope.Conversation) != (earlier.Count > 0))
        {
            throw new InvalidDataException($"{Where()}: earlier (classes of recent messages) goes with scope conversation, and only there.");
        }

        var categories = new List<SupportCategory>();
        foreach (var c in dto.Categories ?? [])
        {
            categories.Add(SupportCategories.TryParse(c, out var category)
                ? category
                : throw new InvalidDataException($"{Where()}: unknown category '{c}'."));
        }

        return new SituationRule(
            dto.Id, scope, all, any, Classes(dto.None, "none"), earlier, level, cap, categories,
            dto.Situations ?? [], dto.Note);
    }

    /// <summary>Expands <c>(a|b|)</c> groups, nested ones too: "(薬|くすり)(を|)飲んだ" gives four terms.</summary>
    public static IReadOnlyList<string> ExpandTerm(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var i = 0;
        var results = ExpandSequence(term, ref i, topLevel: true);
        return results.Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    // Reads a sequence up to ')' or '|' (inside a group) or the end (top level).
    private static List<string> ExpandSequence(string term, ref int i, bool topLevel)
    {
        var results = new List<string> { string.Empty };
        while (i < term.Length)
        {
            var c = term[i];
            if (c == '(')
            {
                i++;
                var options = new List<string>();
                while (true)
                {
                    options.AddRange(ExpandSequence(term, ref i, topLevel: false));
                    if (i >= term.Length)
                    {
                        throw new InvalidDataException($"Term '{term}' has '(' without ')'.");
                    }

                    if (term[i] == ')')
                    {
                        i++;
                        break;
                    }

                    i++; // '|'
                }

                results = [.. results.SelectMany(r => options.Select(o => r + o))];
                if (results.Count > MaxVariantsPerTerm)
                {
                    throw new InvalidDataException($"Term '{term}' expands to more than {MaxVariantsPerTerm} variants; split it.");
                }
            }
            else if (c is ')' or '|')
            {
                if (topLevel)
                {
                    throw new InvalidDataException($"Term '{term}' has '{c}' outside a group.");
                }

                return results;
            }
            else
            {
                var literal = c;
                results = [.. results.Select(r => r + literal)];
                i++;
            }
        }

        return results;
    }

    private static EndingSet ToEndingSet(string file, EndingDto dto)
    {
        if (string.IsNullOrWhiteSpace(dto.Id) || dto.Forms is null || dto.Forms.Count == 0 || string.IsNullOrWhiteSpace(dto.Note))
        {
            throw new InvalidDataException($"Lexicon file {file}: ending set '{dto.Id ?? "(no id)"}' needs an id, forms and a note.");
        }

        static string Chars(string? written) => written is null ? string.Empty : JapaneseNormalizer.NormalizeToString(written);
        EndingGuard? guard = dto.NotBefore is null && dto.EndOrBefore is null
            ? null
            : new EndingGuard(Chars(dto.NotBefore), dto.EndOrBefore is null ? null : Chars(dto.EndOrBefore));
        return new EndingSet(dto.Id, dto.Forms.SelectMany(ExpandTerm).Distinct(StringComparer.Ordinal).ToList(), guard);
    }

    /// <summary>
    /// The terms of an entry or cue class: its own terms, then for each of its <c>forms</c> every stem × every
    /// ending of the named ending sets (expanded at load time: 8 stems × 20 endings are 160 terms in the automaton,
    /// written as two short lists).
    /// </summary>
    private static (IReadOnlyList<string> Terms, IReadOnlyDictionary<string, EndingGuard> Guards) Terms(
        string where, List<string>? terms, List<FormDto>? forms, Dictionary<string, EndingSet> endings)
    {
        var result = (terms ?? []).SelectMany(ExpandTerm).Distinct(StringComparer.Ordinal).ToList();
        var guards = new Dictionary<string, EndingGuard>(StringComparer.Ordinal);
        var ownTerms = result.Count;
        var seen = new HashSet<string>(result, StringComparer.Ordinal);
        foreach (var form in forms ?? [])
        {
            if (form.Stems is null || form.Stems.Count == 0 || form.Endings is null || form.Endings.Count == 0)
            {
                throw new InvalidDataException($"{where}: each item of forms needs stems and endings.");
            }

            foreach (var setName in form.Endings)
            {
                if (!endings.TryGetValue(setName, out var set))
                {
                    throw new InvalidDataException($"{where}: unknown ending set '{setName}' (known: {string.Join(", ", endings.Keys)}).");
                }

                foreach (var stem in form.Stems.SelectMany(ExpandTerm))
                {
                    foreach (var ending in set.Forms)
                    {
                        var term = stem + ending;
                        if (!seen.Add(term))
                        {
                            continue;
                        }

                        result.Add(term);
                        if (set.Guard is not null)
                        {
                            guards[term] = set.Guard;
                        }
                    }
                }
            }
        }

        return (PruneExtensions(result, ownTerms, guards), guards);
    }

    /// <summary>
    /// Drops a generated term that merely extends another generated, unguarded term of the same entry (ないやん after
    /// ない): the matcher finds the shorter one wherever the longer one occurs, so the longer adds nothing but size.
    /// </summary>
    private static List<string> PruneExtensions(List<string> terms, int ownTerms, Dictionary<string, EndingGuard> guards)
    {
        if (terms.Count == ownTerms)
        {
            return terms;
        }

        var generated = new HashSet<string>(terms.Skip(ownTerms).Where(t => !guards.ContainsKey(t)), StringComparer.Ordinal);
        var kept = terms.Take(ownTerms).ToList();
        foreach (var term in terms.Skip(ownTerms))
        {
            var extendsAnother = false;
            for (var length = term.Length - 1; length > 0 && !extendsAnother; length--)
            {
                extendsAnother = generated.Contains(term[..length]);
            }

            if (extendsAnother)
            {
                guards.Remove(term);
            }
            else
            {
                kept.Add(term);
            }
        }

        return kept;
    }

    private static LexiconEntry ToEntry(string file, EntryDto dto, Dictionary<string, EndingSet> endings)
    {
        string Where() => $"Lexicon file {file}, entry '{dto.Id ?? "(no id)"}'";
        if (string.IsNullOrWhiteSpace(dto.Id))
        {
            throw new InvalidDataException($"{Where()}: every entry needs an id.");
        }

        if ((dto.Terms is null || dto.Terms.Count == 0) && (dto.Forms is null || dto.Forms.Count == 0))
        {
            throw new InvalidDataException($"{Where()}: terms (or forms) are missing.");
        }

        var role = LexiconRole.Signal;
        if (dto.Role is not null && !Enum.TryParse(dto.Role.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out role))
        {
            throw new InvalidDataException($"{Where()}: unknown role '{dto.Role}'.");
        }

        var level = RiskLevel.None;
        if (dto.Level is not null && !RiskLevels.TryParse(dto.Level, out level))
        {
            throw new InvalidDataException($"{Where()}: unknown level '{dto.Level}' (none, low, medium, high, critical).");
        }

        if (role == LexiconRole.Signal && dto.Level is null)
        {
            throw new InvalidDataException($"{Where()}: a signal needs a level.");
        }

        if (role == LexiconRole.Signal && string.IsNullOrWhiteSpace(dto.Note))
        {
            throw new InvalidDataException($"{Where()}: a signal needs a note saying why it is at this level.");
        }

        var categories = new List<SupportCategory>();
        foreach (var c in dto.Categories ?? [])
        {
            if (!SupportCategories.TryParse(c, out var category))
            {
                throw new InvalidDataException($"{Where()}: unknown category '{c}' (see RUBRIC.md).");
            }

            categories.Add(category);
        }

        RiskLevel Optional(string? wire, RiskLevel fallback, string field)
        {
            if (wire is null)
            {
                return fallback;
            }

            return RiskLevels.TryParse(wire, out var parsed)
                ? parsed
                : throw new InvalidDataException($"{Where()}: unknown level '{wire}' in {field}.");
        }

        var (terms, guards) = Terms(Where(), dto.Terms, dto.Forms, endings);
        return new LexiconEntry(
            dto.Id,
            terms,
            level,
            categories,
            dto.Note ?? string.Empty,
            role,
            (dto.With ?? []).SelectMany(ExpandTerm).Distinct(StringComparer.Ordinal).ToList(),
            dto.Ambiguous,
            Optional(dto.IfPast, level < RiskLevel.Medium ? level : RiskLevel.Medium, "if_past"),
            Optional(dto.IfNegated, level < RiskLevel.Low ? level : RiskLevel.Low, "if_negated"),
            dto.Overrides)
        { Situations = dto.Situations ?? [], Guards = guards };
    }

    private sealed class LexiconFile
    {
        public string? Version { get; set; }

        public string? Description { get; set; }

        public List<EntryDto>? Entries { get; set; }

        public List<CueDto>? Cues { get; set; }

        public List<RuleDto>? Rules { get; set; }

        public List<GroupDto>? Groups { get; set; }

        public List<EndingDto>? Endings { get; set; }
    }

    private sealed class GroupDto
    {
        public string? Id { get; set; }

        public List<string>? Any { get; set; }

        public string? Note { get; set; }
    }

    private sealed class FormDto
    {
        public List<string>? Stems { get; set; }

        public List<string>? Endings { get; set; }
    }

    private sealed class EndingDto
    {
        public string? Id { get; set; }

        public List<string>? Forms { get; set; }

        public string? NotBefore { get; set; }

        public string? EndOrBefore { get; set; }

        public string? Note { get; set; }
    }

    private sealed class CueDto
    {
        public string? Id { get; set; }

        public List<string>? Terms { get; set; }

        public string? Note { get; set; }

        public bool Overrides { get; set; }

        public bool Negatable { get; set; }

        public List<FormDto>? Forms { get; set; }
    }

    private sealed class RuleDto
    {
        public string? Id { get; set; }

        public string? Scope { get; set; }

        public List<string>? All { get; set; }

        public List<string>? Any { get; set; }

        public List<string>? None { get; set; }

        public List<string>? Earlier { get; set; }

        public string? Level { get; set; }

        public string? Cap { get; set; }

        public List<string>? Categories { get; set; }

        public List<string>? Situations { get; set; }

        public string? Note { get; set; }
    }

    private sealed class EntryDto
    {
        public string? Id { get; set; }

        public List<string>? Terms { get; set; }

        public string? Level { get; set; }

        public List<string>? Categories { get; set; }

        public string? Note { get; set; }

        public string? Role { get; set; }

        public List<string>? With { get; set; }

        public bool Ambiguous { get; set; }

        public string? IfPast { get; set; }

        public string? IfNegated { get; set; }

        public bool Overrides { get; set; }

        public List<string>? Situations { get; set; }

        public List<FormDto>? Forms { get; set; }
    }
}
