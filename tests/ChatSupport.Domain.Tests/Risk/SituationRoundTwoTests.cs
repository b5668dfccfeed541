using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round two of issue #12: the kinds of danger the first situation layer missed (English and romaji
/// overdoses, dialect wishes, cutting under way in plain words, sextortion with a deadline, a dangerous place
/// with giving up, locking oneself in from violence, being taken away), each with its ordinary look-alike that
/// must stay below high. Every message here was written for these tests.
/// </summary>
public class SituationRoundTwoTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("just swallowed all my sleeping pills", "overdose")]
    [InlineData("took like 30 of my meds", "overdose")]
    [InlineData("i overdosed", "overdose")]
    [InlineData("kusuri takusan nomikonda", "overdose")]
    [InlineData("sakki minzai zenbu nonda", "overdose")]
    public void AnOverdoseInEnglishOrRomaji_IsCritical(string text, string situation)
    {
        var result = Engine.Assess(text);

        Assert.Equal(RiskLevel.Critical, result.Level);
        Assert.Contains(situation, result.Situations);
    }

    [Theory]
    [InlineData("took my meds after dinner like the doctor said")]
    [InlineData("i took the bus home, all my friends were there")]
    [InlineData("kusuri nonda kara daijoubu")]
    public void MedicineOrTakingInOrdinaryEnglish_IsNotHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, text);

    [Theory]
    [InlineData("はよ消えてなくなりてえ")]
    [InlineData("もう消えてしまいてぇわ")]
    [InlineData("おらんくなりてー")]
    [InlineData("もう生きとうない")]
    [InlineData("i just want to disappear tbh")]
    [InlineData("honestly i dont wanna be alive")]
    public void ADialectOrEnglishWishToDisappear_IsHigh(string text) =>
        Assert.True(Engine.Assess(text).Level >= RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("死にとうないけど、毎日しんどい")]
    [InlineData("学校いきたくないけど行くわ")]
    [InlineData("今日バイトいきたない")]
    [InlineData("今日学校いきたくない")]
    public void NotWantingToDieOrToGoToSchool_IsNotHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("どっか助けてくれるとこないかな？")]
    [InlineData("助けてくれる窓口ってどこですか")]
    [InlineData("区役所に行ったら本当に助けてくれるもんなの？")]
    [InlineData("先生って相談したら助けてくれるかな")]
    public void AskingWhereHelpIs_IsNotHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("だれか助けて")]
    [InlineData("だれか助けてくれ")]
    public void ACallForHelp_StaysHigh(string text) =>
        Assert.True(Engine.Assess(text).Level >= RiskLevel.High);

    [Theory]
    [InlineData("腕切ってる、とまらん", "cutting-now")]
    [InlineData("カミソリある。いまから切る", "cutting-now")]
    [InlineData("さっき手首切った、血がだらだら出てる", "fresh-cut-bleeding")]
    public void CuttingUnderWayInPlainWords_IsCritical(string text, string rule)
    {
        var result = Engine.Assess(text);

        Assert.Equal(RiskLevel.Critical, result.Level);
        Assert.Contains(rule, result.Rules);
        Assert.Contains("method_under_way", result.Situations);
    }

    [Theory]
    [InlineData("いま美容院で髪切ってるとこ")]
    [InlineData("今から野菜切る、カレー作る")]
    [InlineData("紙で指切った、血出たｗ")]
    public void OrdinaryCutting_IsNotCritical(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.Critical, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("明日の夜までに払わなかったら画像ネットに流すって言われた")]
    [InlineData("今夜中に送金しないとばらまくってDMきてる")]
    [InlineData("今日中に2万払わんと拡散するって")]
    public void SextortionWithADeadline_IsCritical(string text)
    {
        var result = Engine.Assess(text);

        Assert.Equal(RiskLevel.Critical, result.Level);
        Assert.Contains("sextortion", result.Situations);
    }

    [Theory]
    [InlineData("明日までにレポート出さないと単位やばい")]
    [InlineData("今日中に写真のデータ送らなきゃ")]
    public void ADeadlineWithoutAThreat_IsNotHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("団地の屋上おる。もうどうでもええ")]
    [InlineData("鉄橋まできた。もう無理")]
    public void ADangerousPlaceWithGivingUp_IsCritical(string text)
    {
        var result = Engine.Assess(text);

        Assert.Equal(RiskLevel.Critical, result.Level);
        Assert.Contains("place_of_danger", result.Situations);
    }

    [Theory]
    [InlineData("屋上で弁当たべた、もういいや午後サボる")]
    [InlineData("もう無理、テスト範囲ひろすぎ")]
    public void GivingUpWithoutADangerousPlace_OrAtAnEverydayOne_IsNotCritical(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.Critical, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("兄貴がドアがんがんしてくる。鍵かけた")]
    [InlineData("おとんが暴れとって部屋に閉じこもってる")]
    [InlineData("母さんの彼氏がドア叩いてる、布団かぶってる")]
    public void ViolenceAtTheDoorNow_IsCritical(string text)
    {
        var result = Engine.Assess(text);

        Assert.Equal(RiskLevel.Critical, result.Level);
        Assert.Contains("violence_now", result.Situations);
    }

    [Theory]
    [InlineData("寒いから鍵かけて布団かぶって寝る")]
    [InlineData("お母さんに鍵しめてって言われた")]
    public void LockingTheDoorOnAnOrdinaryDay_IsNotHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Fact]
    public void BeingTakenAwayByAStranger_IsCritical() =>
        Assert.Equal(RiskLevel.Critical, Engine.Assess("知らない男に腕つかまれて連れていかれそう").Level);

    [Fact]
    public void BeingTakenToTheDentistByMum_IsNotHigh() =>
        Assert.True(Engine.Assess("ママに歯医者つれてかれた").Level < RiskLevel.High);

    [Theory]
    [InlineData("ホームで電車待ってる")]
    [InlineData("カフェにいる、課題やってる")]
    public void AKatakanaPlaceBeforeAParticle_IsReadAsAWord_WithoutRaisingOrdinaryMessages(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Fact]
    public void AKatakanaPlaceBeforeAParticle_CountsAsPresence()
    {
        var result = Engine.Assess("駅のホームにいる");

        Assert.Contains(result.Cues, c => c.Class == "presence_now");
    }
}
