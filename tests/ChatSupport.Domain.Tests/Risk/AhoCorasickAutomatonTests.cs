using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

public class AhoCorasickAutomatonTests
{
    [Fact]
    public void FindAll_ReportsOverlappingAndNestedMatches()
    {
        var automaton = new AhoCorasickAutomaton(["he", "she", "his", "hers"]);

        var found = automaton.FindAll("ushers");

        Assert.Equal([(0, 2), (1, 1), (3, 2)], found.Order().ToList());
    }

    [Fact]
    public void FindAll_FindsJapaneseTermsInsideLongerText()
    {
        var automaton = new AhoCorasickAutomaton(["しにたい", "にたい", "たい", "きえたい"]);

        var found = automaton.FindAll("もうしにたいしきえたい");

        Assert.Contains((0, 2), found);
        Assert.Contains((1, 3), found);
        Assert.Contains((2, 4), found);
        Assert.Contains((2, 9), found);
        Assert.Contains((3, 7), found);
        Assert.Equal(5, found.Count);
    }

    [Fact]
    public void FindAll_SamePatternTwiceReportsBoth()
    {
        var automaton = new AhoCorasickAutomaton(["od", "od"]);

        Assert.Equal(2, automaton.FindAll("od").Count);
    }

    [Fact]
    public void Constructor_RejectsEmptyPattern() =>
        Assert.Throws<ArgumentException>(() => new AhoCorasickAutomaton(["ok", string.Empty]));

    [Fact]
    public void FindAll_CharactersOutsideThePatternsResetToRoot()
    {
        var automaton = new AhoCorasickAutomaton(["abc"]);

        Assert.Empty(automaton.FindAll("abxabdab"));
        Assert.Single(automaton.FindAll("xxabcxx"));
    }
}
