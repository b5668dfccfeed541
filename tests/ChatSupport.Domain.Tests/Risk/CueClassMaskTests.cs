using System.Text;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 7 of issue #12: the cue-class masks held 256 classes (four 64-bit words); round 10 widened them to 512 (eight
/// words in two 256-bit vectors). A lexicon with more than 128 or 256 classes compiles and its rules fire on classes in
/// every word of the mask; a lexicon with more than 512 classes is refused at load with the class that does not fit named.
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
    [InlineData(256)]
    [InlineData(319)]
    [InlineData(320)]
    [InlineData(400)]
    [InlineData(511)]
    [InlineData(512)]
    [InlineData(600)]
    [InlineData(767)]
    [InlineData(768)]
    [InlineData(900)]
    [InlineData(1023)]
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
        Assert.Throws<ArgumentOutOfRangeException>(() => CueClassMask.Bit(1024));
        Assert.False(CueClassMask.Bit(1023).Has(1024));
        Assert.False(CueClassMask.Bit(0).Has(-1));
    }

    [Fact]
    public void Capacity_Is1024_AndTheMaskStaysAFixedSizeValue()
    {
        Assert.Equal(1024, CueClassMask.Capacity);
        Assert.Equal(CueClassMask.Capacity, SituationCues.MaxClasses);
        Assert.True(typeof(CueClassMask).IsValueType);
        Assert.Equal(128, System.Runtime.CompilerServices.Unsafe.SizeOf<CueClassMask>());
    }

    [Fact]
    public void Words_InTheUpperParts_DoNotAliasTheLowerOnes()
    {
        // Class i, class i + 256, class i + 512 and class i + 768 sit at the same position of the four vectors.
        for (var i = 0; i < 256; i += 17)
        {
            var last = CueClassMask.Bit(i + 768);
            Assert.False(last.Intersects(CueClassMask.Bit(i)));
            Assert.False(last.Intersects(CueClassMask.Bit(i + 256)));
            Assert.False(last.Intersects(CueClassMask.Bit(i + 512)));
            Assert.Equal(i + 768, last.LowestIndex());
            Assert.Equal(i + 512, (last | CueClassMask.Bit(i + 512)).LowestIndex());
            Assert.False(CueClassMask.Bit(i + 512).ContainsAll(last | CueClassMask.Bit(i + 512)));
            Assert.True((last | CueClassMask.Bit(i)).ContainsAll(last));
            Assert.False(last.IsEmpty);

            var top = CueClassMask.Bit(i + 512);
            Assert.False(top.Intersects(CueClassMask.Bit(i)));
            Assert.False(top.Intersects(CueClassMask.Bit(i + 256)));
            Assert.NotEqual(top, CueClassMask.Bit(i + 256));
            Assert.Equal(i + 512, top.LowestIndex());
            Assert.Equal(i + 256, (top | CueClassMask.Bit(i + 256)).LowestIndex());
            Assert.False(CueClassMask.Bit(i + 256).ContainsAll(top | CueClassMask.Bit(i + 256)));

            var low = CueClassMask.Bit(i);
            var high = CueClassMask.Bit(i + 256);
            Assert.False(low.Intersects(high));
            Assert.False(low.ContainsAll(high));
            Assert.False(high.ContainsAll(low));
            Assert.NotEqual(low, high);
            Assert.Equal(i + 256, high.LowestIndex());
            Assert.True((low | high).ContainsAll(high));
            Assert.Equal(i, (low | high).LowestIndex());
        }

        var text = (CueClassMask.Bit(0) | CueClassMask.Bit(1023)).ToString();
        Assert.Equal(256, text.Length);
        Assert.StartsWith("8", text, StringComparison.Ordinal);
        Assert.EndsWith("1", text, StringComparison.Ordinal);
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

        var wide = all | CueClassMask.Bit(300) | CueClassMask.Bit(470);
        Assert.True((wide | CueClassMask.Bit(511)).ContainsAll(wide));
        Assert.False(all.ContainsAll(wide));
        Assert.False((all | CueClassMask.Bit(300)).ContainsAll(wide));
        Assert.True(wide.Intersects(CueClassMask.Bit(470)));
        Assert.False(wide.Intersects(CueClassMask.Bit(471) | CueClassMask.Bit(4)));
        Assert.Equal(CueClassMask.Bit(470), wide & CueClassMask.Bit(470));
        Assert.Equal(300, (CueClassMask.Bit(470) | CueClassMask.Bit(300)).LowestIndex());
        Assert.False(CueClassMask.Bit(500).IsEmpty);
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
    public void MoreThan256Classes_Compile_AndRulesFireInTheUpperWords()
    {
        var rules = $"""
            rules:
              - id: on-class-300
                all: [{ClassAt(300)}]
                level: high
                categories: [suicidal]
                note: a rule on class number 300
              - id: on-classes-100-and-480
                scope: sentence
                all: [{ClassAt(100)}, {ClassAt(480)}]
                level: critical
                categories: [suicidal]
                note: two classes in the second and eighth words, one sentence
              - id: class-260-with-earlier-505
                scope: conversation
                earlier: [{ClassAt(505)}]
                all: [{ClassAt(260)}]
                level: high
                categories: [loneliness]
                note: a conversation rule whose classes are both above 256
            """;
        var lexicon = RiskLexicon.Parse([("wide.yaml", ManyClasses(CueClassMask.Capacity - BuiltIn, rules))]);
        Assert.Equal(ClassAt(300), lexicon.CueClasses[300]);
        var engine = new RiskEngine(lexicon);

        var on300 = engine.Assess($"きょう{TermAt(300)}だった");
        Assert.Equal(RiskLevel.High, on300.Level);
        Assert.Contains("on-class-300", on300.Rules);
        Assert.Equal([ClassAt(300)], on300.CueClasses);

        // The same bit position 256 lower is another class.
        Assert.Equal(RiskLevel.None, engine.Assess(TermAt(44)).Level);

        Assert.Equal(RiskLevel.Critical, engine.Assess($"{TermAt(100)}と{TermAt(480)}").Level);
        Assert.Equal(RiskLevel.None, engine.Assess($"{TermAt(100)}。{TermAt(480)}").Level);
        Assert.Equal(RiskLevel.None, engine.Assess($"{TermAt(100)}と{TermAt(224)}").Level);

        var now = new DateTimeOffset(2026, 12, 13, 3, 0, 0, TimeSpan.Zero);
        var first = engine.Assess(TermAt(505), ConversationRisk.Empty, now);
        var conversation = ConversationRisk.Empty.Update(first, now);
        Assert.True(conversation.RecentCueMask(now.AddMinutes(1), lexicon.CueClasses).Has(505));
        var second = engine.Assess(TermAt(260), conversation, now.AddMinutes(1));
        Assert.Equal(RiskLevel.High, second.Level);
        Assert.Contains("class-260-with-earlier-505", second.Rules);
        Assert.Equal(RiskLevel.None, engine.Assess(TermAt(260), ConversationRisk.Empty, now).Level);
    }

    [Fact]
    public void MoreThan768Classes_Compile_AndRulesFireInTheFourthVector()
    {
        var rules = $"""
            rules:
              - id: on-class-900
                all: [{ClassAt(900)}]
                level: high
                categories: [suicidal]
                note: a rule on class number 900
              - id: on-classes-130-and-1000
                scope: sentence
                all: [{ClassAt(130)}, {ClassAt(1000)}]
                level: critical
                categories: [suicidal]
                note: two classes in the first and the fourth vector, one sentence
              - id: class-800-with-earlier-1020
                scope: conversation
                earlier: [{ClassAt(1020)}]
                all: [{ClassAt(800)}]
                level: high
                categories: [loneliness]
                note: a conversation rule whose classes are both above 768
            """;
        var lexicon = RiskLexicon.Parse([("wider.yaml", ManyClasses(CueClassMask.Capacity - BuiltIn, rules))]);
        Assert.Equal(ClassAt(900), lexicon.CueClasses[900]);
        var engine = new RiskEngine(lexicon);

        var on900 = engine.Assess($"きょう{TermAt(900)}だった");
        Assert.Equal(RiskLevel.High, on900.Level);
        Assert.Contains("on-class-900", on900.Rules);
        Assert.Equal([ClassAt(900)], on900.CueClasses);

        // The same bit position 256 lower (644) is another class: nothing fires.
        Assert.Equal(RiskLevel.None, engine.Assess(TermAt(644)).Level);

        Assert.Equal(RiskLevel.Critical, engine.Assess($"{TermAt(130)}と{TermAt(1000)}").Level);
        Assert.Equal(RiskLevel.None, engine.Assess($"{TermAt(130)}。{TermAt(1000)}").Level);
        Assert.Equal(RiskLevel.None, engine.Assess($"{TermAt(130)}と{TermAt(744)}").Level);

        var now = new DateTimeOffset(2027, 1, 12, 3, 0, 0, TimeSpan.Zero);
        var first = engine.Assess(TermAt(1020), ConversationRisk.Empty, now);
        var conversation = ConversationRisk.Empty.Update(first, now);
        Assert.True(conversation.RecentCueMask(now.AddMinutes(1), lexicon.CueClasses).Has(1020));
        var second = engine.Assess(TermAt(800), conversation, now.AddMinutes(1));
        Assert.Equal(RiskLevel.High, second.Level);
        Assert.Contains("class-800-with-earlier-1020", second.Rules);
        Assert.Equal(RiskLevel.None, engine.Assess(TermAt(800), ConversationRisk.Empty, now).Level);
    }

    [Fact]
    public void Exactly1024Classes_Load()
    {
        var lexicon = RiskLexicon.Parse([("full.yaml", ManyClasses(CueClassMask.Capacity - BuiltIn, string.Empty))]);
        Assert.Equal(CueClassMask.Capacity, lexicon.CueClasses.Count);
        var engine = new RiskEngine(lexicon);
        Assert.Equal([ClassAt(1023)], engine.Assess(TermAt(1023)).CueClasses);
        Assert.Equal([ClassAt(767)], engine.Assess(TermAt(767)).CueClasses);
        Assert.Equal([ClassAt(511)], engine.Assess(TermAt(511)).CueClasses);
        Assert.Equal([ClassAt(255)], engine.Assess(TermAt(255)).CueClasses);
    }

    [Fact]
    public void MoreThan1024Classes_AreRefused_NamingTheClass()
    {
        var e = Assert.Throws<InvalidDataException>(
            () => RiskLexicon.Parse([("over.yaml", ManyClasses(CueClassMask.Capacity - BuiltIn + 1, string.Empty))]));
        Assert.Contains("over.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{ClassAt(1024)}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("1024", e.Message, StringComparison.Ordinal);
    }
}
