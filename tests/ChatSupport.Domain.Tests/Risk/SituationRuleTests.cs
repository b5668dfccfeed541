using System.Text.Json;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The situation layer (situations.yaml): danger read from a situation without a death word, the rule and
/// cues named for the counselor, the situation ids the crisis replies choose from, dampeners in both
/// directions, and the conversation rule. Every message here was written for these tests.
/// </summary>
public class SituationRuleTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("いま団地の屋上", "place_of_danger")]
    [InlineData("踏切の前で待ってる", "place_of_danger")]
    [InlineData("手すりの外に出た。12階", "place_of_danger")]
    [InlineData("薬ためてた。やっと50錠", "means")]
    [InlineData("練炭とガムテ買った", "means")]
    [InlineData("車の中で火つけた", "method_under_way")]
    [InlineData("今までありがとう。最後に言いたくて", "finality")]
    [InlineData("ドア蹴られてる、隠れてる", "violence_now")]
    [InlineData("処方された薬、全部まとめて飲んだ", "overdose")]
    [InlineData("今日こそ死んでくる", null)]
    public void ASituationWithoutADeathWord_IsCritical(string text, string? situation)
    {
        var result = Engine.Assess(text);

        Assert.Equal(RiskLevel.Critical, result.Level);
        if (situation is not null)
        {
            Assert.Contains(situation, result.Situations);
        }
    }

    [Theory]
    [InlineData("継父に毎晩しばかれる", "violence_act", SupportCategory.Abuse)]
    [InlineData("顧問にボールぶつけられる", "violence_act", SupportCategory.Abuse)]
    [InlineData("ネットで知り合ったおじさんが交通費出すから会おうって", "grooming", SupportCategory.SexualViolence)]
    [InlineData("写真ばらまくって言われてる、お金払えって", "sextortion", SupportCategory.SexualViolence)]
    [InlineData("明日にはもういないと思う", "finality", SupportCategory.Suicidal)]
    public void ActorAndActOrAnOnlineThreat_IsHighWithItsSituation(string text, string situation, SupportCategory category)
    {
        var result = Engine.Assess(text);

        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains(situation, result.Situations);
        Assert.Contains(category, result.Categories);
    }

    [Fact]
    public void TheResult_NamesTheRuleAndTheCuesForTheCounselor()
    {
        const string text = "いま踏切の前で待ってる";
        var result = Engine.Assess(text);

        Assert.Contains("place-high-now", result.Rules);
        var place = Assert.Single(result.Cues, c => c.Class == "place_high");
        Assert.Equal("踏切", text.Substring(place.Start, place.Length));
        Assert.Contains(result.Cues, c => c.Class == "presence_now");
    }

    [Fact]
    public void AFriendsDanger_StaysCritical_AndSaysThirdPerson()
    {
        var result = Engine.Assess("友達が手すりの外にいるってLINEきた");

        Assert.Equal(RiskLevel.Critical, result.Level);
        Assert.Contains("third_person", result.Situations);
        Assert.Contains("place_of_danger", result.Situations);
        Assert.Contains(SupportCategory.OtherPerson, result.Categories);
    }

    [Theory]
    [InlineData("保健の授業で自殺の統計について調べてる", "dampen-study")]
    [InlineData("ドラマで主人公が屋上から飛び降りて泣いた", "dampen-fiction")]
    [InlineData("ニュースで虐待の事件見てつらくなった", "dampen-news")]
    [InlineData("キャンプで炭とロープ買ってきた", "dampen-camping")]
    [InlineData("バレたらおかんに殺されるｗ", "dampen-family-joke")]
    [InlineData("部活引退の日、先輩に今までありがとうって伝えた", "dampen-occasion")]
    public void ADampener_LowersWhenTheContextIsUnambiguous(string text, string dampener)
    {
        var result = Engine.Assess(text);

        Assert.True(result.Level <= RiskLevel.Low, $"{text}: {result.Level}");
        Assert.Contains(dampener, result.Rules);
    }

    [Theory]
    [InlineData("ロキソニン処方されたから食後に1錠飲んだ")]
    [InlineData("塾の帰りに歩道橋の上から夕焼け撮った")]
    [InlineData("テストまじ死ぬｗ")]
    [InlineData("屋上で弁当食べた")]
    public void OrdinaryLife_IsNotRaised(string text) =>
        Assert.True(Engine.Assess(text).Level <= RiskLevel.Low, text);

    [Theory]
    [InlineData("自殺についてレポート書いてるけど、正直わたしも死にたい", RiskLevel.High)]
    [InlineData("ドラマ見てたら、今から屋上行こうかなって", RiskLevel.Critical)]
    [InlineData("キャンプ場の車の中で練炭焚く", RiskLevel.Critical)]
    [InlineData("処方された薬、全部まとめて飲んだ", RiskLevel.Critical)]
    [InlineData("バレたら殺されるｗ毎日殴られてるし", RiskLevel.High)]
    [InlineData("ニュース見てて思った、うちも毎晩父に蹴られてる", RiskLevel.High)]
    [InlineData("卒業式の日、今までありがとうって送って、もう戻らないつもり", RiskLevel.Critical)]
    public void RealDangerNextToTheSameContextWords_IsNotDampened(string text, RiskLevel atLeast) =>
        Assert.True(Engine.Assess(text).Level >= atLeast, text);

    [Fact]
    public void AnEarlierWish_MakesADangerousPlaceCritical()
    {
        var now = new DateTimeOffset(2026, 3, 1, 21, 0, 0, TimeSpan.Zero);
        var conversation = ConversationRisk.Empty;
        var first = Engine.Assess("もう消えたい", conversation, now);
        conversation = conversation.Update(first, now);

        var alone = Engine.Assess("いま橋の上");
        var inContext = Engine.Assess("いま橋の上", conversation, now.AddMinutes(4));

        // Alone, "now on a bridge" is two kinds of sign (a place of danger, now): critical since round 12, as the rubric
        // has 屋上にいる; after the wish the conversation rule names the earlier message too.
        Assert.Equal(RiskLevel.Critical, alone.Level);
        Assert.Contains("two-kinds-place-soon", alone.Rules);
        Assert.Equal(RiskLevel.Critical, inContext.Level);
        Assert.Contains("place-after-distress", inContext.Rules);
        Assert.Contains("place_of_danger", inContext.Situations);

        // Outside the recent window the earlier wish no longer combines.
        var later = Engine.Assess("いま橋の上", conversation, now + ConversationRisk.RecentWindow + TimeSpan.FromMinutes(1));
        Assert.DoesNotContain("place-after-distress", later.Rules);
    }

    [Theory]
    [InlineData("また切っちゃった🩸", RiskLevel.High)]
    [InlineData("また切っちゃった。腕が血だらけ", RiskLevel.High)]
    public void CuttingAgainWithBlood_IsHigh(string text, RiskLevel atLeast) =>
        Assert.True(Engine.Assess(text).Level >= atLeast, text);

    [Theory]
    [InlineData("前髪また切っちゃった")]
    [InlineData("また切っちゃった、爪を短く")]
    public void CuttingHairOrNailsAgain_IsNoAlarm(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, text);

    [Theory]
    [InlineData("くらすのこにわるぐちいわれる", "ばいばい", RiskLevel.Medium)]
    [InlineData("部活つらい。先輩にずっと無視されてる", "またね、ばいばい", RiskLevel.Medium)]
    [InlineData("もう死にたい", "ばいばい", RiskLevel.Critical)]
    [InlineData("手首切っちゃった", "みんな元気でね", RiskLevel.Critical)]
    public void AnOrdinaryGoodbye_IsFinalityOnlyAfterAWishToDieOrSelfHarm(string earlier, string goodbye, RiskLevel expected)
    {
        var now = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var conversation = ConversationRisk.Empty;
        conversation = conversation.Update(Engine.Assess(earlier, conversation, now), now);

        var last = Engine.Assess(goodbye, conversation, now.AddMinutes(3));

        if (expected == RiskLevel.Critical)
        {
            Assert.Equal(RiskLevel.Critical, last.Level);
            Assert.Contains("finality", last.Situations);
        }
        else
        {
            // A child who was bullied and says goodbye is not sent the crisis block.
            Assert.True(last.Level <= expected, $"{goodbye} after {earlier}: {last.Level}");
        }
    }

    [Fact]
    public void ConversationMemory_IsBoundedAndSurvivesJson()
    {
        var now = new DateTimeOffset(2026, 3, 1, 21, 0, 0, TimeSpan.Zero);
        var conversation = ConversationRisk.Empty;
        for (var i = 0; i < 12; i++)
        {
            var message = Engine.Assess(i == 0 ? "消えたい" : "うん", conversation, now);
            conversation = conversation.Update(message, now);
            now = now.AddMinutes(1);
        }

        Assert.Equal(ConversationRisk.MaxRecentMessages, conversation.RecentMessages!.Count);
        Assert.All(conversation.RecentMessages, m => Assert.True(m.CueClasses.Count <= ConversationRisk.MaxClassesPerMessage));

        var json = JsonSerializer.Serialize(conversation);
        var copy = JsonSerializer.Deserialize<ConversationRisk>(json)!;
        Assert.Equal(conversation.RecentMessages.Count, copy.RecentMessages!.Count);
        Assert.Equal(conversation.RecentMessages[^1].CueClasses, copy.RecentMessages[^1].CueClasses);
        Assert.Equal(conversation.Level, copy.Level);
        Assert.DoesNotContain("消えたい", json, StringComparison.Ordinal);

        // State written before the memory existed still reads.
        var old = JsonSerializer.Deserialize<ConversationRisk>("""{"Level":3,"Categories":[0],"CriticalAt":null,"HighSeenAt":null,"MediumSeenAt":null,"LowSeenAt":null,"UpdatedAt":null,"LexiconVersion":"x"}""")!;
        Assert.Null(old.RecentMessages);
        var fromOld = Engine.Assess("いま橋の上", old, now);
        Assert.Equal(RiskLevel.Critical, fromOld.Level);
        Assert.DoesNotContain("place-after-distress", fromOld.Rules);
    }
}
