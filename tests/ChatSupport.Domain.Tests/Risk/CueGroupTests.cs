using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Groups of cue classes (docs/risk.md "Round 12 (kinds of signs)"): a clause holds a group when it holds any member,
/// rules name groups like classes, and a malformed group is a load error that says what is wrong.
/// </summary>
public class CueGroupTests
{
    private const string Lexicon = """
        version: "test"
        cues:
          - id: bye
            note: a goodbye
            terms: ["さよなら", "ばいばい"]
          - id: bridge
            note: a bridge
            terms: ["鉄橋"]
          - id: roof
            note: a roof
            terms: ["屋上"]
          - id: trip
            note: a trip
            terms: ["旅行"]
        groups:
          - id: g_place
            any: [bridge, roof]
            note: a place of danger
          - id: g_place_or_bye
            any: [g_place, bye]
            note: a group of a group and a class
        rules:
          - id: bye-at-a-place
            all: [bye, g_place]
            level: critical
            categories: [suicidal]
            none: [trip]
            note: a goodbye at any place of the group
          - id: sentence-two-kinds
            scope: sentence
            all: [g_place_or_bye, trip]
            level: low
            categories: [loneliness]
            note: a trip beside either kind, in one sentence
        """;

    private static readonly RiskEngine Engine = new(RiskLexicon.Parse([("lexicon.yaml", Lexicon)]));

    [Theory]
    [InlineData("鉄橋にいる。さよなら")]
    [InlineData("ばいばい、屋上から")]
    public void A_rule_on_a_group_fires_for_any_member(string text)
    {
        var result = Engine.Assess(text);
        Assert.Equal(RiskLevel.Critical, result.Level);
        Assert.Contains("bye-at-a-place", result.Rules);
        Assert.Contains("g_place", result.CueClasses);
    }

    [Theory]
    [InlineData("さよなら、また明日")]
    [InlineData("旅行で鉄橋を見た。さよなら")]
    public void Without_a_member_or_with_a_frame_the_rule_stays_off(string text) =>
        Assert.NotEqual(RiskLevel.Critical, Engine.Assess(text).Level);

    [Fact]
    public void A_group_of_a_group_is_held_in_the_clause_of_its_member()
    {
        Assert.Contains("sentence-two-kinds", Engine.Assess("旅行の屋上").Rules);
        Assert.DoesNotContain("sentence-two-kinds", Engine.Assess("旅行。屋上").Rules);
    }

    [Theory]
    [InlineData("groups:\n  - id: g\n    any: [nothing_like_it]\n    note: n", "unknown cue class 'nothing_like_it'")]
    [InlineData("groups:\n  - id: g\n    any: []\n    note: n", "needs an id, a note and at least one class")]
    [InlineData("groups:\n  - id: bye\n    any: [roof]\n    note: n", "already a cue class or a group")]
    public void A_malformed_group_is_a_load_error_that_names_it(string groups, string message)
    {
        var yaml = Lexicon[..Lexicon.IndexOf("groups:", StringComparison.Ordinal)] + groups;
        var e = Assert.Throws<InvalidDataException>(() => RiskLexicon.Parse([("lexicon.yaml", yaml)]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
