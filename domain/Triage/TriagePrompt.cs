using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatSupport.Domain.Triage;

/// <summary>
/// One version of the triage prompt, as written in <c>prompts/triage/&lt;version&gt;/</c> (ETH-09): the system
/// message, the user message template with <c>{{variables}}</c>, and the output JSON schema.
/// </summary>
public sealed partial class TriagePrompt
{
    internal TriagePrompt(string version, string owner, string approved, string system, string userTemplate, string outputSchema, IReadOnlyList<string> variables, int maxOutputChars)
    {
        Version = version;
        Owner = owner;
        Approved = approved;
        System = system;
        UserTemplate = userTemplate;
        OutputSchema = outputSchema;
        Variables = variables;
        MaxOutputChars = maxOutputChars;
    }

    public string Version { get; }

    /// <summary>Who owns changes to this prompt (ETH-13).</summary>
    public string Owner { get; }

    /// <summary>Who approved it and when (ETH-13).</summary>
    public string Approved { get; }

    public string System { get; }

    public string UserTemplate { get; }

    /// <summary>The JSON schema the answer must follow (sent to the server, and enforced by <see cref="TriageOutputValidator"/>).</summary>
    public string OutputSchema { get; }

    public IReadOnlyList<string> Variables { get; }

    public int MaxOutputChars { get; }

    /// <summary>The user message for <paramref name="input"/>: messages numbered oldest first, the rule result.</summary>
    public string RenderUser(TriageInput input) => Render(Values(input));

    /// <summary>
    /// The value of every variable a prompt version may use, for <paramref name="input"/>: <c>rule_level</c>,
    /// <c>rule_categories</c>, <c>messages</c> (redacted, one line each as <c>[n] text</c>), <c>message_count</c>, and
    /// <c>masked</c> (which kinds of personal data were actually masked in these messages, or that none were: the
    /// prompt never claims a masking that did not happen).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Values(TriageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var messages = new StringBuilder();
        for (var i = 0; i < input.Messages.Count; i++)
        {
            if (i > 0)
            {
                messages.Append('\n');
            }

            // One line per message: line breaks inside a message would let it pose as another one.
            messages.Append('[').Append(i + 1).Append("] ").Append(input.Messages[i].Value.ReplaceLineEndings(" "));
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rule_level"] = Risk.RiskLevels.ToWire(input.RuleLevel),
            ["rule_categories"] = input.RuleCategories.Count == 0 ? "なし" : string.Join(", ", input.RuleCategories.Select(Risk.SupportCategories.ToWire)),
            ["messages"] = messages.ToString(),
            ["message_count"] = input.Messages.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture),
            ["masked"] = MaskedNote(input.Messages),
        };
    }

    /// <summary>
    /// The user template in Semantic Kernel's template syntax (<c>{{$name}}</c>), wrapped with the system message as
    /// a chat prompt (<c>&lt;message role="…"&gt;</c>). The system text is passed as the variable <c>system</c> so
    /// that it is encoded like every other value; the person's text can therefore never open a message of its own.
    /// </summary>
    public string SemanticKernelTemplate =>
        "<message role=\"system\">{{$system}}</message>\n<message role=\"user\">"
        + VariablePattern().Replace(EscapeXml(UserTemplate), m => "{{$" + m.Groups[1].Value + "}}")
        + "</message>";

    /// <summary>Which kinds were masked in <paramref name="messages"/> (from the placeholders), in Japanese, or that none were.</summary>
    internal static string MaskedNote(IReadOnlyList<RedactedText> messages)
    {
        var kinds = Redactor.MaskedKinds(messages.Select(m => m.Value));
        return kinds.Count == 0
            ? "伏せた個人情報はありません"
            : "次の個人情報を角かっこの印で伏せてあります: " + string.Join("、", kinds.Select(Redactor.Placeholder));
    }

    private static string EscapeXml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Fills the user template. Every declared variable must be given, and nothing undeclared may remain.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var name in Variables)
        {
            if (!values.ContainsKey(name))
            {
                throw new ArgumentException($"Prompt {Version} needs the variable '{name}'.", nameof(values));
            }
        }

        // One pass, so a value that happens to contain {{…}} is never expanded again.
        return VariablePattern().Replace(UserTemplate, m => values[m.Groups[1].Value]);
    }

    internal static IReadOnlyList<string> PlaceholdersIn(string template) =>
        [.. VariablePattern().Matches(template).Select(m => m.Groups[1].Value).Distinct()];

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}", RegexOptions.CultureInvariant)]
    internal static partial Regex VariablePattern();
}

/// <summary>Thrown when a prompt folder is incomplete or inconsistent; names the version and the fix.</summary>
public sealed class TriagePromptException(string message) : Exception(message);

/// <summary>
/// The prompt versions embedded from <c>prompts/triage/</c> at build time. Checked on load: every version has its
/// four files, <c>version</c> matches the folder, the template uses exactly the declared variables, the schema is JSON.
/// </summary>
public sealed class TriagePromptLibrary
{
    private const string Prefix = "ChatSupport.Domain.Triage.Prompts.";
    private static readonly Lazy<TriagePromptLibrary> Embedded = new(LoadEmbeddedCore);

    private readonly Dictionary<string, TriagePrompt> _byVersion;

    private TriagePromptLibrary(Dictionary<string, TriagePrompt> byVersion) => _byVersion = byVersion;

    public IReadOnlyCollection<string> Versions => _byVersion.Keys;

    public static TriagePromptLibrary LoadEmbedded() => Embedded.Value;

    public TriagePrompt Get(string version) =>
        _byVersion.TryGetValue(version, out var prompt)
            ? prompt
            : throw new TriagePromptException($"Unknown triage prompt version '{version}'. Known: {string.Join(", ", _byVersion.Keys.Order())}. Set ChatSupport:Triage:PromptVersion to one of them.");

    /// <summary>Loads the prompt folders from <paramref name="files"/> (relative path such as <c>v1/system.md</c> → content).</summary>
    public static TriagePromptLibrary Load(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var byVersion = new Dictionary<string, TriagePrompt>(StringComparer.Ordinal);
        foreach (var folder in files.Keys.Select(k => k.Split('/')[0]).Distinct(StringComparer.Ordinal))
        {
            string Part(string name) => files.TryGetValue($"{folder}/{name}", out var text)
                ? text
                : throw new TriagePromptException($"Triage prompt '{folder}' has no {name} (prompts/triage/{folder}/{name}).");

            var meta = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
                .Deserialize<PromptMeta>(Part("prompt.yaml")) ?? new PromptMeta();
            if (meta.Version != folder)
            {
                throw new TriagePromptException($"prompts/triage/{folder}/prompt.yaml says version '{meta.Version}'; it must equal the folder name '{folder}'.");
            }

            var user = Part("user.md");
            var declared = meta.Variables ?? [];
            var used = TriagePrompt.PlaceholdersIn(user);
            var undeclared = used.Except(declared).ToList();
            var unused = declared.Except(used).ToList();
            if (undeclared.Count > 0 || unused.Count > 0)
            {
                throw new TriagePromptException($"prompts/triage/{folder}: user.md uses [{string.Join(", ", undeclared)}] not declared in prompt.yaml, and declares [{string.Join(", ", unused)}] it does not use.");
            }

            var schema = Part("schema.json");
            try
            {
                using var _ = System.Text.Json.JsonDocument.Parse(schema);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new TriagePromptException($"prompts/triage/{folder}/schema.json is not JSON: {e.Message}");
            }

            byVersion[folder] = new TriagePrompt(
                folder,
                meta.Owner ?? string.Empty,
                meta.Approved ?? string.Empty,
                Part("system.md").Trim(),
                user.Trim(),
                schema,
                declared,
                meta.MaxOutputChars > 0 ? meta.MaxOutputChars : TriageOutputValidator.DefaultMaxOutputChars);
        }

        return new TriagePromptLibrary(byVersion);
    }

    private static TriagePromptLibrary LoadEmbeddedCore()
    {
        var assembly = typeof(TriagePromptLibrary).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files[name[Prefix.Length..].Replace('\\', '/')] = reader.ReadToEnd();
        }

        return Load(files);
    }

    private sealed class PromptMeta
    {
        public string? Version { get; set; }

        public string? Owner { get; set; }

        public string? Approved { get; set; }

        public string? Description { get; set; }

        public List<string>? Variables { get; set; }

        public int MaxOutputChars { get; set; }
    }
}
