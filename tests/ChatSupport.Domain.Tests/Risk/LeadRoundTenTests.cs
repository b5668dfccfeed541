using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The lead's round-10 entries and rules (Lexicon/lead10.yaml), from the classes a new writer's whole conversations
/// missed (docs/risk.md, "Round 10 (lead)"): tablets counted after medicine was named, something done after refusing,
/// a last talk after things were put in order, a high place after leaving home upset, a parent beating the other parent
/// told in hiragana; and 止めてくれなかった (nobody stopped it) no longer read as sexual harm. Words other than the replays', both ways.
/// </summary>
public class LeadRoundTenTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();
    private static readonly DateTimeOffset Night = new(2026, 12, 8, 23, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData("さっき60錠くらいいっちゃった", "tablets-taken-counted")]
    [InlineData("20錠ぐらい飲んじゃった", "tablets-taken-counted")]
    public void Tens_of_tablets_taken_is_an_overdose(string text, string rule)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.Critical, $"{text}: {result.Level}");
        Assert.Contains(rule, result.Rules);
        Assert.Contains("overdose", result.Situations);
    }

    [Fact]
    public void Tablets_counted_after_medicine_was_named_is_an_overdose()
    {
        var last = RiskConversation.Assess(Night, "メジコンまた買っちゃった", "今日は30粒くらい");

        Assert.True(last.Level >= RiskLevel.Critical, $"{last.Level}");
        Assert.Contains("pills-counted-after-medicine", last.Rules);
    }

    [Theory]
    [InlineData("風邪薬は1回2錠って書いてある")]
    [InlineData("サプリ30粒入りのやつ買った")]
    [InlineData("処方された薬を30錠もらってきた")]
    public void Counting_tablets_without_taking_them_is_not_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("サークルの先輩に、嫌って言ったのに無理やりされた")]
    [InlineData("家に呼ばれて、ことわったのにやられた")]
    public void Something_done_after_refusing_is_sexual_harm(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains(SupportCategory.SexualViolence, result.Categories);
    }

    [Theory]
    [InlineData("誘いを断ったのに、また誘われた")]
    [InlineData("お母さんは見てただけで、止めてくれなかった")]
    public void Refusing_an_invitation_or_nobody_stopping_it_is_not_sexual_harm(string text)
    {
        var result = Engine.Assess(text);
        Assert.DoesNotContain(SupportCategory.SexualViolence, result.Categories);
    }

    [Fact]
    public void A_last_talk_after_the_room_was_put_in_order_is_critical()
    {
        var last = RiskConversation.Assess(Night, "部屋の片付けも全部終わった", "最後に誰かと話したくて来ました");

        Assert.True(last.Level >= RiskLevel.Critical, $"{last.Level}");
        Assert.Contains(SupportCategory.Suicidal, last.Categories);
    }

    [Fact]
    public void Looking_up_insurance_not_to_burden_the_family_then_tidying_the_room_is_critical()
    {
        var first = Engine.Assess("親に迷惑かけたくないから、保険金のこと調べてた");
        Assert.True(first.Level >= RiskLevel.High, $"{first.Level}");

        var last = RiskConversation.Assess(Night, "親に迷惑かけたくないから、保険金のこと調べてた", "部屋の片付けも終わりました");
        Assert.True(last.Level >= RiskLevel.Critical, $"{last.Level}");
    }

    [Theory]
    [InlineData("車の保険のこと調べてた")]
    [InlineData("部屋の片付けやっと終わった！明日から新生活")]
    [InlineData("最後に話せてよかった！また来年ね")]
    public void Insurance_tidying_and_a_happy_last_word_alone_are_not_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Fact]
    public void A_bridge_after_leaving_home_upset_is_critical()
    {
        var last = RiskConversation.Assess(Night, "家にいたくなくて、夜中に外に出た", "いま陸橋の上");

        Assert.True(last.Level >= RiskLevel.Critical, $"{last.Level}");
        Assert.Contains("place_of_danger", last.Situations);
    }

    [Theory]
    [InlineData("ぱぱがままをなぐってる")]
    [InlineData("父がまた母を殴ってる。こわい")]
    public void A_parent_beating_the_other_is_violence_at_home(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains(SupportCategory.Abuse, result.Categories);
    }

    [Theory]
    [InlineData("兄がゲームでゾンビを殴ってる")]
    [InlineData("お父さんがジムでサンドバッグ殴ってる")]
    [InlineData("ママの肩たたいてる")]
    public void Hitting_in_a_game_or_at_a_bag_is_not_violence(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("課長にみんなの前で書類をデスクに叩きつけられた")]
    [InlineData("テストの点数で怒られて、出ていけって言われた")]
    public void Papers_thrown_onto_a_desk_and_being_told_to_get_out_are_not_violence_to_the_body(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Fact]
    public void Being_put_out_then_naming_the_parent_is_abuse()
    {
        var last = RiskConversation.Assess(Night, "家から追い出された", "お父さんに。成績のことで出てけって");

        Assert.True(last.Level >= RiskLevel.High, $"{last.Level}");
        Assert.Contains(SupportCategory.Abuse, last.Categories);
    }

    [Theory]
    [InlineData("明日までに5万払わないと、クラスに全部ばらまくって言われた", "sextortion")]
    [InlineData("おばあちゃんの睡眠薬、ぜんぶ持ってきた", "means")]
    [InlineData("ホテル連れてかれて、断れなかった", "sexual_assault")]
    public void Demands_means_and_being_taken_somewhere_are_read_as_their_situation(string text, string situation)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains(situation, result.Situations);
    }

    [Theory]
    [InlineData("家賃払わないと出ていけって大家に言われた")]
    [InlineData("お土産ぜんぶ持ってきた！")]
    [InlineData("駅まで車で連れてかれて、寝ちゃった")]
    public void Everyday_demands_things_brought_and_rides_are_not_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Fact]
    public void A_friends_cut_photos_posted_make_the_writer_the_helper()
    {
        var result = Engine.Assess("あいつ、また切った写真あげてる");

        Assert.True(result.Level >= RiskLevel.High, $"{result.Level}");
        Assert.Contains(SupportCategory.OtherPerson, result.Categories);
    }

    [Theory]
    [InlineData("ゲームのアカウントも服も、弟に全部くれてやった")]
    [InlineData("ばあちゃんに手紙書いといた。明日の朝読むと思う")]
    public void Everything_given_away_and_a_letter_for_tomorrow_are_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains(SupportCategory.Suicidal, result.Categories);
    }

    [Fact]
    public void Tens_of_tablets_after_medicine_are_an_overdose_even_when_some_were_prescribed()
    {
        var last = RiskConversation.Assess(Night, "さっき薬ちょっと多めに飲んだ", "処方のと市販の、合わせて40錠くらい");

        Assert.True(last.Level >= RiskLevel.Critical, $"{last.Level}");
    }

    [Theory]
    [InlineData("年賀状の手紙書いた！")]
    [InlineData("お菓子みんなにあげてきた")]
    public void A_letter_and_sweets_given_are_not_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }
}
