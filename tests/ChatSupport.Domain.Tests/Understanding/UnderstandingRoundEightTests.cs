using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// Round 8 classes (Patterns/round8.yaml and the scanner's birth years), tested both ways with words other than the
/// tuning8, holdout8 and apart7 sets that showed them missing.
/// </summary>
public class UnderstandingRoundEightTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("夜中の1時過ぎでも大丈夫ですか")]
    [InlineData("日曜日でもつながる？")]
    [InlineData("いまってやってます？")]
    [InlineData("返信ってどのくらいで来る？")]
    [InlineData("春休みの間も相談できる？")]
    [InlineData("何曜日なら話せますか")]
    [InlineData("早朝でも平気？")]
    [InlineData("もう3時だけど平気かな")]
    [InlineData("祝日も誰かいる？")]
    public void Hours_asked_by_a_time_of_day_or_a_day_are_read(string text) =>
        Assert.Contains(Intent.AskHours, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("何時に家を出ればいいかわからない")]
    [InlineData("今やってる部活がしんどい")]
    [InlineData("夜はバイトで昼は学校")]
    [InlineData("昼間は大丈夫だけど夜になると涙が出る")]
    public void Times_in_daily_life_are_not_questions_about_our_hours(string text) =>
        Assert.DoesNotContain(Intent.AskHours, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("塾の宿題が多すぎて毎晩寝るのが遅い", SupportCategory.School)]
    [InlineData("ゼミで発表するのが毎週ゆううつ", SupportCategory.School)]
    [InlineData("大学の講義についていけない", SupportCategory.School)]
    [InlineData("部活の練習がない日はほっとする", SupportCategory.School)]
    [InlineData("継父と同じ部屋にいたくない", SupportCategory.Family)]
    [InlineData("おばあちゃんの家に預けられてる", SupportCategory.Family)]
    [InlineData("派遣先との契約が来月で終わる", SupportCategory.Work)]
    [InlineData("夜勤明けで頭が回らない", SupportCategory.Work)]
    public void School_family_and_work_named_in_passing_become_the_topic(string text, SupportCategory category)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(Intent.Disclosure, understanding.Intents);
        Assert.Contains(category, understanding.Categories);
    }

    [Theory]
    [InlineData("部活の先輩が引退してさみしい")]
    [InlineData("部活のあとに塾がある")]
    [InlineData("親が単身赴任でいない")]
    [InlineData("母親が作るお弁当がおいしい")]
    [InlineData("義父が料理してくれた")]
    public void A_word_in_passing_does_not_invent_bullying_or_abuse(string text)
    {
        var understanding = Engine.Understand(text);
        Assert.DoesNotContain(SupportCategory.Bullying, understanding.Categories);
        Assert.DoesNotContain(SupportCategory.Abuse, understanding.Categories);
    }

    [Theory]
    [InlineData("部活の試合で勝った！")]
    [InlineData("店長が優しくて助かってる")]
    [InlineData("お母さんが誕生日にケーキ作ってくれた")]
    public void A_pleasant_moment_with_a_school_family_or_work_word_is_not_read_as_trouble(string text)
    {
        var understanding = Engine.Understand(text);
        Assert.DoesNotContain(Intent.Disclosure, understanding.Intents);
        Assert.Empty(understanding.Categories);
    }

    [Fact]
    public void Not_enjoying_it_is_still_told()
    {
        var understanding = Engine.Understand("最近部活楽しくない");
        Assert.Contains(Intent.Disclosure, understanding.Intents);
        Assert.Contains(SupportCategory.School, understanding.Categories);
    }

    [Theory]
    [InlineData("顧問の先生に毎日怒鳴られてる", SupportCategory.School)]
    [InlineData("上司に毎回怒鳴られる", SupportCategory.Work)]
    public void Yelled_at_outside_home_is_not_read_as_home(string text, SupportCategory category)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(category, understanding.Categories);
        Assert.DoesNotContain(SupportCategory.Family, understanding.Categories);
    }

    [Theory]
    [InlineData("テスト送信です")]
    [InlineData("眠いけど課題やる")]
    [InlineData("推しの卒業がつらすぎる")]
    public void A_test_message_homework_or_a_star_leaving_is_not_school(string text) =>
        Assert.DoesNotContain(SupportCategory.School, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("看護学校に通ってます。実習がこわい")]
    [InlineData("JDだけど友達がいない")]
    [InlineData("大学の講義についていけない")]
    [InlineData("就活中でしんどい")]
    public void A_course_or_status_after_high_school_is_18_to_29(string text) =>
        Assert.Equal(AgeBand.YoungAdult, Engine.Understand(text).AgeBand);

    [Theory]
    [InlineData("高校の担任が話を聞いてくれない", AgeBand.HighSchool)]
    [InlineData("中学の部活がきつい", AgeBand.JuniorHighSchool)]
    [InlineData("高校のとき部活でいじめられた。今は働いてる", null)]
    public void A_school_named_from_inside_is_the_writers_school_now(string text, AgeBand? band) =>
        Assert.Equal(band, Engine.Understand(text).AgeBand);

    [Theory]
    [InlineData("平成15年生まれです", 2026, AgeBand.YoungAdult)]
    [InlineData("平成16年生まれの会社員", 2026, AgeBand.YoungAdult)]
    [InlineData("2013年生まれ。学校がつらい", 2026, AgeBand.JuniorHighSchool)]
    [InlineData("2013年生まれ。学校がつらい", 2030, AgeBand.HighSchool)]
    [InlineData("h22生まれです", 2026, AgeBand.HighSchool)]
    [InlineData("99年生まれ", 2026, AgeBand.YoungAdult)]
    public void A_birth_year_is_read_from_the_current_year_in_japan(string text, int year, AgeBand band)
    {
        var engine = new UnderstandingEngine(RiskEngine.CreateDefault(), UnderstandingPatterns.LoadEmbedded(), new FixedClock(year));
        Assert.Equal(band, engine.Understand(text).AgeBand);
    }

    [Theory]
    [InlineData("弟は2015年生まれ", null)]
    [InlineData("妹が平成30年生まれ。私は高2", AgeBand.HighSchool)]
    public void Someone_elses_birth_year_is_not_the_writers(string text, AgeBand? band)
    {
        var engine = new UnderstandingEngine(RiskEngine.CreateDefault(), UnderstandingPatterns.LoadEmbedded(), new FixedClock(2026));
        Assert.Equal(band, engine.Understand(text).AgeBand);
    }

    [Fact]
    public void The_year_turns_at_midnight_in_japan_not_in_utc()
    {
        // 31 December 2026 at 15:30 UTC is already 1 January 2027 in Japan: born 2008 turns 19 there (18–29), while an
        // hour earlier it is still 2026 in Japan and the same person turns 18 this year (a high-school age).
        var engine = new UnderstandingEngine(RiskEngine.CreateDefault(), UnderstandingPatterns.LoadEmbedded(),
            new FixedClock(new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero)));
        var dayBefore = new UnderstandingEngine(RiskEngine.CreateDefault(), UnderstandingPatterns.LoadEmbedded(),
            new FixedClock(new DateTimeOffset(2026, 12, 31, 14, 30, 0, TimeSpan.Zero)));
        Assert.Equal(AgeBand.YoungAdult, engine.Understand("2008年生まれです").AgeBand);
        Assert.Equal(AgeBand.HighSchool, dayBefore.Understand("2008年生まれです").AgeBand);
    }

    [Theory]
    [InlineData("三宮の近くに住んでる", "28")]
    [InlineData("すすきのでバイトしてる", "01")]
    [InlineData("国分町の近くで働いてる", "04")]
    public void Districts_and_stations_give_their_prefecture(string text, string code) =>
        Assert.Equal(code, Engine.Understand(text).PrefectureCode);

    [Theory]
    [InlineData("家族には内緒で相談できますか", Intent.AskPrivacy)]
    [InlineData("本名は出さなくても大丈夫？", Intent.AskPrivacy)]
    [InlineData("返事って人間が打ってるの？", Intent.AskIsBot)]
    [InlineData("本物の人と話したい", Intent.AskPerson)]
    [InlineData("ここでしばらく話しててもいい？", Intent.AskCanConsult)]
    [InlineData("電話だと緊張しちゃう", Intent.CannotCall)]
    [InlineData("無料で相談できるとこありますか", Intent.AskServices)]
    public void Questions_said_in_other_words_are_read(string text, Intent intent) =>
        Assert.Contains(intent, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("今日は友達の家に泊まれるとこ探してる", SupportCategory.Housing)]
    [InlineData("貯金が底をついた", SupportCategory.Poverty)]
    [InlineData("メンタルがボロボロ", SupportCategory.Health)]
    [InlineData("体育のペア、誰も組んでくれなかった", SupportCategory.Bullying)]
    [InlineData("更衣室で盗撮された", SupportCategory.SexualViolence)]
    public void Topics_told_without_their_usual_word_are_read(string text, SupportCategory category) =>
        Assert.Contains(category, Engine.Understand(text).Categories);

    [Fact]
    public void Food_denied_at_home_is_not_read_as_asking_for_a_food_bank() =>
        Assert.DoesNotContain(SupportCategory.Poverty, Engine.Understand("家でご飯もらえない日がある").Categories);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public FixedClock(int year)
            : this(new DateTimeOffset(year, 6, 1, 3, 0, 0, TimeSpan.Zero))
        {
        }

        public override DateTimeOffset GetUtcNow() => now;
    }
}
