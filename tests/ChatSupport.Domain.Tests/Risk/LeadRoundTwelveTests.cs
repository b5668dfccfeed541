using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The lead's round-12 groups and rules (Lexicon/lead12.yaml, docs/risk.md "Round 12 (kinds of signs)"): two different
/// kinds of imminent-danger sign in one message are critical whatever words carry them, and the situations read from
/// round 12's tuning writer. Written in other words than that set's, both ways.
/// </summary>
public class LeadRoundTwelveTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("便箋に書いて枕の下に入れた。パパ、ごめんね", "two-kinds-letter-bye")]
    [InlineData("もうどうでもいい。みんな元気でね", "two-kinds-bye-final")]
    [InlineData("ゆずれるものは全部ゆずった。手紙も書き上げた", "two-kinds-letter-final")]
    [InlineData("いま歩道橋の上。妹にありがとうって伝えて", "two-kinds-farewell-place")]
    [InlineData("もう決めた。今夜やる。場所も見てきた", "two-kinds-decided-set-time")]
    [InlineData("あの陸橋、今夜いく", "two-kinds-place-soon")]
    [InlineData("コード首に巻いてみたけど怖くなってやめた。今度こそ", "attempt-and-next")]
    [InlineData("後輩が「もう無理、消える」ってLINEしてきて、何回電話しても出ない", "two-kinds-farewell-unreachable")]
    [InlineData("マッチングアプリの人の車に乗ったら降ろしてくれない", "online-contact-car-will-not-stop")]
    [InlineData("元カレに殴られて、今も同じ家にいる。寝たふりしてる", "hit-and-still-there")]
    [InlineData("歩道橋の上。下の道路が小さく見える", "place-and-gaze-below")]
    [InlineData("非常階段の手すりの外に立ってる。いま", "edge-now-or-next-train")]
    [InlineData("国道の横で、飛び込む瞬間をはかってる", "jump-in-timing")]
    [InlineData("あちこちの薬局で買い集めた頭痛薬、数えたら90錠", "pills-gathered-counted")]
    [InlineData("洗剤2種類そろえた。今夜混ぜる", "chemicals-for-mixing")]
    public void Two_kinds_of_sign_or_a_situation_of_danger_now_are_critical(string text, string rule)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level == RiskLevel.Critical, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("継父に、ママには言うなって言われてる", "secret-by-step-parent")]
    [InlineData("夜になると兄が部屋に入ってきて、いやなことされる", "family-in-room-unwanted")]
    [InlineData("サークルの先輩に酔わされて、起きたら知らない部屋で記憶ない", "woke-unknown-after-drinks")]
    [InlineData("小2の弟と二人。お父さん帰ってこない。もう4日", "child-alone-for-days")]
    [InlineData("腕を血が出るまでかきむしってしまう", "scratch-until-blood")]
    [InlineData("眠剤わざと多めに飲むとふわふわして楽。毎晩やってる", "extra-dose-for-relief")]
    [InlineData("ママがパパに殴られてるの、ドアのすきまから見た", "parent-hurts-parent")]
    [InlineData("部活も勉強も全部やめたい。自分も", "quit-self-too")]
    [InlineData("母の彼氏が、寝てる間に部屋に入ってくることがある", "night-entry-by-parents-partner")]
    [InlineData("もう家には帰りたくない。駅のベンチ。暗くなってきた", "not-going-home-and-dark")]
    [InlineData("お母さんがもう5日帰ってこない。妹とカップ麺わけてる", "parent-away-days")]
    [InlineData("夜になると窓から下ばかり見てしまう", "looking-down-every-night")]
    public void Harm_told_by_situation_is_high(string text, string rule)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("転校する先輩にお別れの手紙書いた。さよならって寂しい")]
    [InlineData("旅行の最終日。明日の朝、あの橋に行く予定")]
    [InlineData("卒業式で先生に手紙わたした。今までありがとうって")]
    [InlineData("そんなんじゃねえよ、もういいや")]
    [InlineData("友達に電話したけど何回かけても出ない、充電切れかな")]
    [InlineData("次はちゃんとやる！テスト勉強")]
    [InlineData("理科の課題で自殺率の推移をグラフにする")]
    [InlineData("文化祭の劇の小道具で遺書っぽい手紙を作る")]
    [InlineData("お母さんにごめんって言われた。プリン食べたの私だった")]
    [InlineData("転校しても友達でおれんくなるのはいやや")]
    [InlineData("お父さんが夜中に部屋に入ってきて毛布かけてくれた")]
    [InlineData("おうちに帰りたくないくらい楽しい、まだ遊園地")]
    [InlineData("ホームのはしっこで次の快速待ってる、座りたいから")]
    [InlineData("プールに飛び込むタイミングがこわい、部活の練習")]
    [InlineData("パパが出張でもう3日帰ってこない、さみしい")]
    [InlineData("洗剤を混ぜるな危険って理科で習った")]
    [InlineData("恥ずかしすぎて消えたかったｗｗ")]
    public void Everyday_look_alikes_stay_below_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    /// <summary>
    /// Look-alikes that older entries still raise (a bare カッターで切, a razor among means, a goodbye on a roof in a
    /// drama, scratching a bite until it bleeds; docs/risk.md "Round 12", left alone): none of this round's rules adds to them.
    /// </summary>
    [Theory]
    [InlineData("カミソリじゃないけど、眉毛を剃るやつ買った")]
    [InlineData("ドラマで主人公が「みんな、さよなら」って屋上で言うシーン泣いた")]
    [InlineData("段ボールをカッターで切ってたら指をちょっと切った。絆創膏はった")]
    [InlineData("蚊に刺されたとこ血が出るまでかいちゃった")]
    public void No_round_twelve_rule_fires_on_look_alikes_older_entries_still_raise(string text)
        => Assert.DoesNotContain(Engine.Assess(text).Rules, Lead12Rules.Contains);

    [Fact]
    public void A_lesson_about_people_who_say_they_want_to_die_is_low_unless_the_writer_says_it_is_them()
    {
        var lesson = Engine.Assess("道徳の授業で、消えたいって言う友達への声のかけ方を習った");
        Assert.True(lesson.Level <= RiskLevel.Low, $"{lesson.Level} ({string.Join(",", lesson.Rules)})");

        var mine = Engine.Assess("授業で死にたいって言う人のサインの話を聞いて、自分もそうだと思った");
        Assert.True(mine.Level >= RiskLevel.High, mine.Level.ToString());
    }

    [Fact]
    public void Not_going_home_earlier_then_outside_as_it_gets_dark_is_high()
    {
        var now = new DateTimeOffset(2026, 12, 8, 17, 30, 0, TimeSpan.FromHours(9));
        var first = Engine.Assess("今日はうちに帰りたくない", ConversationRisk.Empty, now);
        var conversation = ConversationRisk.Empty.Update(first, now);

        var later = Engine.Assess("いま公園の滑り台のとこ。暗くなってきた", conversation, now.AddMinutes(5));

        Assert.True(later.Level >= RiskLevel.High, later.Level.ToString());
        Assert.Contains("outside-at-dark-after-not-going-home", later.Rules);
        Assert.True(Engine.Assess("いま公園の滑り台のとこ。暗くなってきた", ConversationRisk.Empty, now).Level < RiskLevel.High);
    }

    [Theory]
    [InlineData("いじめとかじゃないと思う、理由がわからない")]
    [InlineData("虐待とかではないけど親がうるさい")]
    public void A_harm_named_to_say_it_is_not_that_is_not_that_category(string text) =>
        Assert.DoesNotContain(SupportCategory.Bullying, Engine.Assess(text).Categories.Where(c => c is SupportCategory.Bullying or SupportCategory.Abuse));

    private static readonly HashSet<string> Lead12Rules =
    [
        "two-kinds-letter-bye", "two-kinds-bye-final", "two-kinds-letter-final", "two-kinds-farewell-place",
        "two-kinds-farewell-means", "two-kinds-farewell-unreachable", "two-kinds-final-place", "two-kinds-final-means",
        "two-kinds-final-soon", "two-kinds-decided-set-time", "two-kinds-place-means", "two-kinds-place-soon", "two-kinds-means-soon", "attempt-and-next",
        "secret-by-step-parent", "family-in-room-unwanted", "woke-unknown-after-drinks", "child-alone-for-days",
        "scratch-until-blood", "extra-dose-for-relief", "parent-hurts-parent", "hit-and-still-there", "quit-self-too",
        "online-contact-car-will-not-stop", "night-entry-by-parents-partner", "not-going-home-and-dark",
        "outside-at-dark-after-not-going-home", "place-and-gaze-below", "edge-now-or-next-train", "jump-in-timing",
        "pills-gathered-counted", "chemicals-for-mixing", "parent-away-days", "looking-down-every-night",
    ];
}
