using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// Round 9 classes (Patterns/round9.yaml, the <c>reason</c> flag and the hello before a passing topic), tested both
/// ways with words from none of apart8, the p9 conversations, tuning9 or holdout9.
/// </summary>
public class UnderstandingRoundNineTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("話した内容ってどこに保管されてるの？", Intent.AskPrivacy)]
    [InlineData("やりとりって何か月くらい保存されるんですか", Intent.AskPrivacy)]
    [InlineData("チャットの履歴あとで消してもらえる？", Intent.AskPrivacy)]
    [InlineData("スタッフの人たちも読めるん？", Intent.AskPrivacy)]
    [InlineData("担任には絶対言わんといてな", Intent.AskPrivacy)]
    [InlineData("家族にも通知とか行く？", Intent.AskPrivacy)]
    [InlineData("ひとつ質問してもいいですか", Intent.AskCanConsult)]
    [InlineData("聞きたいことあるねんけど、ええん？", Intent.AskCanConsult)]
    [InlineData("バイトの悩みでも大丈夫？", Intent.AskCanConsult)]
    [InlineData("説明へたかもだけど聞いて", Intent.AskCanConsult)]
    [InlineData("だれか起きてる？", Intent.Greeting)]
    [InlineData("はいさい", Intent.Greeting)]
    [InlineData("おばんでがす", Intent.Greeting)]
    [InlineData("やっぱりいいです", Intent.Farewell)]
    [InlineData("今日はこのへんでやめとく", Intent.Farewell)]
    [InlineData("母さん帰ってきたから閉じるね", Intent.Farewell)]
    [InlineData("また週末に来るね", Intent.Farewell)]
    [InlineData("ほんとの人間が返してるの？", Intent.AskIsBot)]
    [InlineData("それとも自動？", Intent.AskIsBot)]
    [InlineData("あとどのくらい待てばいい？", Intent.AskHours)]
    [InlineData("待ってたら返事くる？", Intent.AskHours)]
    [InlineData("夜10時やけど誰かおる？", Intent.AskHours)]
    [InlineData("待っとったら返事くる？", Intent.AskHours)]
    [InlineData("市役所とかに行けばどうにかなる？", Intent.AskServices)]
    [InlineData("若者の就職支援ってどこ？", Intent.AskServices)]
    [InlineData("通話はまじで苦手", Intent.CannotCall)]
    public void Asks_in_other_words_are_read(string text, Intent intent) =>
        Assert.Contains(intent, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("この傷あとってどれくらい残るかな", Intent.AskPrivacy)]
    [InlineData("友達に言わないでって言われたけど苦しい", Intent.AskPrivacy)]
    [InlineData("いい質問ですねって言われた", Intent.AskCanConsult)]
    [InlineData("夜中の3時なのにまだ起きてる", Intent.Greeting)]
    [InlineData("やっぱいい人だと思う", Intent.Farewell)]
    [InlineData("いってきますって言っても誰も返事しない", Intent.Farewell)]
    [InlineData("また明日も学校か", Intent.Farewell)]
    [InlineData("AIに英語の作文を直してもらった", Intent.AskIsBot)]
    [InlineData("バスを待ってたら友達が来た", Intent.AskHours)]
    [InlineData("先生に呼ばれる", Intent.AskPrivacy)]
    [InlineData("平日は仕事で昼は無理", Intent.Disclosure)]
    public void Look_alikes_are_not_those_asks(string text, Intent intent)
    {
        var understanding = Engine.Understand(text);
        if (intent == Intent.Disclosure)
        {
            Assert.DoesNotContain(SupportCategory.Family, understanding.Categories);
            return;
        }

        Assert.DoesNotContain(intent, understanding.Intents);
    }

    [Theory]
    [InlineData("うちの母は夜勤だから晩ごはんはいつも一人で食べる", SupportCategory.Loneliness)]
    [InlineData("休みの日は誰とも話さないまま終わる", SupportCategory.Loneliness)]
    [InlineData("おとんは出張ばっかりで家におらん", SupportCategory.Family)]
    [InlineData("入社してからずっと毎晩終電、日曜も会社から呼び出しがくる", SupportCategory.Work)]
    [InlineData("学校の日だけ朝になると腹が痛くなる", SupportCategory.Health)]
    [InlineData("眠れなくてもう何日も続いてる", SupportCategory.Health)]
    [InlineData("財布の中が300円しかない", SupportCategory.Poverty)]
    [InlineData("家賃を2か月滞納してて管理会社から電話がくる", SupportCategory.Housing)]
    [InlineData("今日も漫画喫茶で寝るしかない", SupportCategory.Housing)]
    [InlineData("変顔の写真を勝手にクラスのグループに貼られた", SupportCategory.OnlineHarm)]
    [InlineData("飲み会のあと先輩の部屋で嫌なことをされた", SupportCategory.SexualViolence)]
    [InlineData("部活でずっとパシリ扱いされてる", SupportCategory.Bullying)]
    [InlineData("彼氏に給料を全部とられる", SupportCategory.Dv)]
    [InlineData("いえでなぐられる", SupportCategory.Abuse)]
    public void Topics_told_without_their_word_are_read(string text, SupportCategory category)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(Intent.Disclosure, understanding.Intents);
        Assert.Contains(category, understanding.Categories);
    }

    [Theory]
    [InlineData("母はパートで夕方までいない", SupportCategory.Work)]
    [InlineData("毎日終電で休日も上司から呼び出される", SupportCategory.Bullying)]
    [InlineData("一人暮らし始めて3か月", SupportCategory.Loneliness)]
    [InlineData("親に生活費を全部管理されてる", SupportCategory.Dv)]
    [InlineData("恋人に叩かれたけど親には言えない", SupportCategory.Family)]
    [InlineData("いえでなぐられる", SupportCategory.Bullying)]
    public void A_parent_s_job_overwork_and_living_alone_are_not_misread(string text, SupportCategory category) =>
        Assert.DoesNotContain(category, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("耳が遠いので電話はむずかしい", SupportCategory.Health)]
    [InlineData("家族に聞こえるから通話は無理", SupportCategory.Family)]
    public void A_reason_not_to_phone_gives_its_topic_but_is_not_a_disclosure(string text, SupportCategory category)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(Intent.CannotCall, understanding.Intents);
        Assert.Contains(category, understanding.Categories);
        Assert.DoesNotContain(Intent.Disclosure, understanding.Intents);
    }

    [Fact]
    public void A_hello_before_a_school_word_keeps_the_school_topic()
    {
        var understanding = Engine.Understand("おはよ。きょうも学校サボった");
        Assert.Contains(Intent.Greeting, understanding.Intents);
        Assert.Contains(Intent.Disclosure, understanding.Intents);
        Assert.Contains(SupportCategory.School, understanding.Categories);
    }

    [Fact]
    public void A_hello_with_only_an_age_and_a_place_stays_a_hello()
    {
        var understanding = Engine.Understand("はじめまして。福岡の中2です");
        Assert.Equal([Intent.Greeting], understanding.Intents);
        Assert.Equal("40", understanding.PrefectureCode);
    }

    [Theory]
    [InlineData("ちゅうがく3ねんせいです", AgeBand.JuniorHighSchool)]
    [InlineData("しょうがく2ねんせい", AgeBand.ElementarySchool)]
    [InlineData("JK1です", AgeBand.HighSchool)]
    [InlineData("定時制の高校に行ってる", AgeBand.HighSchool)]
    [InlineData("社会人2年目", AgeBand.YoungAdult)]
    public void Ages_in_kana_and_short_forms_are_read(string text, AgeBand band) =>
        Assert.Equal(band, Engine.Understand(text).AgeBand);

    [Theory]
    [InlineData("派遣で働いてる")]
    [InlineData("会社員です、毎日つらい")]
    [InlineData("シェアハウスに住んでる")]
    [InlineData("終電逃した")]
    public void A_job_or_a_room_alone_says_no_age(string text) =>
        Assert.Null(Engine.Understand(text).AgeBand);
}
