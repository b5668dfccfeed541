using System.Text.RegularExpressions;
using ChatSupport.Domain.Texts;

namespace ChatSupport.Domain.Tests.Text;

/// <summary>The one text catalogue as the person reads it: whole texts, the same facts in both languages.</summary>
public sealed partial class TextCatalogueTests
{
    public static TheoryData<string> Files() => new() { "ja.yaml", "en.yaml" };

    /// <summary>
    /// In YAML a plain (unquoted) value ends at " #": 「急ぎでないことは #9110…」 was read as 「急ぎでないことは」,
    /// and the person lost the number and the line about 110. Such values must be quoted.
    /// </summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void No_plain_value_is_cut_short_by_a_hash_sign_read_as_a_comment(string file)
    {
        using var stream = typeof(BotTexts).Assembly.GetManifestResourceStream("ChatSupport.Domain.Texts." + file)!;
        using var reader = new StreamReader(stream);
        var cut = new List<string>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var value = PlainValue().Match(line);
            if (value.Success && value.Groups["v"].Value.Contains(" #", StringComparison.Ordinal))
            {
                cut.Add($"{file}:{number}: {line}");
            }
        }

        Assert.Empty(cut);
    }

    [Fact]
    public void Every_phone_number_and_emergency_number_of_a_text_is_in_both_languages()
    {
        var texts = BotTexts.Default;
        var differing = new List<string>();
        foreach (var key in texts.Keys)
        {
            var (ja, en) = (Numbers(Joined(texts, key, false)), Numbers(Joined(texts, key, true)));
            if (!ja.SetEquals(en))
            {
                differing.Add($"{key}: ja [{string.Join(", ", ja.Order())}] en [{string.Join(", ", en.Order())}]");
            }
        }

        Assert.Empty(differing);
        Assert.Contains("110", texts.Get("waiting.worry.police", false), StringComparison.Ordinal);
    }

    private static string Joined(BotTexts texts, string key, bool english)
    {
        try
        {
            return texts.Get(key, english);
        }
        catch (InvalidDataException)
        {
            return string.Join("\n", texts.List(key, english));
        }
    }

    private static HashSet<string> Numbers(string text) =>
        NumberPattern().Matches(text.Normalize(System.Text.NormalizationForm.FormKC)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    // A key's plain value, or a list item's: not quoted, not a block scalar.
    [GeneratedRegex("""^(?:[\w.]+:|\s*-)\s+(?<v>[^"'|>\s].*)$""")]
    private static partial Regex PlainValue();

    [GeneratedRegex(@"#\d{4}|(?<!\d)0\d{2,4}-\d{1,4}-\d{3,4}(?!\d)|(?<![\d-])(?:110|119|189|188|72)(?![\d-])")]
    private static partial Regex NumberPattern();
}
