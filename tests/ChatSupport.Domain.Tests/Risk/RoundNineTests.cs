using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 9 of issue #12: the classes missed in the set written apart in round 8 (apart8, now known text) and in whole
/// conversations written apart (cutting again with no body part, a farewell built across messages in dialect, sexual harm
/// told indirectly), each tested both ways with words of their own, not tuning9's, holdout9's, apart8's or a dev set's.
/// The ordinary look-alikes are also in everyday.txt.
/// </summary>
public class RoundNineTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();
    private static readonly DateTimeOffset Evening = new(2026, 12, 10, 22, 0, 0, TimeSpan.Zero);

    private static void AssertRaised(string text, RiskLevel atLeast, string rule)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= atLeast, $"{text}: {result.Level}");
        Assert.Contains(rule, result.Rules);
    }

    private static void AssertBelowHigh(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("まーた切ってもうた")]
    [InlineData("また切りました。親には内緒")]
    public void Cutting_again_with_the_verb_alone_is_self_harm(string text) =>
        AssertRaised(text, RiskLevel.High, "cut-again-bare");

    [Theory]
    [InlineData("また前髪切っちゃった、ぱっつん")]
    [InlineData("爪また切ったら短くなりすぎた")]
    [InlineData("また電話切っちまった、ごめん")]
    [InlineData("また通話切れた、電波わる")]
    [InlineData("また回線切れたんだけど")]
    [InlineData("キャベツ切った、千切り")]
    public void Hair_nails_a_call_or_vegetables_cut_again_are_nothing(string text) => AssertBelowHigh(text);

    [Fact]
    public void Doing_it_again_after_months_of_stopping_is_self_harm() =>
        AssertRaised("4ヶ月ぶりにまたやっちゃった", RiskLevel.High, "relapse-after-stopping");

    [Fact]
    public void Cutting_again_with_the_wound_told_is_critical() =>
        AssertRaised("また切った。タオル真っ赤", RiskLevel.Critical, "cut-again-fresh");

    [Fact]
    public void The_wound_told_after_cutting_again_is_critical_across_messages()
    {
        var last = RiskConversation.Assess(Evening, "またきっちゃった", "血はもう止まったよ。浅いし平気");
        Assert.Equal(RiskLevel.Critical, last.Level);
        Assert.Contains("wound-after-cut", last.Rules);
    }

    [Fact]
    public void A_farewell_built_across_messages_in_dialect_is_critical()
    {
        var last = RiskConversation.Assess(
            Evening,
            "ねむれねぇ",
            "なにもかも、もういいんだ",
            "部屋かたづけた。弟に大事にしてたカードやった",
            "あした学校いかねで、朝に海さ行ぐ");
        Assert.Equal(RiskLevel.Critical, last.Level);
    }

    [Theory]
    [InlineData("もう全部どうでもええ。部屋はきれいに片付けた。みなさんにお礼を伝えたい")]
    [InlineData("大切にしとった指輪、妹にあげてきた。もうええんよ")]
    public void Farewell_acts_in_one_message_are_critical(string text)
    {
        var result = Engine.Assess(text);
        Assert.Equal(RiskLevel.Critical, result.Level);
    }

    [Theory]
    [InlineData("お盆に家族で海へ行く予定")]
    [InlineData("着なくなったコート、いとこに譲った")]
    [InlineData("クラスのみなさんにお礼伝えたい、卒業式で")]
    [InlineData("学校さぼって川行こうぜｗ")]
    public void Trips_outgrown_clothes_and_thanks_at_an_occasion_are_not_a_farewell(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("打ち上げの後、OBのアパートでされたくない事やられた")]
    [InlineData("やめてって何回も頼んだのにやめてくれへんかった")]
    public void Sexual_harm_told_indirectly_is_raised(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains(SupportCategory.SexualViolence, result.Categories);
    }

    [Fact]
    public void Not_refusing_with_self_blame_in_a_senior_s_home_is_sexual_harm() =>
        AssertRaised("先輩の部屋で断りきれなかった…うちが悪いんかな", RiskLevel.High, "unwanted-in-setting");

    [Theory]
    [InlineData("自分がされたくない事は他人にしない")]
    [InlineData("コンパの後、先輩んちでスマブラした")]
    [InlineData("断れなかったから幹事やることになった")]
    public void Unwanted_in_a_neutral_sense_is_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("次の土曜日に決めた。その日までに借りてた漫画ぜんぶ返しとく", "date-decided-prepared")]
    [InlineData("網戸もう外しといた。うち8階", "window-prepared-high")]
    [InlineData("必要なものは全部用意した。今晩やる", "gear-ready-night")]
    [InlineData("LINEの予約送信セットした。これが届く頃、もういない", "scheduled-goodbye")]
    [InlineData("手紙、本棚の奥にしまってある…誰かいつか見つけてくれたら", "letter-placed-found")]
    [InlineData("ロープ結べそうな柱あった", "hang-spot-found")]
    public void Plans_and_preparations_without_a_death_word_are_critical(string text, string rule) =>
        AssertRaised(text, RiskLevel.Critical, rule);

    [Theory]
    [InlineData("土曜に決めた！遠征ライブ")]
    [InlineData("網戸外して洗った")]
    [InlineData("必要なもの全部そろえた、明日キャンプ")]
    [InlineData("来週の水曜に決行する、告白")]
    public void Dated_errands_chores_and_camps_are_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("俺、おらんくなったほうがええんやろな", "passive-gone")]
    [InlineData("苦しまないやり方ばっか探してる", "painless-end")]
    [InlineData("踏切の前にいると、すいこまれそうで怖い", "pulled-in-at-height")]
    public void Passive_wishes_in_dialect_and_looking_for_an_easy_end_are_high(string text, string rule) =>
        AssertRaised(text, RiskLevel.High, rule);

    [Theory]
    [InlineData("楽に稼げる方法調べてる")]
    [InlineData("あの絵、吸い込まれそうなくらい綺麗")]
    public void Easy_money_and_a_painting_that_draws_one_in_are_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("カミソリ持ってないと不安で眠れない", "blade-for-calm")]
    [InlineData("太ももにもう隙間ない", "blade-for-calm")]
    [InlineData("机に頭ぶつけるとちょっと落ち着く", "head-bang-relief")]
    public void Blades_for_calm_and_head_banging_for_relief_are_self_harm(string text, string rule) =>
        AssertRaised(text, RiskLevel.High, rule);

    [Fact]
    public void Cutting_now_in_the_bath_is_critical() =>
        Assert.Equal(RiskLevel.Critical, Engine.Assess("浴室で手首切ってる").Level);

    [Theory]
    [InlineData("カッターないと段ボール工作できない")]
    [InlineData("机に頭ぶつけた、いたい")]
    public void A_craft_cutter_and_a_bump_are_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("旦那がキレるとナイフ持ってくる", "brandish-at-home")]
    [InlineData("電話すぐ出なかったら殴るぞって彼氏に言われる", "hit-threat")]
    [InlineData("彼女が位置情報ずっと見てて、バイトの人と話すと怒鳴る", "partner-surveillance")]
    [InlineData("夜になると父が母を叩く音がする", "violence-heard-at-home")]
    public void Partner_threats_control_and_violence_heard_are_high(string text, string rule) =>
        AssertRaised(text, RiskLevel.High, rule);

    [Fact]
    public void A_former_partner_at_the_door_is_critical() =>
        AssertRaised("元カレが玄関の外にいる、チャイム鳴りっぱなし", RiskLevel.Critical, "ex-at-door");

    [Theory]
    [InlineData("彼女とは位置情報を共有してるけど平和")]
    [InlineData("ドラムを叩く音がうるさい")]
    public void Shared_locations_and_drums_are_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("お母さん、何日も帰ってきてない。冷蔵庫空っぽで食べるものない")]
    [InlineData("晩ご飯を作ってくれないから給食しか食べてない。小3")]
    public void No_food_at_home_is_neglect(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains(SupportCategory.Abuse, result.Categories);
    }

    [Fact]
    public void Dinner_alone_because_parents_work_is_not_neglect() =>
        AssertBelowHigh("親が仕事で遅いから夕飯はひとり");

    [Theory]
    [InlineData("バイトの社員に休憩室で抱きつかれた", "touched-by-power")]
    [InlineData("知らない人の家、ドアがあかない", "trapped-by-stranger")]
    [InlineData("アプリで知り合った人のとこへ向かってる、ホテルに来てって", "meeting-hotel-now")]
    public void Touches_by_power_being_trapped_and_hotel_meetings_are_raised(string text, string rule) =>
        AssertRaised(text, RiskLevel.High, rule);

    [Theory]
    [InlineData("彼氏にハグされた、うれしい")]
    [InlineData("車のドアがあかない、寒いから凍ってる")]
    public void A_partner_s_hug_and_a_frozen_car_door_are_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("本気で刺したいと思うやつがいる")]
    public void Thoughts_of_stabbing_someone_are_high(string text) =>
        AssertRaised(text, RiskLevel.High, "harm-others-thought");

    [Fact]
    public void Killing_pests_is_nothing() => AssertBelowHigh("ゴキブリ殺してやりたい");

    [Theory]
    [InlineData("『死にたくなる夜』って映画観た？")]
    [InlineData("初スカイダイビング！飛行機から飛び降りた")]
    [InlineData("推しのファンサもらえた、悔いはない")]
    [InlineData("部活きつすぎて今日死ぬか思た")]
    public void Titles_sport_jumps_fan_joy_and_dialect_hyperbole_are_not_high(string text) => AssertBelowHigh(text);

    [Fact]
    public void A_title_talk_with_the_writer_s_own_wish_stays_high()
    {
        var result = Engine.Assess("『死にたい夜に』ってドラマ見てたら、わたしも死にたくなった");
        Assert.True(result.Level >= RiskLevel.High, result.Level.ToString());
    }
}
