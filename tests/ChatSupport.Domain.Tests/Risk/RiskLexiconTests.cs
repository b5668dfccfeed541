using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

public class RiskLexiconTests
{
    [Fact]
    public void EmbeddedLexicon_HasAVersionAndReviewedEntries()
    {
        var lexicon = RiskLexicon.LoadEmbedded();

        Assert.Matches(@"^\d{4}\.\d{2}\.\d+$", lexicon.Version);
        Assert.Contains(lexicon.Entries, e => e.Role == LexiconRole.Signal);
        Assert.All(lexicon.Entries.Where(e => e.Role == LexiconRole.Signal), e => Assert.False(string.IsNullOrWhiteSpace(e.Note)));
        Assert.Contains(lexicon.Entries, e => e.Level == RiskLevel.Critical);
        Assert.Equal(lexicon.Entries.Count, lexicon.Entries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void ExpandTerm_ExpandsGroupsWithOptionalParts() =>
        Assert.Equal(["薬を飲んだ", "薬飲んだ", "くすりを飲んだ", "くすり飲んだ"], RiskLexicon.ExpandTerm("(薬|くすり)(を|)飲んだ"));

    [Fact]
    public void Parse_RejectsUnknownCategoryWithFileAndEntry()
    {
        const string yaml = """
            version: "2026.01.1"
            entries:
              - id: x
                terms: [a]
                level: high
                categories: [sadness]
                note: test
            """;

        var e = Assert.Throws<InvalidDataException>(() => RiskLexicon.Parse([("test.yaml", yaml)]));
        Assert.Contains("test.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("sadness", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RequiresAVersion()
    {
        const string yaml = """
            entries:
              - id: x
                terms: [a]
                level: low
                note: test
            """;

        Assert.Throws<InvalidDataException>(() => RiskLexicon.Parse([("a.yaml", yaml)]));
    }

    [Fact]
    public void CustomLexicon_DrivesTheEngine()
    {
        const string yaml = """
            version: "2026.01.7"
            entries:
              - id: test-word
                terms: ["(テスト|てすと)語"]
                level: medium
                categories: [school]
                note: test
            """;
        var engine = new RiskEngine(RiskLexicon.Parse([("t.yaml", yaml)]));

        var result = engine.Assess("ﾃｽﾄ語だよ");

        Assert.Equal(RiskLevel.Medium, result.Level);
        Assert.Equal([SupportCategory.School], result.Categories);
        Assert.Equal("2026.01.7", result.LexiconVersion);
    }
}
