using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// Round 10 classes (Patterns/round10.yaml and the compiler's three-kana rule), tested both ways with words from none of
/// apart9, tuning10 or any other dataset.
/// </summary>
public class UnderstandingRoundTenTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("通話は怖いけど、文字なら話せる", SupportCategory.Family)]
    [InlineData("ありがとう、またくるね", SupportCategory.Abuse)]
    [InlineData("ありがとう、またくるね", SupportCategory.Family)]
    public void Alternatives_that_collapse_to_one_kana_do_not_fire(string text, SupportCategory category) =>
        Assert.DoesNotContain(category, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("中1。学校いくのがほんまにしんどい")]
    [InlineData("高2だけど学校つまんなすぎる")]
    [InlineData("gakkou ikitakunai")]
    [InlineData("第一志望おちた。浪人かな")]
    [InlineData("本命の入試ダメだった…")]
    [InlineData("宿題ぜんぜん終わらんのやけど")]
    [InlineData("明日、担任に相談してみようかな")]
    [InlineData("保健室の先生に言えない")]
    [InlineData("学校でハブられてる")]
    public void School_as_the_matter_is_school(string text)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(Intent.Disclosure, understanding.Intents);
        Assert.Contains(SupportCategory.School, understanding.Categories);
    }

    [Theory]
    [InlineData("病院の先生に眠れないって言ったら薬が出た")]
    [InlineData("学校休みだから昼まで寝てた")]
    [InlineData("専門学校1年、就活が不安")]
    [InlineData("先生にほめられた！")]
    [InlineData("専門2年です。バイト先の店長がこわい")]
    public void A_doctor_a_holiday_a_year_or_praise_is_not_school(string text) =>
        Assert.DoesNotContain(SupportCategory.School, Engine.Understand(text).Categories);

    [Fact]
    public void A_vocational_school_year_is_an_age() =>
        Assert.Equal(AgeBand.YoungAdult, Engine.Understand("専門学校1年、就活が不安").AgeBand);

    [Theory]
    [InlineData("全部もうやめたい")]
    [InlineData("生きてくのがしんどい")]
    [InlineData("明日なんて来なくていいのに")]
    [InlineData("このまま目が覚めなきゃいいのに")]
    [InlineData("もう何もかもどうでもいいや")]
    [InlineData("うちがいなくなったらみんな楽になるんかな")]
    [InlineData("屋上の鍵、開いてた")]
    public void Quiet_wishes_not_to_be_alive_are_suicidal(string text) =>
        Assert.Contains(SupportCategory.Suicidal, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("部活もバイトも全部やめたい")]
    [InlineData("バイトがしんどすぎて全部やめたい")]
    [InlineData("宿題とか全部どうでもいい")]
    public void Quitting_activities_is_not_suicidal(string text) =>
        Assert.DoesNotContain(SupportCategory.Suicidal, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("カッターで切るのやめられへん")]
    [InlineData("手首の傷が消えない")]
    [InlineData("髪を抜く癖がとまらない")]
    [InlineData("長袖で隠してる")]
    public void Quiet_self_harm_is_self_harm(string text) =>
        Assert.Contains(SupportCategory.SelfHarm, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("腕のことで整形外科行った", SupportCategory.SelfHarm)]
    [InlineData("子どもがいるから外食はファミレス", SupportCategory.Family)]
    [InlineData("全部やめたいくらい眠い", SupportCategory.Suicidal)]
    [InlineData("彼氏が隣で寝てる、かわいい", SupportCategory.Dv)]
    [InlineData("学校の先生になりたい", SupportCategory.School)]
    [InlineData("夜ごはんなしでダイエット中", SupportCategory.Abuse)]
    [InlineData("弟が死んだら悲しいな", SupportCategory.Suicidal)]
    public void Everyday_look_alikes_are_not_those_topics(string text, SupportCategory category) =>
        Assert.DoesNotContain(category, Engine.Understand(text).Categories);

    [Fact]
    public void A_sore_arm_is_not_self_harm() =>
        Assert.DoesNotContain(SupportCategory.SelfHarm, Engine.Understand("腕の筋肉痛やばい").Categories);

    [Theory]
    [InlineData("妹が腕に包帯まいてた。切ってるかも", SupportCategory.SelfHarm)]
    [InlineData("彼女がリスカしてるっぽい", SupportCategory.SelfHarm)]
    [InlineData("親友がずっと消えたいって言ってて心配", SupportCategory.Suicidal)]
    [InlineData("弟が死んだら楽かなって言ってる", SupportCategory.Suicidal)]
    public void Worry_about_someone_else_is_other_person(string text, SupportCategory category)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(SupportCategory.OtherPerson, understanding.Categories);
        Assert.Contains(category, understanding.Categories);
    }

    [Theory]
    [InlineData("母が怒ると髪を引っ張られる")]
    [InlineData("おとんが酔うと物投げてくる")]
    [InlineData("父に毎日役立たずって言われる")]
    [InlineData("産まなきゃよかったって言われた")]
    [InlineData("晩ごはん抜きにされる")]
    [InlineData("my mom hits me when she is drunk")]
    [InlineData("母の再婚相手に叩かれる")]
    public void What_a_parent_does_is_abuse(string text)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(SupportCategory.Abuse, understanding.Categories);
        Assert.Contains(SupportCategory.Family, understanding.Categories);
        Assert.DoesNotContain(SupportCategory.Dv, understanding.Categories);
    }

    [Theory]
    [InlineData("彼氏が怒ると首を絞めてくる")]
    [InlineData("旦那が横で寝てるから小声で")]
    [InlineData("同棲してる彼の部屋から逃げたい")]
    [InlineData("夫が酔うと物を投げてくる")]
    public void What_a_partner_does_is_dv(string text)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(SupportCategory.Dv, understanding.Categories);
        Assert.DoesNotContain(SupportCategory.Abuse, understanding.Categories);
        Assert.DoesNotContain(SupportCategory.OtherPerson, understanding.Categories);
    }

    [Theory]
    [InlineData("上司に毎日どなられる", SupportCategory.Abuse)]
    [InlineData("上司に毎日どなられる", SupportCategory.Family)]
    [InlineData("元カノに写真ネットに上げられた", SupportCategory.Dv)]
    [InlineData("叔父にされたことが忘れられない", SupportCategory.OnlineHarm)]
    public void Who_did_it_decides_the_topic(string text, SupportCategory notThis) =>
        Assert.DoesNotContain(notThis, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("親のことなんやけど", SupportCategory.Family)]
    [InlineData("家の雰囲気が最悪", SupportCategory.Family)]
    [InlineData("保証人いなくて部屋借りられん", SupportCategory.Housing)]
    [InlineData("今夜は車で寝る", SupportCategory.Housing)]
    [InlineData("バイト代払ってもらえない", SupportCategory.Poverty)]
    [InlineData("貯金もほとんどない", SupportCategory.Poverty)]
    [InlineData("誰とも仲良くなれへん", SupportCategory.Loneliness)]
    [InlineData("周りに話せる人がおらん", SupportCategory.Loneliness)]
    [InlineData("眠りが浅い日が続いてる", SupportCategory.Health)]
    [InlineData("ネットの人に学校特定された", SupportCategory.OnlineHarm)]
    public void Topics_told_in_other_words_are_read(string text, SupportCategory category)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(Intent.Disclosure, understanding.Intents);
        Assert.Contains(category, understanding.Categories);
    }

    [Fact]
    public void Family_named_as_what_an_ask_is_about_is_family_without_a_disclosure()
    {
        var understanding = Engine.Understand("母のことで相談してもいい？");
        Assert.Contains(SupportCategory.Family, understanding.Categories);
        Assert.DoesNotContain(Intent.Disclosure, understanding.Intents);
    }

    [Theory]
    [InlineData("人に代わってもらえますか", Intent.AskPerson)]
    [InlineData("ちゃんとした人と話したい", Intent.AskPerson)]
    [InlineData("誰か人と話したいです", Intent.AskPerson)]
    [InlineData("誰が返信してるの？", Intent.AskIsBot)]
    [InlineData("人間が読んでるん？", Intent.AskIsBot)]
    [InlineData("深夜だけどまだ誰かいる？", Intent.AskHours)]
    [InlineData("朝になったら相談員さん来る？", Intent.AskHours)]
    [InlineData("土日なら相談できる？", Intent.AskHours)]
    [InlineData("18時までなら話せる？", Intent.AskHours)]
    [InlineData("本名言わなきゃダメ？", Intent.AskPrivacy)]
    [InlineData("親の携帯から見られたりする？", Intent.AskPrivacy)]
    [InlineData("しょうもない話なんですけど", Intent.AskCanConsult)]
    [InlineData("恋バナとかでもいい？", Intent.AskCanConsult)]
    [InlineData("話しかけてもいいですか", Intent.AskCanConsult)]
    [InlineData("電話じゃなくて文字がいい", Intent.CannotCall)]
    [InlineData("電話は無理です", Intent.CannotCall)]
    [InlineData("電話はしたくない", Intent.CannotCall)]
    [InlineData("近くで話を聞いてくれる場所ってある？", Intent.AskServices)]
    public void Asks_in_other_words_are_read(string text, Intent intent) =>
        Assert.Contains(intent, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("深夜だけどまだ誰かいる？", Intent.AskIsBot)]
    [InlineData("土日なら相談できる？", Intent.AskCanConsult)]
    [InlineData("中の人いるんですか", Intent.AskPerson)]
    [InlineData("ネットの人に学校特定された", Intent.AskPrivacy)]
    [InlineData("人間が見てる前で発表するの苦手", Intent.AskIsBot)]
    [InlineData("英語の課題で睡眠について書かなきゃいけない", Intent.AskPrivacy)]
    [InlineData("英語の課題で睡眠について書かなきゃいけない", Intent.Disclosure)]
    [InlineData("ゼミで相談窓口について調べてます", Intent.AskServices)]
    public void Look_alikes_are_not_those_intents(string text, Intent intent) =>
        Assert.DoesNotContain(intent, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("もうすぐ三十路です", AgeBand.YoungAdult)]
    [InlineData("しょう3です", AgeBand.ElementarySchool)]
    [InlineData("ちゅうがく2ねん", AgeBand.JuniorHighSchool)]
    [InlineData("小学生でもいいの？", AgeBand.ElementarySchool)]
    public void Ages_in_short_forms_are_read(string text, AgeBand band) =>
        Assert.Equal(band, Engine.Understand(text).AgeBand);

    [Theory]
    [InlineData("18、今は工場勤め", AgeBand.YoungAdult)]
    [InlineData("18歳、実家を出たい", AgeBand.YoungAdult)]
    [InlineData("高3です、18歳になったらひとり暮らししたい", AgeBand.HighSchool)]
    [InlineData("17歳、家にいたくない", AgeBand.HighSchool)]
    public void Eighteen_is_high_school_only_when_said_as_a_student(string text, AgeBand band) =>
        Assert.Equal(band, Engine.Understand(text).AgeBand);

    [Fact]
    public void A_place_moved_to_is_where_the_writer_lives() =>
        Assert.Equal("13", Engine.Understand("新潟から東京に引っ越してきた。友達がいない").PrefectureCode);
}
