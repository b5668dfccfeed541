using System.Text;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 7 of issue #12: the cue-class masks hold 256 classes (four 64-bit words). A lexicon with more than 128
/// classes compiles and its rules fire on classes in every word of the mask; a lexicon with more than 256 classes is
/// refused at load with the class that does not fit named.
/// </summary>
public class CueClassMaskTests
{
    private static readonly int BuiltIn = SituationCues.BuiltIn.Count;

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(200)]
    [InlineData(255)]
    public void Bit_IsOnlyItself(int index)
    {
        var mask = CueClassMask.Bit(index);
        Assert.True(mask.Has(index));
        Assert.Equal(index, mask.LowestIndex());
        for (var other = 0; other < CueClassMask.Capacity; other++)
        {
            Assert.Equal(other == index, mask.Has(other));
            Assert.Equal(other == index, mask.Intersects(CueClassMask.Bit(other)));
        }
    }

    [Fact]
    public void Bit_OutsideTheMask_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CueClassMask.Bit(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CueClassMask.Bit(256));
    }

    [Fact]
    public void ContainsAll_NeedsEveryWord()
    {
        var all = CueClassMask.Bit(3) | CueClassMask.Bit(70) | CueClassMask.Bit(140) | CueClassMask.Bit(250);
        var almost = CueClassMask.Bit(3) | CueClassMask.Bit(70) | CueClassMask.Bit(140);
        Assert.True((all | CueClassMask.Bit(9)).ContainsAll(all));
        Assert.False(almost.ContainsAll(all));
        Assert.True(almost.ContainsAll(CueClassMask.Empty));
        Assert.True(CueClassMask.Empty.IsEmpty);
        Assert.False(almost.IsEmpty);
        Assert.Equal(CueClassMask.Bit(140), all & CueClassMask.Bit(140));
        Assert.Equal(CueClassMask.Capacity, CueClassMask.Empty.LowestIndex());
        Assert.Equal(140, (CueClassMask.Bit(250) | CueClassMask.Bit(140)).LowestIndex());
    }

    /// <summary>A lexicon with <paramref name="classes"/> cue classes of its own (c000 …), each with one term 合図N番.</summary>
    private static string ManyClasses(int classes, string rules)
    {
        var yaml = new StringBuilder("version: \"2026.07.1\"\ncues:\n");
        for (var i = 0; i < classes; i++)
        {
            yaml.Append("  - id: c").Append(i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
                .Append("    note: test class\n")
                .Append("    terms: [\"合図").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("番\"]\n");
        }

        return yaml.Append(rules).ToString();
    }

    /// <summary>The own class whose index in <see cref="RiskLexicon.CueClasses"/> (built-in ones first) is <paramref name="index"/>.</summary>
    private static string ClassAt(int index) => "c" + (index - BuiltIn).ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    private static string TermAt(int index) => "合図" + (index - BuiltIn).ToString(System.Globalization.CultureInfo.InvariantCulture) + "番";

    [Fact]
    public void MoreThan128Classes_Compile_AndRulesFireInEveryWordOfTheMask()
    {
        var rules = $"""
            rules:
              - id: on-class-200
                all: [{ClassAt(200)}]
                level: high
                categories: [suicidal]
                note: a rule on class number 200
              - id: on-classes-136-and-250
                scope: sentence
                all: [{ClassAt(136)}, {ClassAt(250)}]
                level: critical
                categories: [suicidal]
                note: two classes in the third and fourth words, one sentence
              - id: class-72-with-earlier-220
                scope: conversation
                earlier: [{ClassAt(220)}]
                all: [{ClassAt(72)}]
                level: high
                categories: [loneliness]
                note: a conversation rule whose earlier class is in the fourth word
            """;
        var lexicon = RiskLexicon.Parse([("many.yaml", ManyClasses(245, rules))]);
        Assert.Equal(BuiltIn + 245, lexicon.CueClasses.Count);
        Assert.Equal(ClassAt(200), lexicon.CueClasses[200]);
        var engine = new RiskEngine(lexicon);

        var on200 = engine.Assess($"きょう{TermAt(200)}だった");
        Assert.Equal(RiskLevel.High, on200.Level);
        Assert.Contains("on-class-200", on200.Rules);
        Assert.Equal([ClassAt(200)], on200.CueClasses);

        // The same bit position in the other words (200 − 64, 200 − 128) is another class: nothing fires.
        Assert.Equal(RiskLevel.None, engine.Assess($"{TermAt(136)}と{TermAt(72)}").Level);

        Assert.Equal(RiskLevel.Critical, engine.Assess($"{TermAt(136)}と{TermAt(250)}").Level);
        var apart = engine.Assess($"{TermAt(136)}。{TermAt(250)}");
        Assert.Equal(RiskLevel.None, apart.Level);
        Assert.Equal([ClassAt(136), ClassAt(250)], apart.CueClasses);

        var now = new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
        var first = engine.Assess(TermAt(220), ConversationRisk.Empty, now);
        var conversation = ConversationRisk.Empty.Update(first, now);
        var second = engine.Assess(TermAt(72), conversation, now.AddMinutes(1));
        Assert.Equal(RiskLevel.High, second.Level);
        Assert.Contains("class-72-with-earlier-220", second.Rules);
        Assert.True(conversation.RecentCueMask(now.AddMinutes(1), lexicon.CueClasses).Has(220));
        Assert.Equal(RiskLevel.None, engine.Assess(TermAt(72), ConversationRisk.Empty, now).Level);
    }

    [Fact]
    public void Exactly256Classes_Load()
    {
        var lexicon = RiskLexicon.Parse([("full.yaml", ManyClasses(CueClassMask.Capacity - BuiltIn, string.Empty))]);
        Assert.Equal(CueClassMask.Capacity, lexicon.CueClasses.Count);
        var engine = new RiskEngine(lexicon);
        Assert.Equal([ClassAt(255)], engine.Assess(TermAt(255)).CueClasses);
    }

    [Fact]
    public void MoreThan256Classes_AreRefused_NamingTheClass()
    {
        var e = Assert.Throws<InvalidDataException>(
            () => RiskLexicon.Parse([("over.yaml", ManyClasses(CueClassMask.Capacity - BuiltIn + 1, string.Empty))]));
        Assert.Contains("over.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{ClassAt(256)}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("256", e.Message, StringComparison.Ordinal);
    }

}
