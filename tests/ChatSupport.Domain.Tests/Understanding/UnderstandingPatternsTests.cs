using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

public class UnderstandingPatternsTests
{
    [Fact]
    public void EmbeddedPatterns_Load_WithAVersion_AndEveryIntentButOtherHasCues()
    {
        var patterns = UnderstandingPatterns.LoadEmbedded();

        Assert.False(string.IsNullOrWhiteSpace(patterns.Version));
        foreach (var intent in Intents.All.Where(i => i != Intent.Other))
        {
            Assert.Contains(patterns.Entries, e => e.Intents.Contains(intent));
        }
    }

    [Theory]
    [InlineData("entries:\n  - id: a\n    intents: [greeting]\n    terms: [\"やあ\"]\n    note: n\n", "version")]
    [InlineData("version: '1'\nentries:\n  - id: a\n    intents: [hello]\n    terms: [\"やあ\"]\n    note: n\n", "unknown intent")]
    [InlineData("version: '1'\nentries:\n  - id: a\n    intents: [other]\n    terms: [\"やあ\"]\n    note: n\n", "unknown intent")]
    [InlineData("version: '1'\nentries:\n  - id: a\n    terms: [\"やあ\"]\n    note: n\n", "at least one")]
    [InlineData("version: '1'\nentries:\n  - id: a\n    prefecture: '48'\n    terms: [\"やあ\"]\n    note: n\n", "JIS")]
    [InlineData("version: '1'\nentries:\n  - id: a\n    intents: [greeting]\n    terms: [\"やあ\"]\n", "note")]
    [InlineData("version: '1'\nentries:\n  - id: a\n    role: mask\n    intents: [greeting]\n    terms: [\"やあ\"]\n", "produces no labels")]
    public void BadFiles_AreRefusedWithTheReason(string yaml, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => UnderstandingPatterns.Parse([("t.yaml", yaml)]));

        Assert.Contains(reason, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ATermThatEndsASentence_IsRefusedWhenCompiled()
    {
        var patterns = UnderstandingPatterns.Parse([("t.yaml", "version: '1'\nentries:\n  - id: a\n    intents: [greeting]\n    terms: [\"やあ。\"]\n    note: n\n")]);

        Assert.Throws<InvalidDataException>(() => new UnderstandingEngine(ChatSupport.Domain.Risk.RiskEngine.CreateDefault(), patterns));
    }
}
