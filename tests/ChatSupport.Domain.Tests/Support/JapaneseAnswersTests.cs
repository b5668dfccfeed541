using ChatSupport.Domain.Support;

namespace ChatSupport.Domain.Tests.Support;

public class JapaneseAnswersTests
{
    [Theory]
    [InlineData("中3", AgeBand.JuniorHighSchool)]
    [InlineData("中３", AgeBand.JuniorHighSchool)]
    [InlineData("中学2年生", AgeBand.JuniorHighSchool)]
    [InlineData("中学生です", AgeBand.JuniorHighSchool)]
    [InlineData("高1", AgeBand.HighSchool)]
    [InlineData("高校三年", AgeBand.HighSchool)]
    [InlineData("高校生", AgeBand.HighSchool)]
    [InlineData("小6", AgeBand.ElementarySchool)]
    [InlineData("小学5年", AgeBand.ElementarySchool)]
    [InlineData("大学生", AgeBand.YoungAdult)]
    [InlineData("大2", AgeBand.YoungAdult)]
    [InlineData("専門学校生", AgeBand.YoungAdult)]
    [InlineData("20代", AgeBand.YoungAdult)]
    [InlineData("30代", AgeBand.Adult)]
    public void SchoolYearsAndGroups_GiveABand(string text, AgeBand band)
    {
        Assert.True(JapaneseAnswers.TryParseAge(text, out var answer));
        Assert.Equal(band, answer.Band);
        Assert.Null(answer.Age);
    }

    [Theory]
    [InlineData("17", 17, AgeBand.HighSchool)]
    [InlineData("17歳", 17, AgeBand.HighSchool)]
    [InlineData("１７歳です", 17, AgeBand.HighSchool)]
    [InlineData("十七歳", 17, AgeBand.HighSchool)]
    [InlineData("二十歳", 20, AgeBand.YoungAdult)]
    [InlineData("はたち", 20, AgeBand.YoungAdult)]
    [InlineData("13才", 13, AgeBand.JuniorHighSchool)]
    [InlineData("12", 12, AgeBand.ElementarySchool)]
    [InlineData("二十五", 25, AgeBand.YoungAdult)]
    [InlineData("45", 45, AgeBand.Adult)]
    public void Numbers_GiveTheAgeAndItsBand(string text, int age, AgeBand band)
    {
        Assert.True(JapaneseAnswers.TryParseAge(text, out var answer));
        Assert.Equal(age, answer.Age);
        Assert.Equal(band, answer.Band);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("わからない")]
    [InlineData("中4")]       // no fourth year of junior high
    [InlineData("小7")]
    [InlineData("3")]         // out of range
    [InlineData("150")]
    [InlineData("10代")]      // spans three bands: ask again
    [InlineData("いじめ")]
    public void Nonsense_OrOutOfRange_IsNotAnAge(string? text)
    {
        Assert.False(JapaneseAnswers.TryParseAge(text, out _));
    }

    [Theory]
    [InlineData("東京", "13")]
    [InlineData("東京都", "13")]
    [InlineData("大阪府", "27")]
    [InlineData("大阪", "27")]
    [InlineData("北海道", "01")]
    [InlineData("京都", "26")]
    [InlineData("京都府です", "26")]
    [InlineData("神奈川県に住んでます", "14")]
    [InlineData("東京都に住んでいます", "13")]  // not 京都
    [InlineData("ふくしま", "07")]
    [InlineData("おきなわけん", "47")]
    [InlineData("Osaka", "27")]
    [InlineData("hokkaido", "01")]
    [InlineData("ｏｓａｋａ", "27")]
    public void PrefectureNames_AreRecognised(string text, string code)
    {
        Assert.True(JapaneseAnswers.TryParsePrefecture(text, out var prefecture));
        Assert.Equal(code, prefecture.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("わからない")]
    [InlineData("アメリカ")]
    [InlineData("なら行く")]   // a reading is accepted only as the whole answer
    public void UnknownPlaces_AreNotPrefectures(string? text)
    {
        Assert.False(JapaneseAnswers.TryParsePrefecture(text, out _));
    }
}
