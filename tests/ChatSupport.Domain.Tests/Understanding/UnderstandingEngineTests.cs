using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

public class UnderstandingEngineTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("こんにちは〜", Intent.Greeting)]
    [InlineData("ありがと、またね", Intent.Farewell)]
    [InlineData("これってＡＩ？", Intent.AskIsBot)]
    [InlineData("中の人とかいるの", Intent.AskIsBot)]
    [InlineData("名前って言わなきゃだめ？", Intent.AskPrivacy)]
    [InlineData("親にバレたりしない？", Intent.AskPrivacy)]
    [InlineData("夜中でも話せる？", Intent.AskHours)]
    [InlineData("土日もやってますか", Intent.AskHours)]
    [InlineData("こんなことで相談していいのかな", Intent.AskCanConsult)]
    [InlineData("人と話したいです", Intent.AskPerson)]
    [InlineData("どこに相談すればいいかわからん", Intent.AskServices)]
    [InlineData("電話はむりです", Intent.CannotCall)]
    [InlineData("声出せないんだけど", Intent.CannotCall)]
    public void ReadsIntents(string text, Intent expected)
    {
        var result = Engine.Understand(text);

        Assert.Contains(expected, result.Intents);
        Assert.Contains(result.Cues, c => c.Kind == CueKind.Intent && c.Label == expected.ToWire());
    }

    [Theory]
    [InlineData("好きな食べ物なに")]
    [InlineData("あいうえお")]
    public void NothingToRead_IsOther(string text)
    {
        var result = Engine.Understand(text);

        Assert.Equal([Intent.Other], result.Intents);
        Assert.Empty(result.Categories);
    }

    [Theory]
    [InlineData("親とケンカばっかで家にいたくない", SupportCategory.Family)]
    [InlineData("バイト先の店長が怖くて行きたくない", SupportCategory.Work)]
    [InlineData("家賃払えなくてやばい", SupportCategory.Poverty)]
    [InlineData("ネットで知り合った人に写真送れって言われてる", SupportCategory.OnlineHarm)]
    [InlineData("友達いなくてずっとぼっち", SupportCategory.Loneliness)]
    [InlineData("学校行けてない、不登校", SupportCategory.School)]
    public void ReadsCategoriesAsDisclosures(string text, SupportCategory expected)
    {
        var result = Engine.Understand(text);

        Assert.Contains(expected, result.Categories);
        Assert.Contains(Intent.Disclosure, result.Intents);
    }

    [Fact]
    public void RiskCategories_AreIncluded_WithTheRiskCueAsEvidence()
    {
        var reading = Engine.Read("もう死にたい");

        Assert.Equal(RiskLevel.High, reading.Risk.Level);
        Assert.Contains(SupportCategory.Suicidal, reading.Understanding.Categories);
        Assert.Contains(reading.Understanding.Cues, c => c.Kind == CueKind.Risk && c.Label == "suicidal");
    }

    [Fact]
    public void BareTopicWord_WithoutDisclosure_IsNoCategory()
    {
        var result = Engine.Understand("親に言わないでほしい");

        Assert.Contains(Intent.AskPrivacy, result.Intents);
        Assert.DoesNotContain(SupportCategory.Family, result.Categories);
    }

    [Theory]
    [InlineData("中2です", AgeBand.JuniorHighSchool)]
    [InlineData("高１の女子", AgeBand.HighSchool)]
    [InlineData("17歳", AgeBand.HighSchool)]
    [InlineData("１７さいです", AgeBand.HighSchool)]
    [InlineData("大学生なんですけど", AgeBand.YoungAdult)]
    [InlineData("社会人2年目です", AgeBand.YoungAdult)]
    [InlineData("ハタチになったばっか", AgeBand.YoungAdult)]
    [InlineData("二十歳です", AgeBand.YoungAdult)]
    [InlineData("小5だよ", AgeBand.ElementarySchool)]
    [InlineData("JKです", AgeBand.HighSchool)]
    [InlineData("浪人生です", AgeBand.YoungAdult)]
    [InlineData("フリーターしてます", AgeBand.YoungAdult)]
    [InlineData("19、大阪", AgeBand.YoungAdult)]
    [InlineData("20代です", AgeBand.YoungAdult)]
    public void ReadsAgeBands(string text, AgeBand expected)
    {
        Assert.Equal(expected, Engine.Understand(text).AgeBand);
    }

    [Theory]
    [InlineData("兄が大学生で、私はまだ何も決まってない")]
    [InlineData("3年前からずっと")]
    [InlineData("10時に寝た")]
    [InlineData("5万円しかない")]
    [InlineData("中2の時にいじめられてた")]
    [InlineData("中二病って言われた")]
    public void NoAgeOfTheWriter(string text)
    {
        Assert.Null(Engine.Understand(text).AgeBand);
    }

    [Theory]
    [InlineData("大阪住みです", "27")]
    [InlineData("東京都在住", "13")]
    [InlineData("京都府に住んでる", "26")]
    [InlineData("札幌の高校生", "01")]
    [InlineData("横浜で一人暮らし", "14")]
    [InlineData("福岡市の大学に通ってる", "40")]
    [InlineData("実家は青森だけど今は仙台に住んでる", "04")]
    [InlineData("ほっかいどう", "01")]
    public void ReadsPrefectures(string text, string expected)
    {
        Assert.Equal(expected, Engine.Understand(text).PrefectureCode);
    }

    [Theory]
    [InlineData("府中に住んでる")]
    [InlineData("伊達市です")]
    [InlineData("大和に住んでます")]
    [InlineData("山口さんに怒られた")]
    [InlineData("大分良くなった")]
    [InlineData("東京と大阪どっちがいいかな")]
    public void NoPrefectureWhenUnsure(string text)
    {
        Assert.Null(Engine.Understand(text).PrefectureCode);
    }

    [Fact]
    public void Preferences_CannotCallMeansText_AndCounselorKind()
    {
        var result = Engine.Understand("電話は無理。女の人がいいです");

        Assert.True(result.Preferences.CannotCall);
        Assert.True(result.Preferences.PrefersText);
        Assert.Equal(CounselorPreferences.Female, result.Preferences.CounselorPreference);
        Assert.Contains(Intent.AskPerson, result.Intents);
    }

    [Theory]
    [InlineData("かねる")]
    [InlineData("子どもの頃の話")]
    [InlineData("あの先生が苦手")]
    public void ShortKanaCues_MatchOnlyAsWords(string text)
    {
        var result = Engine.Understand(text);

        Assert.DoesNotContain(Intent.Greeting, result.Intents);
        Assert.DoesNotContain(Intent.Farewell, result.Intents);
    }

    [Fact]
    public void CueSpans_PointIntoTheOriginalText()
    {
        const string text = "えっと、中２です。大阪住み";
        var result = Engine.Understand(text);

        var age = Assert.Single(result.Cues, c => c.Kind == CueKind.AgeBand);
        Assert.Equal("中２", text.Substring(age.Start, age.Length));
        var place = Assert.Single(result.Cues, c => c.Kind == CueKind.Prefecture);
        Assert.Equal("大阪", text.Substring(place.Start, place.Length));
    }

    [Fact]
    public void Scan_AgreesWithRead_AndAllocatesNothingAfterWarmUp()
    {
        const string text = "高2です。部活の先輩に無視されてて、学校行きたくない。名前言わなくても相談できる？横浜住み";
        var reading = Engine.Read(text);
        var scan = Engine.Scan(text);

        Assert.Equal(reading.Risk.Level, scan.Risk.Level);
        Assert.Equal(reading.Understanding.Intents, Intents.All.Where(scan.Understanding.Has));
        Assert.Equal(reading.Understanding.Categories, SupportCategories.All.Where(scan.Understanding.Has));
        Assert.Equal(reading.Understanding.AgeBand, scan.Understanding.AgeBand);
        Assert.Equal(reading.Understanding.PrefectureCode, scan.Understanding.PrefectureCode);

        for (var i = 0; i < 10; i++)
        {
            Engine.Scan(text);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Engine.Scan(text);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void MessageReader_ReadsRiskAndUnderstandingTogether()
    {
        var reading = MessageReader.CreateDefault().Read("中3。親に殴られる。どこに相談したらいい？");

        Assert.True(reading.Risk.Level >= RiskLevel.Medium);
        Assert.True(reading.Understanding.Has(Intent.AskServices));
        Assert.True(reading.Understanding.Has(Intent.Disclosure));
        Assert.True(reading.Understanding.Has(SupportCategory.Abuse));
        Assert.Equal(AgeBand.JuniorHighSchool, reading.Understanding.AgeBand);
    }
}
