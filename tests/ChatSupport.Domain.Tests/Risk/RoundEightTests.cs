using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 8 of issue #12: the classes still missed in the set written apart in round 7 (apart7, now known text) and in
/// tuning8, each tested both ways (a danger that must be raised, a look-alike that must not) with words of their own,
/// not tuning8's, holdout8's, apart7's or a dev set's. The ordinary look-alikes are also in everyday.txt.
/// </summary>
public class RoundEightTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    private static RiskLevel Level(string text) => Engine.Assess(text).Level;

    private static void AssertRaised(string text, RiskLevel atLeast, string rule)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= atLeast, $"{text}: {result.Level}");
        Assert.Contains(rule, result.Rules);
    }

    private static void AssertBelowHigh(string text) => Assert.True(Level(text) < RiskLevel.High, text);

    [Theory]
    [InlineData("ローファー脱いで並べてきた")]
    [InlineData("靴をきれいにそろえておいた。さむい")]
    public void Shoes_set_side_by_side_is_a_last_act(string text) =>
        AssertRaised(text, RiskLevel.Critical, "shoes-set-final");

    [Theory]
    [InlineData("靴をそろえなさいって先生に言われた")]
    [InlineData("玄関の靴をそろえておいた、お客さん来るから")]
    public void Shoes_set_as_manners_are_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("もう急行を5本やり過ごしてる")]
    [InlineData("各停を何本も見送った")]
    public void Trains_let_pass_one_after_another_are_critical(string text) =>
        AssertRaised(text, RiskLevel.Critical, "trains-let-pass");

    [Theory]
    [InlineData("満員だから2本見送った")]
    [InlineData("座りたくて3本見送った")]
    [InlineData("ホームの一番前の車両に乗ってる")]
    public void Trains_let_pass_for_a_seat_or_a_front_car_are_nothing(string text) => AssertBelowHigh(text);

    [Fact]
    public void The_wind_of_a_passing_train_at_the_platform_end_is_critical() =>
        AssertRaised("通過する特急の風がすごい、ホームの端で", RiskLevel.Critical, "rail-train-coming");

    [Theory]
    [InlineData("家族みんなに宛てた手紙を書き上げた")]
    [InlineData("手紙は書き終わった。思い残すことはない")]
    public void A_letter_finished_to_everyone_or_with_a_last_regret_is_critical(string text) =>
        AssertRaised(text, RiskLevel.Critical, "letter-done-final");

    [Theory]
    [InlineData("先生へのお礼の手紙を書き上げた")]
    [InlineData("祖母に手紙を書き終わった、明日ポストに出す")]
    public void A_thank_you_letter_or_a_letter_to_post_is_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("あの鉄橋にするって決めた", "plan-place-decided")]
    [InlineData("決行は日曜、いつもの歩道橋", "plan-set-place")]
    [InlineData("卒業式の夜、あの岬でって決めてる。これで終わり", "plan-place-ending")]
    [InlineData("いつもの陸橋に来た。もう帰らない", "that-place-final")]
    [InlineData("週末にするって決めてから気が楽", "plan-then-calm")]
    [InlineData("道具はそろった、あとは日を決めるだけ", "plan-set-means")]
    public void A_plan_with_a_dangerous_place_or_a_day_is_critical(string text, string rule) =>
        AssertRaised(text, RiskLevel.Critical, rule);

    [Theory]
    [InlineData("あの海に夏休み行くって決めた、旅行たのしみ")]
    [InlineData("文化祭は屋上でやるって決めた")]
    [InlineData("あの川でバーベキューしたの楽しかった")]
    [InlineData("歯医者は明日にするって決めたら気が楽になった")]
    [InlineData("キャンプ道具そろった、あとは日にち決めるだけ")]
    public void Trips_events_and_errands_decided_are_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("うちの夫、酔うとすぐ手が出る", "hand-raised-partner", SupportCategory.Dv)]
    [InlineData("母はすぐ手を出す人で毎日こわい", "hand-raised-family", SupportCategory.Abuse)]
    public void A_hand_raised_by_a_partner_or_a_parent_is_violence(string text, string rule, SupportCategory category)
    {
        AssertRaised(text, RiskLevel.High, rule);
        Assert.Contains(category, Engine.Assess(text).Categories);
    }

    [Theory]
    [InlineData("父が株に手を出して失敗した")]
    [InlineData("兄がお菓子に手を出すから隠した")]
    [InlineData("彼氏がパチンコに手を出した")]
    [InlineData("先生が手をあげるように言った")]
    public void A_hand_reaching_for_money_food_or_a_question_is_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("じいちゃんにくらされた")]
    [InlineData("母ちゃんにはり倒された")]
    [InlineData("兄貴にくらわされた")]
    [InlineData("いとこの兄ちゃんにたっくるされた")]
    public void Western_and_Okinawan_verbs_of_hitting_are_violence(string text) =>
        Assert.True(Level(text) >= RiskLevel.High, text);

    [Theory]
    [InlineData("じいちゃんと一緒にくらしてる")]
    [InlineData("ひとりでくらすのにも慣れた")]
    public void Living_together_is_not_hitting(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("クラスメイトの手首、新しい傷がいくつもあった")]
    [InlineData("いとこの腕に線っぽい跡がたくさん")]
    [InlineData("あの子のリストバンドの下、傷跡だらけだった")]
    public void A_friends_scars_are_a_friend_self_harming(string text)
    {
        AssertRaised(text, RiskLevel.High, "friend-scars");
        Assert.Contains(SupportCategory.OtherPerson, Engine.Assess(text).Categories);
    }

    [Theory]
    [InlineData("友達が猫にひっかかれて腕が傷だらけ")]
    [InlineData("弟が自転車でこけて膝に傷跡できた")]
    public void A_friends_scratches_from_a_cat_or_a_fall_are_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("ブレザー着た写真を1枚1万円で買うって言われた")]
    [InlineData("体操服の写真送ったらアマギフくれるって")]
    public void Uniform_pictures_for_money_are_exploitation(string text)
    {
        AssertRaised(text, RiskLevel.High, "uniform-pictures-paid");
        Assert.Contains(SupportCategory.SexualViolence, Engine.Assess(text).Categories);
    }

    [Theory]
    [InlineData("卒業式で制服の写真を家族と撮った")]
    [InlineData("制服の写真、入学式の記念にアルバムに貼った")]
    public void Uniform_pictures_for_the_family_album_are_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("部長に今夜ホテルで休もうって言われた")]
    [InlineData("塾の先生がホテル代出すからって")]
    [InlineData("ネットで知り合った人にホテル行こうって誘われた")]
    public void A_hotel_invitation_from_a_boss_a_teacher_or_a_stranger_is_sexual_harm(string text) =>
        AssertRaised(text, RiskLevel.High, "hotel-invite-power");

    [Theory]
    [InlineData("上司とホテルのラウンジで会議")]
    [InlineData("店長がホテルのランチに連れてってくれた")]
    public void A_meeting_or_a_lunch_at_a_hotel_is_nothing(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("先週は押し倒された。今夜も酔って帰ってくる", "past-violence-continues")]
    [InlineData("この前は夫に突き飛ばされた。今日も夫の機嫌が悪い", "past-violence-continues-partner")]
    [InlineData("この前は押された、今夜もずっと怒ってる", "past-violence-continues")]
    public void Violence_told_as_past_with_the_same_threat_today_stays_high(string text, string rule) =>
        AssertRaised(text, RiskLevel.High, rule);

    [Theory]
    [InlineData("この前は押されたけど、もう別れて連絡もない")]
    [InlineData("この前は背中を押されて告白できた")]
    public void A_shove_in_the_past_without_a_threat_today_is_not_high(string text) => AssertBelowHigh(text);

    [Fact]
    public void A_ball_thrown_in_the_face_is_still_violence() =>
        Assert.True(Level("コーチに顔面にボール当てられる、毎日") >= RiskLevel.High);

    [Theory]
    [InlineData("国語で先生に当てられて教科書を読んだ")]
    [InlineData("明日の授業で当てられるかも")]
    public void Being_called_on_in_class_is_not_violence(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("🏢⬇️ 2階の受付に来て")]
    [InlineData("🏬⬇️ エスカレーターで降りて集合")]
    public void A_building_and_a_down_arrow_with_a_floor_or_a_lobby_is_downstairs(string text) =>
        AssertBelowHigh(text);

    [Theory]
    [InlineData("またあの鉄橋に来た。もう帰らない")]
    [InlineData("だからあの踏切に行くって決めた")]
    public void A_word_starting_with_a_after_an_a_row_kana_is_still_read(string text) =>
        Assert.Equal(RiskLevel.Critical, Level(text));

    [Theory]
    [InlineData("となりの部屋で兄が父に殴られてる音がする")]
    [InlineData("彼氏に外から鍵かけられて出られない")]
    [InlineData("今から川いくけん。もう戻らん")]
    [InlineData("いま陸橋の上おる、車すごい")]
    public void Violence_heard_now_a_door_locked_from_outside_water_without_return_and_a_bridge_now_are_critical(string text) =>
        Assert.Equal(RiskLevel.Critical, Level(text));

    [Theory]
    [InlineData("エレベーターに閉じ込められた、こわかった")]
    [InlineData("太鼓叩いてる音が一日中する")]
    [InlineData("夏休みは海いくよ")]
    [InlineData("駅の前いるよー")]
    public void A_stuck_lift_a_drum_a_summer_sea_and_meeting_at_a_station_are_not_high(string text) => AssertBelowHigh(text);

    [Fact]
    public void The_round_adds_classes_within_the_mask() =>
        Assert.InRange(Engine.Lexicon.CueClasses.Count, 180, CueClassMask.Capacity);
}
