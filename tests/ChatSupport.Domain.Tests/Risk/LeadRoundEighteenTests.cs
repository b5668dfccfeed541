using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 18's classes (Lexicon/lead18.yaml, docs/risk.md "Round 18"): kinds of situation the apart21 writer showed
/// missing or raised wrongly, and five found in the held-out conversations p22, written here in other words than the
/// set's and the conversations', both ways where a near miss exists. Read by the lexicon alone (no learned backstop),
/// so each case tests a class and not the model; the p22 false alarms are also read with the backstop.
/// </summary>
public class LeadRoundEighteenTests
{
    private static readonly RiskEngine Lexicon = new(RiskLexicon.LoadEmbedded());

    private static readonly Lazy<RiskEngine> WithBackstop = new(() => new RiskEngine(RiskLexicon.LoadEmbedded(), RiskModel.LoadEmbedded()));

    [Theory]
    [InlineData("いま継父がママの首を絞めてる、どうしよう", "strangling-now")]
    [InlineData("首に巻く紐、カーテンレールにくくってある", "neck-cord-tied")]
    [InlineData("家族宛てのメモ置いてきた。明日の朝やる", "text-to-all-and-a-time")]
    [InlineData("本とか服、全部後輩にゆずった。残りは今晩だけ", "given-away-only-tonight")]
    [InlineData("マンガもゲームも全部いとこに渡した。あとは夜だけ", "given-away-only-tonight")]
    [InlineData("元彼がこれから行くって。ずっとピンポン鳴らされてる", "pursuer-at-the-door-now")]
    [InlineData("継父がいまベッドのそばに座ってる。動けない", "adult-beside-bed-now")]
    [InlineData("雪の上に寝転んだ。だんだん眠くなってきた", "lying-in-snow-cold-fading")]
    [InlineData("何粒いったか覚えてない。もっと足りんと思う", "pills-count-lost-not-enough")]
    [InlineData("柵のない崖、もう決めといた", "no-guardrail-place-found")]
    [InlineData("踏切のとこで電車を何本もやり過ごしてる", "crossing-trains-let-pass")]
    [InlineData("食べ吐きしたあと心臓がドキドキして起き上がれない", "purging-heart-racing-cannot-stand")]
    [InlineData("実家の住所は知ってるぞって言われた。指示された場所に向かってる", "dark-job-threat-on-the-way-now")]
    [InlineData("いまやられた。下着が見つからない", "just-assaulted-clothes-gone")]
    [InlineData("継母に玄関の外に締め出されて2時間、薄着で雪", "parent-shut-out-in-the-snow")]
    [InlineData("写真ばらまかれたら、もう消えるしかない", "only-death-under-sextortion")]
    [InlineData("ママごめん。枕元にメモ置いといた", "letter-in-place-and-sorry")]
    [InlineData("踏切わきの柵のすきまを通った", "into-the-tracks-through-the-fence")]
    public void A_situation_of_danger_now_is_critical(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level == RiskLevel.Critical, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("部活のやつらに生きてる価値ないって言われ続けて、自分でもそう思えてきた", "told-not-worth-living-and-agreeing")]
    [InlineData("叩いた後の彼はすごく優しい。だから離れられない", "partner-kind-after-hitting")]
    [InlineData("旦那、言い返すと殴ってくる", "hit-when-talked-back")]
    [InlineData("父は口答えしたら蹴ってくる", "hit-when-talked-back-family")]
    [InlineData("おっかあに頬張られた", "parent-slap-dialect")]
    [InlineData("出てけって言われて、もう家に帰れない", "thrown-out-cannot-go-home")]
    [InlineData("車で寝るの10日目。氷点下らしい", "living-in-a-car-in-the-cold")]
    [InlineData("元カレに引っ越し先を知られた。これから家行くって", "pursuer-knows-home-near-or-threat")]
    [InlineData("久しぶりに手首やってもうた", "self-harm-slang")]
    [InlineData("半袖で手首見えたらやばい、傷がまた増えた", "marks-grow-and-hidden")]
    [InlineData("いとこが夜中に布団に入ってくる", "sibling-comes-to-room-at-night")]
    [InlineData("コーチに特別だからって言われて、ふたりっきりで練習させられる", "teacher-special-alone")]
    [InlineData("何個飲んだっけ、覚えてない。眠剤", "pills-count-lost")]
    [InlineData("平気って言ってるけど、毎晩窓から下を見ちゃう", "looking-down-from-the-balcony-nightly")]
    [InlineData("吐くのが止まらん。体なんてどうなってもいい", "purging-body-given-up")]
    [InlineData("母がもう3日帰らない。食べるものがない", "parents-away-days-food-gone")]
    [InlineData("生理が遅れてる。彼は25歳で、私は13", "adult-partner-young-teen-period-late")]
    [InlineData("苦しまない方法を検索してる", "painless-end-searched")]
    [InlineData("カッターのことしか考えられない", "blade-thoughts")]
    public void Harm_told_by_situation_is_high(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level == RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("いなくなりたいけど、死にたいわけじゃない")]
    [InlineData("消えたいけど死にとうはないんよ")]
    public void A_wish_to_vanish_beside_not_to_die_stays_high(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level == RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(SupportCategory.Suicidal, result.Categories);
        Assert.Contains(result.Matches, m => m.EntryId == "vanish-but-not-die");
    }

    [Fact]
    public void Cutting_one_cannot_stop_in_english_is_high_self_harm()
    {
        var result = Lexicon.Assess("I can't stop cutting, nobody knows");
        Assert.Equal(RiskLevel.High, result.Level);
        Assert.Contains(SupportCategory.SelfHarm, result.Categories);
    }

    [Theory]
    [InlineData("お父さんがネクタイを締めてる")]
    [InlineData("紙袋をドアノブにかけといたよ")]
    [InlineData("ケンカしたあと彼が優しくなる")]
    [InlineData("口答えすると怒られる")]
    [InlineData("おとうとが肩たたいてくれた")]
    [InlineData("出ていけって言われたけど、夜には帰った")]
    [InlineData("キャンプで車中泊したけど寒かった、マイナス2度")]
    [InlineData("友達がこれから行くって。チャイム鳴ってる、来たかも")]
    [InlineData("宅配の人に家の場所わからないって電話された")]
    [InlineData("部活で腕やっちゃった、捻挫かも")]
    [InlineData("腕見られそうで恥ずかしい、毛が濃いから")]
    [InlineData("ママの彼氏が酔って帰ってきて、いまリビングで寝てる")]
    [InlineData("塾の先生に特別だからって課題増やされた")]
    [InlineData("雪の上に寝っ転がって写真撮った、さむっ")]
    [InlineData("ガードレールのない道、こわいから運転気をつけて")]
    [InlineData("開かずの踏切で電車を何本も見送った、遅刻する")]
    [InlineData("毎晩ベランダから下のぞいて猫探してる")]
    [InlineData("つわりで吐くのやめられない")]
    [InlineData("さっきされたこと、ムカつく")]
    [InlineData("兄に部屋に来られてゲームの音うるさいって言われた")]
    [InlineData("テスト範囲広すぎて、もう徹夜するしかない")]
    [InlineData("ばあちゃんと一緒に旅行に行けたら楽しいな")]
    [InlineData("いま公園のベンチで友達待ってる。暗くなってきた")]
    [InlineData("いまコンビニの前。雪ふってきたから急いで帰る")]
    [InlineData("いま部活おわり。外さむくなってきた")]
    [InlineData("線路沿いのフェンスの穴からボールを取った")]
    [InlineData("ドラマの痛くない終わり方を調べてる")]
    [InlineData("お母さんごめんね、遅くなる")]
    public void The_near_miss_is_not_high(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("赤点とったらおかんに殺される", "dampen-bad-score-parent-anger")]
    [InlineData("じいちゃん、孫が好きすぎて「食べちゃうぞ、ころすぞ」が口癖", "dampen-loving-catchphrase")]
    [InlineData("夏休みにスカイダイビングする！空から飛び降りるの楽しみ", "dampen-jump-for-fun")]
    public void A_false_alarm_is_low(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level <= RiskLevel.Low, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("テスト悪かったら親に殴られる。前は血が出た")]
    [InlineData("母の口癖は「あんたなんか産まなきゃよかった」")]
    [InlineData("自殺の方法調べてる")]
    [InlineData("自殺率の高い橋に来た")]
    [InlineData("SNSで会った大人が泊めてくれるって！ありがと")]
    public void The_dampeners_near_miss_stays_high(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    // ---------------------------------------------------------------- p22 (own sentences, not the conversations')

    [Fact]
    public void A_pursuer_who_knows_the_home_is_violence_not_a_work_worry()
    {
        var told = Lexicon.Assess("店の常連にしつこくDMされてて、住んでるとこバレたっぽい");
        Assert.Equal(RiskLevel.Medium, told.Level);
        Assert.Contains(SupportCategory.Dv, told.Categories);
        Assert.Contains("pursuer-knows-home", told.Rules);

        var coming = Lexicon.Assess("元カレに引っ越し先を知られた。これから家行くって");
        Assert.Equal(RiskLevel.High, coming.Level);
        Assert.Contains(SupportCategory.Dv, coming.Categories);

        var atTheDoor = Lexicon.Assess("元彼がこれから行くって。ずっとピンポン鳴らされてる");
        Assert.Equal(RiskLevel.Critical, atTheDoor.Level);
        Assert.Contains("violence_now", atTheDoor.Situations);
        Assert.Contains(SupportCategory.Dv, atTheDoor.Categories);

        // Nobody pursuing: a delivery that cannot find the house, a friend at the door.
        Assert.True(Lexicon.Assess("宅配の人に家の場所わからないって電話された").Level < RiskLevel.Medium);
        Assert.True(Lexicon.Assess("友達がこれから行くって。チャイム鳴ってる、来たかも").Level < RiskLevel.Medium);
    }

    [Fact]
    public void The_fear_he_will_flare_up_after_the_home_was_told_is_high_across_messages()
    {
        var now = new DateTimeOffset(2026, 12, 24, 13, 40, 0, TimeSpan.Zero);
        var first = Lexicon.Assess("客から毎日LINE来る。家の住所もバレてるっぽい", ConversationRisk.Empty, now);
        Assert.Contains(SupportCategory.Dv, first.Categories);
        var conversation = ConversationRisk.Empty.Update(first, now);
        var later = Lexicon.Assess("無視したら逆上されそうで怖い", conversation, now.AddMinutes(3));
        Assert.True(later.Level >= RiskLevel.High, $"{later.Level} ({string.Join(",", later.Rules)})");
        Assert.Contains("pursuer-flare-up-after-home-known", later.Rules);
        Assert.True(Lexicon.Assess("無視したら逆上されそうで怖い", ConversationRisk.Empty, now).Level < RiskLevel.High);
    }

    [Theory]
    [InlineData("もういっか。眠ったら全部終わるし")]
    [InlineData("どうせ寝たら終わるんやし")]
    public void Hopeless_with_sleep_as_the_ending_is_high(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains("hopeless-sleep-ends-it", result.Rules);
        Assert.Contains(SupportCategory.Suicidal, result.Categories);
    }

    [Fact]
    public void A_carers_wish_to_vanish_together_names_the_other_person()
    {
        var result = Lexicon.Assess("母の介護もう限界。母ごと消えられたらって考えちゃう");
        Assert.Equal(RiskLevel.High, result.Level);
        Assert.Contains("vanish-together-with-the-one-cared-for", result.Rules);
        Assert.Contains(SupportCategory.Suicidal, result.Categories);
        Assert.Contains(SupportCategory.OtherPerson, result.Categories);
    }

    [Fact]
    public void Death_as_the_only_way_under_sextortion_is_critical_beside_online_harm()
    {
        var inOne = Lexicon.Assess("写真ばらまかれたら、もう消えるしかない");
        Assert.Equal(RiskLevel.Critical, inOne.Level);
        Assert.Contains(SupportCategory.Suicidal, inOne.Categories);
        Assert.Contains(SupportCategory.OnlineHarm, inOne.Categories);

        var now = new DateTimeOffset(2027, 1, 1, 18, 20, 0, TimeSpan.Zero);
        var first = Lexicon.Assess("もっと送らないとネットに流すって言われた", ConversationRisk.Empty, now);
        var conversation = ConversationRisk.Empty.Update(first, now);
        var later = Lexicon.Assess("そうなったら死ぬしかない", conversation, now.AddMinutes(2));
        Assert.Equal(RiskLevel.Critical, later.Level);
        Assert.Contains("only-death-after-sextortion", later.Rules);
        Assert.Contains(SupportCategory.OnlineHarm, later.Categories);

        // Without a threat, "nothing left but to stay up all night" is not this rule.
        Assert.DoesNotContain("only-death-under-sextortion", Lexicon.Assess("テスト範囲広すぎて、もう徹夜するしかない").Rules);
    }

    [Theory]
    [InlineData("泊めてくれるって！よかった、いまから行く", "dampen-bed-found-thanks")]
    [InlineData("自殺の件数がこんなに多いってはじめて知った", "dampen-suicide-figures-looked-up")]
    public void A_p22_false_alarm_is_low_with_the_lexicon_and_with_the_backstop(string text, string rule)
    {
        var lexicon = Lexicon.Assess(text);
        Assert.True(lexicon.Level <= RiskLevel.Low, $"{text}: {lexicon.Level} ({string.Join(",", lexicon.Rules)})");
        // The dampener fires where a raising term matched; since round 18's lead change 「泊めてくれるって」 alone raises nothing.
        Assert.True(lexicon.Matches.Count == 0 || lexicon.Rules.Contains(rule), $"{text}: {string.Join(",", lexicon.Rules)}");

        var whole = WithBackstop.Value.Assess(text);
        Assert.True(whole.Level <= RiskLevel.Low, $"{text}: {whole.Level} ({string.Join(",", whole.Rules)})");
        Assert.DoesNotContain(whole.Rules, r => r.StartsWith("model_", StringComparison.Ordinal));
    }
}
