using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The lead's round-14 classes (Lexicon/lead14.yaml, docs/risk.md "Round 14"): kinds of situation two new writers showed
/// missing or raised wrongly, written here in other words than their sets', both ways. Read by the lexicon alone (no
/// learned backstop), so each case tests a class and not the model.
/// </summary>
public class LeadRoundFourteenTests
{
    private static readonly RiskEngine Lexicon = new(RiskLexicon.LoadEmbedded());

    [Theory]
    [InlineData("波のとこまで来た。このまま海に入ってったら楽になるかな", "into-the-sea-relief")]
    [InlineData("立体駐車場のてっぺん。下の車がちっさく見える", "height-looking-down-small")]
    [InlineData("雪の上で寝ようかな。コートも脱いだ", "snow-lying-coat-off")]
    [InlineData("通販で頼んでたやつ届いた。これで楽になれる", "ordered-arrived-relief")]
    [InlineData("アプリで会った人の部屋。鍵かけられて、脱げって言われてる", "locked-in-told-to-undress")]
    [InlineData("車で海のほうまで来た。ホース持ってきてる", "hose-in-the-car")]
    [InlineData("鉄道橋の歩道にいる。下をのぞいたら川が速い", "bridge-middle-looking-down")]
    [InlineData("薬のシート、半分ほど飲んだ。頭がぐらぐらする", "half-taken-head-light")]
    [InlineData("部屋の窓、ガムテで目張りした。あとは火つけるだけ", "sealed-and-only-fire-left")]
    [InlineData("垢もデータもぜんぶ消した。あとは行くだけ", "accounts-deleted-only-leaving")]
    [InlineData("踏切のそばにいる。特急が来るまであと5分", "tracks-until-the-train")]
    [InlineData("今までありがとう。通帳は本棚の裏、パスワードはメモに書いた", "farewell-and-affairs")]
    [InlineData("兄がトイレに鍵かけて、もう飲んだって言ってる", "locked-room-already-taken")]
    [InlineData("最後の配信はもう終えた。あとは屋上から", "last-post-and-a-window")]
    [InlineData("ご迷惑をおかけしました。今夜の船から、と決めています", "ferry-decided")]
    [InlineData("元彼が玄関の前に来てて、開けろってずっと叩いてる", "ex-at-door-shouting-open")]
    [InlineData("兄が殺してやるって包丁だしてきた", "knife-out-at-home")]
    public void A_situation_of_danger_now_is_critical(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level == RiskLevel.Critical, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("首にカミソリ当ててる")]
    [InlineData("ドアノブで首ってできるのかな、今夜ためす")]
    [InlineData("甲板から飛び込むつもり")]
    [InlineData("柵の向こう側に立ってる")]
    [InlineData("さっきオーバードーズした")]
    [InlineData("この子も道連れにするしかない")]
    public void A_method_under_way_or_decided_is_critical(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level == RiskLevel.Critical, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("カミングアウトしたら出てけって言われた。今夜どこ行けばいい", "told-to-leave-nowhere-today")]
    [InlineData("彼女にスマホ全部見せろって言われる。断ると物投げてくる", "partner-control-and-smashing")]
    [InlineData("また屋上に呼び出された。前に鼻の骨折られた", "summoned-after-injury")]
    [InlineData("ホームで突き落とされそうになった、じゃなくて階段から突き落とされた", "pushed-down-stairs")]
    [InlineData("ママが4日帰ってこない。ご飯もない", "parent-gone-food-gone")]
    public void Harm_told_by_situation_is_high(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("4にてぇ…", SupportCategory.Suicidal)]
    [InlineData("死にたいとかじゃないけど、ぽっくり逝けたらな", SupportCategory.Suicidal)]
    [InlineData("タバコで自分の腕を焼いてしまう", SupportCategory.SelfHarm)]
    [InlineData("カミソリの刃を引き出しにためてる", SupportCategory.SelfHarm)]
    [InlineData("また💊で飛ぼうかな", SupportCategory.SelfHarm)]
    [InlineData("毎日吐いてたら喉から血が出た", SupportCategory.Health)]
    [InlineData("通話で裸見せてって言われてる", SupportCategory.SexualViolence)]
    public void Harm_in_other_words_is_high(string text, SupportCategory category)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(category, result.Categories);
    }

    [Theory]
    [InlineData("薬学の小テストで致死量の問題が出た")]
    [InlineData("化学の実験で塩素のにおいで死ぬかと思ったｗ")]
    [InlineData("ゴキブリ出た、殺虫剤ぜんぶ使った、もう無理")]
    [InlineData("テスト休みでひますぎてしぬ")]
    [InlineData("負けすぎて死にたいｗ ランク戻して")]
    [InlineData("『死にたいくらい好き』ってどの歌だっけ")]
    [InlineData("カラオケで『さよなら』系の歌ったら90点")]
    [InlineData("ホラーゲームの首吊りステージこわすぎた")]
    [InlineData("おじいちゃんの遺言書の件で公証役場に付き添った")]
    [InlineData("新しいエフェクターでODの音作った")]
    [InlineData("ゼミのテーマが自殺対策だった")]
    [InlineData("自殺点してしまって部活で気まずい")]
    [InlineData("天守閣を見に行ったら高くて、落ちたら終わりって話してた")]
    [InlineData("うまい寿司、もう死んでもいいって言うほどだった")]
    [InlineData("引っ越すから出てけって大家さんじゃなくて兄に冗談で言われた")]
    [InlineData("洗車するから車にホース積んでる")]
    [InlineData("宅配の人が玄関の前にいるけど出られない")]
    public void Look_alikes_stay_below_high(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("去年は4にてぇってずっと思ってた。いまは平気")]
    [InlineData("ネットに顔写真さらされて、本名まで特定された")]
    public void Past_wishes_and_exposure_without_pictures_are_not_high(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Fact]
    public void A_knife_and_hurtful_words_without_a_threat_to_kill_stay_high_not_critical()
    {
        var result = Lexicon.Assess("父が包丁持ち出して、お前なんかいらんって怒鳴った");
        Assert.Equal(RiskLevel.High, result.Level);
        Assert.DoesNotContain("knife-out-at-home", result.Rules);
    }
}
