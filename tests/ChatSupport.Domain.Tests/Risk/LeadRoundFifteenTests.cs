using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The lead's round-15 classes (Lexicon/lead15.yaml, docs/risk.md "Round 15"): kinds of situation the apart18 writer
/// (and what apart16/17 still missed) showed missing or raised wrongly, written here in other words than the sets', both
/// ways. Read by the lexicon alone (no learned backstop), so each case tests a class and not the model.
/// </summary>
public class LeadRoundFifteenTests
{
    private static readonly RiskEngine Lexicon = new(RiskLexicon.LoadEmbedded());

    [Theory]
    [InlineData("うちのハムスターの世話、頼んだよ。じゃあそろそろ行くわ", "pet-entrusted-going-now")]
    [InlineData("アプリで会った人にこれから家に連れてかれる、怖い", "taken-by-online-contact-now")]
    [InlineData("出会い系の人の車で知らん家に連れてかれてる", "being-taken-by-online-contact")]
    [InlineData("夫に部屋に閉じ込められて出してもらえん", "locked-in-by-partner-now")]
    [InlineData("家族ひとりずつに手紙書いたけん、あとで渡してね", "letters-for-all-handed-over")]
    [InlineData("船のデッキにおる。飛び込もうかって考えとる", "deck-jump-thought")]
    [InlineData("おら、これから川さ入る。世話になったな", "into-water-with-parting")]
    [InlineData("歩道橋きた。さむい", "danger-place-bare-now")]
    [InlineData("鉄橋の上で1時間ずっといる", "long-stay-at-danger-place")]
    [InlineData("首吊るとこの下調べしてきた", "jump-place-scouted")]
    [InlineData("持ち物はほとんど友達に譲った。今日でおしまい", "gave-away-last-tonight")]
    public void A_situation_of_danger_now_is_critical(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level == RiskLevel.Critical, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("包丁、首に当てとる")]
    [InlineData("カミソリを腕にあてた")]
    public void A_blade_named_first_and_held_to_the_body_is_critical(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level == RiskLevel.Critical, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("母に毎日消えろって言われる", "told-to-die-by-family")]
    [InlineData("食べては吐くの、今日もう4回", "purging-many-times-today")]
    [InlineData("痩せなきゃだから4日食べてない、立ちくらみがひどい", "starving-days-body-failing")]
    [InlineData("おじさんにされたこと、まだ誰にも話せてない", "relative-did-untold")]
    [InlineData("出会い系の男にゴムつけずにやられた", "unprotected-by-contact")]
    [InlineData("かっちゃに叩かれで、あざでぎだ", "struck-by-family-swollen")]
    [InlineData("母が何日も帰らない、ご飯もうない", "parent-gone-days-no-food")]
    [InlineData("去年首つろうとしたことある。いままたあの時の気持ちになってる", "past-attempt-feeling-back")]
    [InlineData("もうODはやめたけど、薬箱見ると手が伸びそう", "od-urge-back")]
    [InlineData("塾の先生から「ふたりで出かけよう」ってLINE。中2です", "adult-courting-a-minor")]
    [InlineData("じいちゃんの世話で限界、叩いてしまいそうな自分が怖い", "carer-afraid-of-hurting")]
    public void Harm_told_by_situation_is_high(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("せき止めなしじゃ学校いけん", SupportCategory.SelfHarm)]
    [InlineData("kyou mo kitta", SupportCategory.SelfHarm)]
    [InlineData("オンゲの友達に通話でパンツ見せろってしつこく言われる", SupportCategory.SexualViolence)]
    public void Harm_in_other_words_is_high(string text, SupportCategory category)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(category, result.Categories);
    }

    [Theory]
    [InlineData("旅行の間、猫のことお願いします。もう行くね、空港")]
    [InlineData("卒業式の日にみんなに手紙書いた。先生に渡しといて")]
    [InlineData("国語の授業で太宰の遺書の場面やった")]
    [InlineData("保健の授業で出てきたリスカってどういう意味")]
    [InlineData("ODってなんの略？保健の授業で聞いた")]
    [InlineData("推しが引退して生きる意味なくなったｗ")]
    [InlineData("屋上いる、昼休み弁当食べよ")]
    [InlineData("フェリーの甲板で写真撮った")]
    [InlineData("明日海さ入るべ、ありがとね")]
    [InlineData("今日で最後のバイト")]
    [InlineData("今日3回目の練習")]
    [InlineData("枝がパキッて折れた")]
    [InlineData("駅のホームで30分待ってる")]
    public void Look_alikes_stay_below_high(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Fact]
    public void Taken_by_an_online_contact_told_afterwards_stays_high_not_critical()
    {
        var result = Lexicon.Assess("パパ活の相手にホテル連れてかれて断れなかった");
        Assert.Equal(RiskLevel.High, result.Level);
        Assert.DoesNotContain("taken-by-online-contact-now", result.Rules);
    }
}
