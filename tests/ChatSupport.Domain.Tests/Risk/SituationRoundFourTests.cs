using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round four of issue #12: productive coverage (verb morphology from stems × endings, English and romaji) and the
/// classes heldout3 missed, each tested in both directions. Every message here was written for these tests.
/// </summary>
public class SituationRoundFourTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("しにたかけん、もう")]
    [InlineData("もうおらんようになりたいわ")]
    [InlineData("このまま消えっちまいてぇ")]
    [InlineData("いねぐなりてぇな")]
    [InlineData("楽になりたかばい")]
    [InlineData("死んでまいたいねん")]
    [InlineData("人生ここで終わりにしてしまいたか")]
    [InlineData("生きていたくねぇ")]
    [InlineData("生きとうないんじゃ")]
    [InlineData("生ぎでだくね")]
    [InlineData("生きとる価値なかよ")]
    [InlineData("生きてる理由あらへん")]
    [InlineData("うちのおる意味わからん")]
    [InlineData("mou ikitakunai")]
    [InlineData("i keep cutting myself")]
    [InlineData("rikaa shichatta")]
    [InlineData("腕きっとる")]
    [InlineData("切るのが日課になってる")]
    [InlineData("足の傷また増えた")]
    public void IdeationAndSelfHarm_InGeneratedForms_AreHigh(string text) =>
        Assert.True(Engine.Assess(text).Level >= RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("死にたかったのは中2の頃の話")]
    [InlineData("データ消えたかも")]
    [InlineData("死にとうないけん病院いく")]
    [InlineData("学校いきたくないー")]
    [InlineData("この漢字の意味わからん")]
    [InlineData("生きてるうちに行きたい国がある")]
    [InlineData("電気が急に消えて")]
    [InlineData("宿題ぜんぶ終わらせたら遊ぼ")]
    [InlineData("前髪切りすぎた")]
    [InlineData("傷んだ毛先を切った")]
    public void OrdinaryFormsNearTheStems_StayBelowHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("物置にあった除草剤飲んだ", "poison-drunk")]
    [InlineData("i just drank some bleach", "poison-drunk")]
    [InlineData("手首ぱっくり切れて縫わないとだめそう", "cut-severe")]
    [InlineData("明日の朝にはもうこの世におらんよ", "absence-dated")]
    [InlineData("i'm not gonna be around tomorrow", "absence-dated")]
    [InlineData("今夜でおしまい。みんなばいばい", "end-today-farewell")]
    [InlineData("親父に蹴られて、今もまだ怒鳴っとる", "violence-then-raging")]
    [InlineData("ホームのいちばん前で通過電車を待ってる", "rail-train-coming")]
    public void ASituationOfDangerNow_IsCritical(string text, string rule)
    {
        var a = Engine.Assess(text);
        Assert.Equal(RiskLevel.Critical, a.Level);
        Assert.Contains(rule, a.Rules);
    }

    [Theory]
    [InlineData("洗剤で食器洗った")]
    [InlineData("ドラマで犯人が農薬を飲ませる話だった")]
    [InlineData("料理中に指ざっくり切って縫わないとって言われた")]
    [InlineData("明日いないから鍵よろしく")]
    [InlineData("バイト今日で終わり！おつかれー")]
    [InlineData("ドア蹴って閉めたら怒られた")]
    [InlineData("ホームで電車待ってる、乗り換え3分しかない")]
    [InlineData("ホームの端で電車待ち、今日も遅延")]
    [InlineData("jisatsu no ronbun yonderu")]
    public void TheSameWordsInOrdinaryLife_StayBelowHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("継母にアイロン押し当てられた")]
    [InlineData("兄にタバコの火おしつけられた")]
    [InlineData("おじさんが夜になると布団に入ってくる")]
    [InlineData("塾の帰り、知らない人に家までつけられた")]
    [InlineData("ゲームの人が泊めてあげるから家おいでって")]
    public void AbuseAndGroomingToldByTheAct_AreHigh(string text) =>
        Assert.True(Engine.Assess(text).Level >= RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("アイロンかけたシャツ着ていく")]
    [InlineData("猫が布団に入ってくる、かわいい")]
    [InlineData("友達が泊まりにきた")]
    public void TheSameActsInOrdinaryLife_StayBelowHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");
}
