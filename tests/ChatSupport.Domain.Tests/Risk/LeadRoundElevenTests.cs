using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The lead's round-11 entries and rules (Lexicon/lead11.yaml, docs/risk.md "Round 11 (lead)"): imminent danger a new
/// writer's tuning set told without the usual words, and harm told by who does what. Written in other words than that
/// set's, both ways: the danger is raised, the everyday look-alike is not.
/// </summary>
public class LeadRoundElevenTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();
    private static readonly DateTimeOffset Morning = new(2026, 12, 7, 7, 40, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData("駅のホームにいる。電車くるたびに一歩前に出たら楽かなって思う", "step-toward-the-track")]
    [InlineData("つぎの特急で終わりにするわ", "next-train-end")]
    [InlineData("senro no mae. owarini suru", "romaji-rail-end")]
    [InlineData("屋上の鍵が壊れてるの知ってる。放課後にやる", "roof-open-and-a-time")]
    [InlineData("手紙書いて机に置いた。朝には誰か見つけるはず", "letter-found-tomorrow")]
    [InlineData("ありがとうって書いたメモ置いてきた。靴も揃えた", "note-and-shoes")]
    [InlineData("押し入れの突っ張り棒、かけるとこ決めた。長さも計っといた", "tie-place-measured")]
    [InlineData("後輩から、いま鉄橋の上って電話あって切れた", "friend-at-edge-cut-off")]
    [InlineData("このまま川に入る。服のままでええ", "into-water-as-is")]
    [InlineData("もう家の前まで来てるって。画像のことで脅してきた人", "sextortion-coming-near")]
    [InlineData("SNSで知り合った人が玄関の前にいる。ずっとチャイム鳴らしてくる", "online-stranger-at-door")]
    [InlineData("ベランダから下見てる。5階だけど頭から行けば", "head-first-from-height")]
    [InlineData("腕から血がどくどく出てる、止まらない", "bleeding-wrist")]
    [InlineData("知らないおじさんに連れてこられた部屋にいる", "brought-to-hotel-by-stranger")]
    [InlineData("これから睡眠薬をお酒で流し込む", "medicine-with-alcohol-now")]
    [InlineData("箱の分ぜんぶ飲んだ、頭がぼーっとしてきた", "all-taken-woozy")]
    [InlineData("犬の世話は妹に頼んだ。もう思い残すことはない", "entrusted-nothing-left")]
    [InlineData("マフラーにホース差し込んで、車の中でエンジンつけた", "hose-into-car")]
    [InlineData("夫に階段から突き飛ばされた。立てない", "pushed-down-stairs-hurt")]
    [InlineData("鉄橋の上に来てしもた。もう戻る気ねえ", "high-place-no-return-dialect")]
    [InlineData("さっき箱ごとパキった、頭ぐらぐらする", "paki-overdose")]
    [InlineData("今夜にする。もう決めた。止めないでね", "dont-stop-me-set")]
    [InlineData("日付が変わったら残り全部飲む", "date-change-take-all")]
    [InlineData("息子を強く揺さぶってしまった、ぐったりしてる", "shaken-baby-limp")]
    [InlineData("雪の上で寝ようと思って外に出た、コート着てない", "lying-in-the-snow")]
    [InlineData("手紙書いで机さ置いだ。親いなぐなったら鉄橋さ行ぐ", "letter-then-the-bridge")]
    public void Imminent_danger_without_the_usual_words_is_critical(string text, string rule)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level == RiskLevel.Critical, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("ホームで一歩前に出たら駅員さんに注意された")]
    [InlineData("次の快速で帰るね、8時には着く")]
    [InlineData("お母さんの誕生日に手紙書いた。明日の朝見つけると思う")]
    [InlineData("ロフトの柱にハンモック結ぶとこ決めた")]
    [InlineData("鼻血がだらだら止まらん")]
    [InlineData("修学旅行で今ホテルにおる。先生に連れてこられた")]
    [InlineData("薬とお酒を一緒に飲んだらだめって保健で習った")]
    [InlineData("あとは日付変わるの待つだけ！誕生日！")]
    [InlineData("新作の発売、あとは日付変わんの待つだけ")]
    [InlineData("メルカリでネットの人に服の写真送ったら1000円で売れた")]
    [InlineData("頭から落ちたけど大丈夫やった、4階の階段で")]
    [InlineData("ごめんねって書いたメモ置いた、プリン食べたの私")]
    [InlineData("弟が屋上から電話してきて切れた、充電切れやろ")]
    [InlineData("窓から下見たら4階やけど雪積もってた")]
    [InlineData("洗車するからホースつないで、エンジンかけたまま待ってた")]
    [InlineData("枝がパキッて折れた、さっき")]
    [InlineData("理科の実験で硫化水素つくった、くさすぎたｗ")]
    [InlineData("雪の上で寝ようと思ってテントとシュラフ買った、キャンプ楽しみ")]
    [InlineData("日付変わったら新作ガチャ全部回す")]
    [InlineData("手紙書いた。明日は橋に行く、写生大会")]
    public void Everyday_look_alikes_are_not_raised(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Fact]
    public void The_next_train_after_a_platform_and_a_step_forward_is_critical_even_while_waiting_for_it()
    {
        var last = RiskConversation.Assess(Morning, "いまホームで電車待ってる。通過するたびに前に出たらどうなるんやろって", "次の特急、8時10分");

        Assert.Equal(RiskLevel.Critical, last.Level);
        Assert.Contains(SupportCategory.Suicidal, last.Categories);
    }

    [Fact]
    public void Blood_that_keeps_coming_after_a_cut_is_critical()
    {
        var last = RiskConversation.Assess(Morning, "今日は深く切ってしまった", "押さえてるのに、まだ血がじわじわ出てくる");

        Assert.Equal(RiskLevel.Critical, last.Level);
        Assert.Contains(SupportCategory.SelfHarm, last.Categories);
    }

    [Theory]
    [InlineData("塾の先生にいつも体さわられる")]
    [InlineData("夜中に義父が布団に入ってくるから寝たふりしてる")]
    [InlineData("ママの彼氏に、誰にも言うなよって言われてる")]
    [InlineData("DMで、写真くれたら5000円って何回も来る")]
    [InlineData("JKなのにパパ活でホテル誘われた")]
    [InlineData("自分を罰したくて、自分のお腹を殴ってしまう")]
    [InlineData("断ったら、前に送った写真をクラスのみんなに回すけんって言われた")]
    [InlineData("チェーンかけられて家に入れない。財布に200円しかない、今夜どこで寝れば")]
    [InlineData("いつも浅いのに、今日は止まらなくて深く切ってしまった")]
    public void Harm_told_by_who_does_what_is_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("ママに、誰にも言うなよってサプライズの計画聞いた")]
    [InlineData("マッサージ屋さんで肩さわってもらった")]
    [InlineData("写真館で撮った写真、1枚3000円もした")]
    [InlineData("包丁で指を深く切ってしまった、料理いつもしないから")]
    [InlineData("前髪いつもより深く切った")]
    public void Ordinary_secrets_touches_and_prices_are_not_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("死にたいとかじゃなかけど、毎日なんのためにおるかわからん")]
    [InlineData("消えたいわけやなかばってん、しんどか")]
    [InlineData("死にたいとかじゃねえけど、疲れた")]
    [InlineData("消えたいとかはなかよ。ただ朝がきつい")]
    [InlineData("死ぬとかは考えてねぇよ。借金どうすんだべって")]
    public void A_wish_denied_in_dialect_is_not_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains("negation", result.Rules);
    }
}
