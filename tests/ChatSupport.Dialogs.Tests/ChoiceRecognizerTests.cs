using ChatSupport.BotKit.Activities;

namespace ChatSupport.Dialogs.Tests;

public class ChoiceRecognizerTests
{
    private static readonly Choice[] YesNo = [new("はい"), new("いいえ")];

    private static readonly Choice[] Menu =
    [
        new("話を聞いてほしい"),
        new("相談先を知りたい"),
        new("人と話したい"),
    ];

    [Theory]
    [InlineData("はい", 0)]
    [InlineData("いいえ", 1)]
    [InlineData("イイエ", 1)]
    [InlineData("「はい」", 0)]
    [InlineData(" はい。 ", 0)]
    public void YesNo_ExactTextInAnyWidthOrKana(string text, int index) =>
        Assert.Equal(index, ChoiceRecognizer.Recognize(text, YesNo)!.Index);

    [Fact]
    public void Iie_DoesNotMatchAShorterOptionItContains()
    {
        Choice[] choices = [new("いい", "いいよ"), new("いいえ")];

        Assert.Equal("いいえ", ChoiceRecognizer.Recognize("いいえ", choices)!.Value);
        Assert.Equal("いいえ", ChoiceRecognizer.Recognize("いいえ、やめておきます", choices)!.Value);
        Assert.Equal("いい", ChoiceRecognizer.Recognize("いい", choices)!.Value);
    }

    [Fact]
    public void TypedTextContainingAnOption_FindsIt()
    {
        Choice[] topics = [new("いじめ"), new("家族"), new("学校")];

        var found = ChoiceRecognizer.Recognize("いじめのこと", topics)!;

        Assert.Equal(("いじめ", 0), (found.Value, found.Index));
        Assert.InRange(found.Score, 0.5, 0.9);
    }

    [Fact]
    public void TypedTextThatIsPartOfAnOption_FindsIt()
    {
        Assert.Equal("相談先を知りたい", ChoiceRecognizer.Recognize("相談先", Menu)!.Value);
        Assert.Equal("話を聞いてほしい", ChoiceRecognizer.Recognize("話を聞いて", Menu)!.Value);
    }

    [Theory]
    [InlineData("い")]
    [InlineData("いい")]
    public void TooShortOrOneCharacterAway_IsNotAPartialMatch(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, YesNo));

    [Theory]
    [InlineData("1", 0)]
    [InlineData("１", 0)]
    [InlineData("①", 0)]
    [InlineData("2番", 1)]
    [InlineData("２つ目", 1)]
    [InlineData("2つめ", 1)]
    [InlineData("三番目", 2)]
    [InlineData("ふたつ目", 1)]
    [InlineData("3でお願いします", 2)]
    [InlineData("最後", 2)]
    [InlineData("最初の", 0)]
    [InlineData("no. 2", 1)]
    [InlineData("2nd", 1)]
    [InlineData("the last one", 2)]
    public void NumbersAndOrdinals_PickThatOption(string text, int index) =>
        Assert.Equal(index, ChoiceRecognizer.Recognize(text, Menu)!.Index);

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("12番")]
    public void NumbersOutOfRange_AreNotRecognized(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, Menu));

    [Fact]
    public void OrdinalsCanBeTurnedOff()
    {
        var options = new ChoiceRecognizerOptions { RecognizeOrdinals = false };
        Assert.Null(ChoiceRecognizer.Recognize("2", Menu, options));
    }

    [Fact]
    public void Synonyms_AndEnglishWords_AreMatchedAsWholeWords()
    {
        Choice[] choices = [new("Yes", "yeah"), new("No", "nope")];

        Assert.Equal("No", ChoiceRecognizer.Recognize("nope", choices)!.Value);
        Assert.Equal("Yes", ChoiceRecognizer.Recognize("Yeah, sure", choices)!.Value);
        Assert.Null(ChoiceRecognizer.Recognize("I don't know", choices)); // "no" inside "know" is not "no"
        Assert.Null(ChoiceRecognizer.Recognize("nothing", choices));
    }

    [Fact]
    public void AnAnswerNamingTwoOptions_IsAmbiguous()
    {
        Choice[] topics = [new("いじめ"), new("家族のこと")];

        Assert.Null(ChoiceRecognizer.Recognize("いじめと家族のこと", topics));
        Assert.Equal(2, ChoiceRecognizer.RecognizeAll("いじめと家族のこと", topics).Count);
    }

    [Fact]
    public void ButtonValues_WinOverText_ForPostBackAndMessageBack()
    {
        Choice[] choices =
        [
            new("話を聞いてほしい") { Action = new CardAction(ActionTypes.PostBack, "話を聞いてほしい", "listen") },
            new("相談先を知りたい") { Action = new CardAction(ActionTypes.PostBack, "相談先を知りたい", "directory") },
        ];

        var postBack = DialogHarness.PostBack("directory");
        Assert.Equal(1, ChoiceRecognizer.Recognize(postBack, choices)!.Index);

        var messageBack = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "話を聞いてほしい",
            Value = System.Text.Json.JsonSerializer.SerializeToElement(new { value = "directory" }),
        };
        Assert.Equal(1, ChoiceRecognizer.Recognize(messageBack, choices)!.Index);
    }

    [Fact]
    public void PartialMatchCanBeTurnedOff()
    {
        var options = new ChoiceRecognizerOptions { AllowPartialMatch = false };
        Assert.Null(ChoiceRecognizer.Recognize("相談先", Menu, options));
        Assert.Equal(1, ChoiceRecognizer.Recognize("相談先を知りたい！", Menu, options)!.Index);
    }
}
