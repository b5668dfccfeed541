using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 7 of issue #12: the classes found missing in the set written apart (apart6), each tested both ways (a danger
/// that must be raised, a look-alike that must not) with words of their own, not tuning7's, apart6's or a dev set's.
/// The ordinary look-alikes of every widening are also in everyday.txt.
/// </summary>
public class RoundSevenTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    private static RiskLevel Level(string text) => Engine.Assess(text).Level;

    [Theory]
    [InlineData("🏙⬇️")]
    [InlineData("今夜 🌉 ↓")]
    [InlineData("🏨⤵️ じゃあね")]
    public void A_building_or_bridge_with_a_down_arrow_is_a_jump(string text) =>
        Assert.Equal(RiskLevel.Critical, Level(text));

    [Theory]
    [InlineData("成績⬇️でつらたん")]
    [InlineData("↓のリンクから申し込んでね")]
    [InlineData("🏢で残業、疲れた")]
    public void Arrows_and_buildings_alone_are_not_a_jump(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Theory]
    [InlineData("手首の傷、ずっと血止まらんのやけど")]
    [InlineData("カッターで深くいっちゃって血がぜんぜん止まらない")]
    public void Bleeding_that_will_not_stop_after_a_cut_is_critical(string text) =>
        Assert.Equal(RiskLevel.Critical, Level(text));

    [Theory]
    [InlineData("はなぢ全然とまらないんだけど")]
    [InlineData("こけて擦りむいたとこ、血とまらん")]
    public void A_nosebleed_or_a_graze_is_not_an_emergency(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Theory]
    [InlineData("このまま目が覚めなければいいのに")]
    [InlineData("もう起きなくていいや、ずっと寝てたい")]
    [InlineData("たまに消えたくなる、ふとした時に")]
    [InlineData("明日なんか来なければいい")]
    public void Not_wanting_to_wake_up_is_a_wish(string text) =>
        Assert.True(Level(text) >= RiskLevel.High, text);

    [Theory]
    [InlineData("明日は休みだから起きなくていい")]
    [InlineData("目覚まし鳴らなくて寝坊した")]
    [InlineData("昼まで寝てたい、眠い")]
    public void Sleeping_in_is_not_a_wish(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Theory]
    [InlineData("写真もデータも全部消した。身の回りも整理した。準備はできた")]
    [InlineData("服ぜんぶ妹にあげた、アカウントも消した、あとは決行するだけ")]
    public void Affairs_settled_and_ready_is_critical(string text) =>
        Assert.Equal(RiskLevel.Critical, Level(text));

    [Theory]
    [InlineData("新生活の準備できた、部屋も整理した")]
    [InlineData("修学旅行の準備完了！写真フォルダも整理した")]
    public void Ready_for_a_move_or_a_trip_is_not_finality(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Fact]
    public void A_date_and_place_decided_after_a_wish_is_critical() =>
        Assert.Equal(
            RiskLevel.Critical,
            RiskConversation.Assess(DateTimeOffset.UnixEpoch, "もう消えたい", "日にちも場所ももう決めてある").Level);

    [Fact]
    public void A_date_and_place_decided_for_a_party_is_nothing() =>
        Assert.True(RiskConversation.Assess(DateTimeOffset.UnixEpoch, "来週ひま？", "誕生日会、日にちも場所も決めたよ").Level < RiskLevel.High);

    [Fact]
    public void Ending_it_with_the_first_train_is_critical() =>
        Assert.Equal(RiskLevel.Critical, Level("一番電車で人生終わりにする"));

    [Theory]
    [InlineData("ロフトのはしごに紐むすんで首に回した")]
    [InlineData("階段の手すりにコードかけた、あとは台を蹴るだけ")]
    public void A_cord_tied_and_around_the_neck_is_critical(string text) =>
        Assert.Equal(RiskLevel.Critical, Level(text));

    [Theory]
    [InlineData("ネックウォーマー首に回した、ロフト寒い")]
    [InlineData("ロフトの柱にコードかけて充電してる")]
    [InlineData("ムカついて椅子蹴ったらドアに当たった")]
    public void Scarves_chargers_and_angry_kicks_are_not_a_hanging(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Theory]
    [InlineData("腹立つと柱に頭ぶつけてしまう")]
    [InlineData("気づいたら床に頭何度も打ちつけてた")]
    public void Head_banging_as_an_urge_is_self_harm(string text) =>
        Assert.True(Level(text) >= RiskLevel.High, text);

    [Fact]
    public void A_bump_on_the_head_is_not_self_harm() =>
        Assert.True(Level("棚の下で頭ぶつけた、たんこぶできた") < RiskLevel.High);

    [Theory]
    [InlineData("サークルの先輩に飲まされて、起きたら裸でホテルだった")]
    [InlineData("記憶なくて、起きたら知らない部屋で何されたかわからない")]
    public void Waking_undressed_somewhere_unknown_is_sexual_harm(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, text);
        Assert.Contains(SupportCategory.SexualViolence, result.Categories);
    }

    [Fact]
    public void Waking_at_a_friends_after_drinking_is_not_harm() =>
        Assert.True(Level("飲みすぎて記憶ない、起きたら友達んちのこたつ") < RiskLevel.High);

    [Theory]
    [InlineData("今から決めてた歩道橋に行く")]
    [InlineData("決めてた海まで行く。もう戻らない")]
    [InlineData("前から決めてた場所に向かう。二度と帰らない")]
    public void A_place_chosen_in_advance_is_critical(string text) =>
        Assert.Equal(RiskLevel.Critical, Level(text));

    [Theory]
    [InlineData("今から決めてたラーメン屋に行く")]
    [InlineData("前から決めてた場所でお花見する")]
    public void A_restaurant_chosen_in_advance_is_nothing(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Theory]
    [InlineData("湖に入っていく。もう帰らない")]
    [InlineData("川に入ってそのまま沈むけん")]
    public void Into_the_water_with_no_return_is_critical(string text) =>
        Assert.Equal(RiskLevel.Critical, Level(text));

    [Fact]
    public void Swimming_is_nothing() =>
        Assert.True(Level("湖に入って泳いだ、夜には帰る") < RiskLevel.High);

    [Theory]
    [InlineData("去年薬いっぱい飲んで運ばれた。最近またあの時期と同じ気持ち")]
    [InlineData("中学のとき切ってた。ここんとこまた切りたくなってる")]
    public void An_old_crisis_coming_back_is_high(string text) =>
        Assert.True(Level(text) >= RiskLevel.High, text);

    [Fact]
    public void A_haircut_urge_coming_back_is_not_self_harm() =>
        Assert.True(Level("ボブにしたけど、また切りたくなってる") < RiskLevel.High);

    [Theory]
    [InlineData("旦那に通帳とられて、出かけるのも許可制")]
    [InlineData("彼女に給料ぜんぶ管理されてて自由がない")]
    [InlineData("彼氏は別れ話をすると物に当たる")]
    public void A_partner_controlling_money_or_going_out_is_dv(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, text);
        Assert.Contains(SupportCategory.Dv, result.Categories);
    }

    [Fact]
    public void A_parent_managing_pocket_money_is_nothing() =>
        Assert.True(Level("母に通帳あずけてる、無駄遣いしないように") < RiskLevel.High);

    [Theory]
    [InlineData("おじが部屋に入ってこようとしてる、またあれされる")]
    [InlineData("母が帰ってきた音した。この前みたいに叩かれる")]
    public void Harm_about_to_happen_again_is_critical(string text) =>
        Assert.Equal(RiskLevel.Critical, Level(text));

    [Fact]
    public void Someone_coming_home_is_nothing() =>
        Assert.True(Level("父が帰ってきた音した、おみやげあるかな") < RiskLevel.High);

    [Theory]
    [InlineData("今日どこで寝ればいいんだろう、家に帰れない")]
    [InlineData("ネカフェ代すらない、今夜は外で寝る")]
    [InlineData("no place to sleep tonight")]
    public void Nowhere_to_sleep_tonight_is_high(string text) =>
        Assert.True(Level(text) >= RiskLevel.High, text);

    [Theory]
    [InlineData("終電なくなったから朝まで漫喫で寝る")]
    [InlineData("キャンプ場ひろすぎ、今夜どこで寝るか迷う")]
    public void A_missed_train_or_a_camp_is_not_homelessness(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Theory]
    [InlineData("ドラマで主人公が「死にたい」って言うセリフ、演技うますぎ")]
    [InlineData("この曲の「消えたい」って歌詞がいい")]
    [InlineData("現代文で『こころ』の先生が死ぬところ読んだ")]
    [InlineData("姉にアイス食べられた、殺すぞｗｗ")]
    [InlineData("先輩に壁ドンされてキュンとした")]
    public void Quotes_literature_banter_and_flirting_are_not_danger(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Theory]
    [InlineData("ドラマの「死にたい」ってセリフ、私もそう思う")]
    [InlineData("この曲の「消えたい」って歌詞、いまの私そのもの。もう消えたい")]
    [InlineData("彼氏に毎日壁ドンされて怖い")]
    public void A_quote_the_writer_makes_theirs_or_violence_is_still_danger(string text) =>
        Assert.True(Level(text) >= RiskLevel.High, text);

    [Theory]
    [InlineData("生きてるのがほんまにしんどい、もう終わらせたい")]
    [InlineData("生きるのもう疲れた、もういいや")]
    public void Living_being_hard_with_a_wish_to_end_is_high(string text) =>
        Assert.True(Level(text) >= RiskLevel.High, text);

    [Fact]
    public void A_hard_day_is_not_ideation() =>
        Assert.True(Level("部活きつい、もう疲れた") < RiskLevel.High);

    [Fact]
    public void The_embedded_lexicon_uses_more_than_128_cue_classes() =>
        Assert.InRange(Engine.Lexicon.CueClasses.Count, 129, CueClassMask.Capacity);
}
