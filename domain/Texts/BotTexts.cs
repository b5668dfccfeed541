using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ChatSupport.Domain.Texts;

/// <summary>
/// The one catalogue of everything a person reads — the bot's texts, the crisis templates, the handoff's
/// texts and the channels' fallbacks — in Japanese (first) and English, from the YAML files beside this
/// class (reviewed data, never generated). A key missing in English falls back to Japanese; a key missing in Japanese is
/// a bug and throws when the catalogue is loaded or read.
/// </summary>
public sealed class BotTexts
{
    private readonly Dictionary<string, object> _ja;
    private readonly Dictionary<string, object> _en;

    private BotTexts(Dictionary<string, object> ja, Dictionary<string, object> en)
    {
        _ja = ja;
        _en = en;
        var orphans = en.Keys.Except(ja.Keys).ToList();
        if (orphans.Count > 0)
        {
            throw new InvalidDataException($"English texts without a Japanese original: {string.Join(", ", orphans)}");
        }
    }

    public static BotTexts Default { get; } = new(Load("ja.yaml"), Load("en.yaml"));

    public IReadOnlyCollection<string> Keys => _ja.Keys;

    /// <summary>Whether the catalogue has this key (in Japanese, so in every language).</summary>
    public bool Has(string key) => _ja.ContainsKey(key);

    public string Get(string key, bool english) =>
        (english && _en.TryGetValue(key, out var en) ? en : Japanese(key)) as string
        ?? throw new InvalidDataException($"Text '{key}' is a list, not a single text.");

    public string Format(string key, bool english, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, english), values);

    public IReadOnlyList<string> List(string key, bool english) =>
        (english && _en.TryGetValue(key, out var en) ? en : Japanese(key)) as IReadOnlyList<string>
        ?? throw new InvalidDataException($"Text '{key}' is a single text, not a list.");

    private object Japanese(string key) =>
        _ja.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No text '{key}' in the Japanese catalogue.");

    private static Dictionary<string, object> Load(string file)
    {
        using var stream = typeof(BotTexts).Assembly.GetManifestResourceStream("ChatSupport.Domain.Texts." + file)
            ?? throw new InvalidDataException($"The text catalogue {file} is not embedded.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var texts = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in ((YamlMappingNode)yaml.Documents[0].RootNode).Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            texts[key] = valueNode switch
            {
                YamlScalarNode scalar => scalar.Value ?? string.Empty,
                YamlSequenceNode list => list.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).ToList(),
                _ => throw new InvalidDataException($"Text '{key}' in {file} must be a text or a list of texts."),
            };
        }

        return texts;
    }
}
