using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The stems × endings expansion (round 4 of issue #12): ending sets in a lexicon file, entries and cue classes that
/// combine their stems with them at load time, and the guards that keep an ending from matching inside other words.
/// </summary>
public class WordFormsTests
{
    private const string Lexicon = """
        version: "2026.01.1"
        endings:
          - id: wish
            forms: ["たい", "たく"]
            note: desiderative
          - id: kyushu
            forms: ["たか"]
            not_before: "たらも"
            note: Kyushu desiderative, not the past
          - id: rough
            forms: ["てぇ"]
            end_or_before: "わよ"
            note: rough, only at a word end
        entries:
          - id: wish-to-vanish
            terms: ["消滅したい"]
            forms:
              - stems: ["(居|い)なくなり", "おらんくなり"]
                endings: [wish, kyushu, rough]
            level: high
            categories: [suicidal]
            note: test entry
        """;

    private static readonly RiskEngine Engine = new(RiskLexicon.Parse([("t.yaml", Lexicon)]));

    [Fact]
    public void StemsTimesEndings_BecomeTermsAtLoadTime()
    {
        var entry = Assert.Single(RiskLexicon.Parse([("t.yaml", Lexicon)]).Entries);

        // 1 own term + 3 stems (居/い expand) × 4 endings.
        Assert.Equal(13, entry.Terms.Count);
        Assert.Contains("おらんくなりたか", entry.Terms);
        Assert.Contains("居なくなりてぇ", entry.Terms);
        Assert.True(entry.Guards.ContainsKey("いなくなりたか"));
        Assert.False(entry.Guards.ContainsKey("いなくなりたい"));
    }

    [Theory]
    [InlineData("もういなくなりたい")]
    [InlineData("おらんくなりたかー")]
    [InlineData("おらんくなりたかばい")]
    [InlineData("いなくなりてぇ")]
    [InlineData("いなくなりてーわ")]
    [InlineData("いなくなりてえ。ほんとに")]
    public void AGeneratedForm_IsFound(string text) => Assert.Equal(RiskLevel.High, Engine.Assess(text).Level);

    [Theory]
    [InlineData("あのときはいなくなりたかった")]
    [InlineData("いなくなりたから")]
    [InlineData("いなくなりてるの")]
    public void AGuardedEnding_DoesNotMatchInsideAnotherForm(string text) =>
        Assert.Equal(RiskLevel.None, Engine.Assess(text).Level);

    [Fact]
    public void AnUnknownEndingSet_IsALoadErrorNamingFileAndEntry()
    {
        const string yaml = """
            version: "2026.01.1"
            entries:
              - id: x
                forms:
                  - stems: ["死に"]
                    endings: [nowhere]
                level: high
                categories: [suicidal]
                note: test
            """;
        var e = Assert.Throws<InvalidDataException>(() => RiskLexicon.Parse([("f.yaml", yaml)]));
        Assert.Contains("f.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
        Assert.Contains("nowhere", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormsWithoutStemsOrEndings_AndTwiceDefinedSets_AreLoadErrors()
    {
        const string noEndings = """
            version: "2026.01.1"
            entries:
              - id: x
                forms:
                  - stems: ["死に"]
                level: high
                categories: [suicidal]
                note: test
            """;
        Assert.Throws<InvalidDataException>(() => RiskLexicon.Parse([("f.yaml", noEndings)]));

        const string twice = """
            endings:
              - id: wish
                forms: ["たい"]
                note: one
            """;
        Assert.Throws<InvalidDataException>(() => RiskLexicon.Parse([("a.yaml", Lexicon), ("b.yaml", twice)]));
    }

    [Fact]
    public void AGeneratedTermThatOnlyExtendsAShorterOne_IsDropped_ButStillFound()
    {
        const string yaml = """
            version: "2026.01.1"
            endings:
              - id: none
                forms: ["ない", "ないやん", "なか"]
                note: test
            entries:
              - id: z
                terms: ["意味ないやんけ"]
                forms:
                  - stems: ["生きる意味"]
                    endings: [none]
                level: high
                categories: [suicidal]
                note: test
            """;
        var lexicon = RiskLexicon.Parse([("z.yaml", yaml)]);
        var entry = Assert.Single(lexicon.Entries);
        Assert.Equal(["意味ないやんけ", "生きる意味ない", "生きる意味なか"], entry.Terms);
        Assert.Equal(RiskLevel.High, new RiskEngine(lexicon).Assess("生きる意味ないやん").Level);
    }

    [Fact]
    public void EndingSetsFromAnotherFile_AreUsable()
    {
        const string sets = """
            endings:
              - id: west
                forms: ["とう"]
                not_before: "な"
                note: Kansai desiderative
            """;
        const string entries = """
            version: "2026.01.1"
            entries:
              - id: y
                forms:
                  - stems: ["しに"]
                    endings: [west]
                level: high
                categories: [suicidal]
                note: test
            """;
        var engine = new RiskEngine(RiskLexicon.Parse([("entries.yaml", entries), ("sets.yaml", sets)]));
        Assert.Equal(RiskLevel.High, engine.Assess("しにとうて").Level);
        Assert.Equal(RiskLevel.None, engine.Assess("しにとうない").Level);
    }
}
