using System.Text.Json;
using ChatSupport.BotKit.Activities;

namespace ChatSupport.Dialogs.Tests;

public class PromptTests
{
    private static readonly Choice[] Topics =
    [
        new("話を聞いてほしい"),
        new("相談先を知りたい"),
        new("いじめ", "bullying"),
    ];

    [Theory]
    [InlineData("話を聞いてほしい", "話を聞いてほしい")]
    [InlineData("相談先を知りたい", "相談先を知りたい")]
    [InlineData("2", "相談先を知りたい")]
    [InlineData("２", "相談先を知りたい")]
    [InlineData("2番", "相談先を知りたい")]
    [InlineData("２つ目", "相談先を知りたい")]
    [InlineData("3番目でお願いします", "いじめ")]
    [InlineData("いじめのこと", "いじめ")]
    [InlineData("相談先", "相談先を知りたい")]
    [InlineData("bullying", "いじめ")]
    [InlineData("the second one", "相談先を知りたい")]
    public async Task ChoicePrompt_AcceptsTypedAnswers(string typed, string expected)
    {
        var harness = new DialogHarness();
        await harness.Flow(ChoiceFlow())
            .Send("hi").AssertReplyWithButtons("どうしたい？", "話を聞いてほしい", "相談先を知りたい", "いじめ")
            .Send(typed).AssertReply($"picked {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_AcceptsAButtonPress_AsImBackTextOrPostBackValue()
    {
        var harness = new DialogHarness();
        var flow = ChoiceFlow();

        // imBack: Web Chat sends the button's value as the message text.
        await harness.Flow(flow)
            .Send("hi").AssertReply(reply => Assert.Equal("相談先を知りたい", reply.SuggestedActions!.Actions[1].Value!.Value.GetString()))
            .Send("相談先を知りたい").AssertReply("picked 相談先を知りたい")
            .StartTestAsync();

        // postBack: the value arrives in activity.value, with no text.
        await harness.Flow(flow)
            .Send("hi").AssertReply(_ => { })
            .Send(DialogHarness.PostBack("いじめ")).AssertReply("picked いじめ")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_InEnglish()
    {
        var harness = new DialogHarness(locale: "en-US");
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("choice", new PromptOptions
            {
                Prompt = Activity.CreateMessage("What would you like?"),
                Choices = [new("Just talk"), new("Find support", "help line", "hotline"), new("Talk to a person")],
            }, ct),
            async (step, ct) =>
            {
                var choice = (FoundChoice)step.Result!;
                await step.Context.SendActivityAsync($"{choice.Index}:{choice.Value}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new ChoicePrompt("choice"));

        await harness.Flow(root).Send("hi").AssertReplyWithButtons("What would you like?", "Just talk", "Find support", "Talk to a person")
            .Send("find SUPPORT!").AssertReply("1:Find support").StartTestAsync();
        await harness.Flow(root).Send("hi").SkipReplies().Send("a hotline please").AssertReply("1:Find support").StartTestAsync();
        await harness.Flow(root).Send("hi").SkipReplies().Send("third").AssertReply("2:Talk to a person").StartTestAsync();
        await harness.Flow(root).Send("hi").SkipReplies().Send("#1").AssertReply("0:Just talk").StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_UnrecognizedAnswer_SendsTheRetryPromptWithButtonsAgain()
    {
        var harness = new DialogHarness();
        await harness.Flow(ChoiceFlow(retry: "ボタンから選んでね"))
            .Send("hi").SkipReplies()
            .Send("うーん").AssertReplyWithButtons("ボタンから選んでね", "話を聞いてほしい", "相談先を知りたい", "いじめ")
            .Send("9").AssertReply("ボタンから選んでね")
            .Send("1").AssertReply("picked 話を聞いてほしい")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_AnswerNamingTwoOptions_IsAskedAgainNotGuessed()
    {
        var harness = new DialogHarness();
        await harness.Flow(ChoiceFlow())
            .Send("hi").SkipReplies()
            .Send("いじめと相談先を知りたい").AssertReply("どうしたい？")
            .StartTestAsync();
    }

    [Theory]
    [InlineData(ListStyle.List)]
    [InlineData(ListStyle.HeroCard)]
    [InlineData(ListStyle.None)]
    public async Task ChoicePrompt_RendersTheListStyle(ListStyle style)
    {
        var harness = new DialogHarness();
        await harness.Flow(ChoiceFlow(style: style))
            .Send("hi").AssertReply(reply =>
            {
                Assert.Null(reply.SuggestedActions);
                switch (style)
                {
                    case ListStyle.List:
                        Assert.Equal("どうしたい？\n\n1. 話を聞いてほしい\n2. 相談先を知りたい\n3. いじめ", reply.Text);
                        break;
                    case ListStyle.HeroCard:
                        var attachment = Assert.Single(reply.Attachments!);
                        Assert.Equal(AttachmentContentTypes.HeroCard, attachment.ContentType);
                        var card = attachment.Content!.Value.Deserialize<HeroCard>(ActivityJson.Options)!;
                        Assert.Equal("どうしたい？", card.Text);
                        Assert.Equal(["話を聞いてほしい", "相談先を知りたい", "いじめ"], card.Buttons!.Select(b => b.Title));
                        break;
                    default:
                        Assert.Equal("どうしたい？", reply.Text);
                        Assert.Null(reply.Attachments);
                        break;
                }
            })
            .Send("2").AssertReply("picked 相談先を知りたい")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("はい", true)]
    [InlineData("うん", true)]
    [InlineData("ウン！", true)]
    [InlineData("ええ", true)]
    [InlineData("そうです", true)]
    [InlineData("はい、お願いします", true)]
    [InlineData("ＯＫ", true)]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("1", true)]
    [InlineData("いいえ", false)]
    [InlineData("ううん", false)]
    [InlineData("いや", false)]
    [InlineData("違う", false)]
    [InlineData("いいえ、違います", false)]
    [InlineData("no", false)]
    [InlineData("n", false)]
    [InlineData("2", false)]
    public async Task ConfirmPrompt_UnderstandsJapaneseAndEnglish(string answer, bool expected)
    {
        var harness = new DialogHarness();
        await harness.Flow(ConfirmFlow())
            .Send("hi").AssertReplyWithButtons("続けますか？", "はい", "いいえ")
            .Send(answer).AssertReply($"confirmed {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("いいです")]
    [InlineData("大丈夫")]
    [InlineData("うんざり")]
    [InlineData("そうじゃない")]
    [InlineData("はい いいえ")]
    public async Task ConfirmPrompt_DoesNotGuessAmbiguousAnswers(string answer)
    {
        var harness = new DialogHarness();
        await harness.Flow(ConfirmFlow())
            .Send("hi").SkipReplies()
            .Send(answer).AssertReplyWithButtons("続けますか？", "はい", "いいえ")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_ButtonTitlesFollowTheLocale_AndEitherLanguageIsUnderstood()
    {
        var harness = new DialogHarness(locale: "en-US");
        await harness.Flow(ConfirmFlow())
            .Send("hi").AssertReplyWithButtons("続けますか？", "Yes", "No")
            .Send("No").AssertReply("confirmed False")
            .Send("hi").SkipReplies()
            .Send("はい").AssertReply("confirmed True")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("17", 17)]
    [InlineData("１７", 17)]
    [InlineData("17歳", 17)]
    [InlineData("１７さいです", 17)]
    [InlineData("十七歳", 17)]
    [InlineData("I'm 16", 16)]
    public void NumberPrompt_RecognizesNumbersInText(string text, int expected)
    {
        var result = NumberPrompt<int>.Recognize(text);
        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("わからない")]
    [InlineData("2.5")]
    [InlineData("99999999999")]
    public void NumberPrompt_Int_RejectsTextFractionsAndOverflow(string text) =>
        Assert.False(NumberPrompt<int>.Recognize(text).Succeeded);

    [Fact]
    public void NumberPrompt_Decimal_AcceptsFractions() =>
        Assert.Equal(2.5m, NumberPrompt<decimal>.Recognize("２．５").Value);

    [Fact]
    public async Task Validator_RejectsAnAnswer_AndThePromptAsksAgainWithTheRetryPrompt()
    {
        var harness = new DialogHarness();
        var attempts = new List<int>();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("age", PromptOptions.FromText("何歳ですか？", "数字で教えてね（例: 16）"), ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"age {step.Result}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new NumberPrompt<int>("age", (prompt, ct) =>
        {
            attempts.Add(prompt.AttemptCount);
            return Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value is >= 6 and <= 30);
        }));

        await harness.Flow(root)
            .Send("hi").AssertReply("何歳ですか？")
            .Send("ひみつ").AssertReply("数字で教えてね（例: 16）")
            .Send("200").AssertReply("数字で教えてね（例: 16）")
            .Send("１５").AssertReply("age 15").AssertNoReply()
            .Check(() => Assert.Equal([1, 2, 3], attempts))
            .StartTestAsync();
    }

    [Fact]
    public async Task Validator_ThatSendsItsOwnMessage_ReplacesTheRetryPrompt()
    {
        var harness = new DialogHarness();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("nickname", PromptOptions.FromText("呼び名は？", "もう一度どうぞ"), ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"よろしく、{step.Result}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new TextPrompt("nickname", async (prompt, ct) =>
        {
            if (prompt.Recognized.Value!.Length <= 10)
            {
                return true;
            }

            await prompt.Context.SendActivityAsync("10文字までで教えてね", ct);
            return false;
        }));

        await harness.Flow(root)
            .Send("hi").AssertReply("呼び名は？")
            .Send("とってもながいニックネームです").AssertReply("10文字までで教えてね").AssertNoReply()
            .Send("ゆき").AssertReply("よろしく、ゆき")
            .StartTestAsync();
    }

    [Fact]
    public async Task AMessageSentEarlierInTheTurn_DoesNotSuppressTheRetryPrompt()
    {
        // The pipeline may answer before the dialogs run (the risk step sending support contacts).
        var harness = new DialogHarness();
        var root = ChoiceFlow(retry: "ボタンから選んでね");
        await harness.Flow(async (turnContext, ct) =>
            {
                if (turnContext.Activity.Text == "つらい")
                {
                    await turnContext.SendActivityAsync("pipeline message", ct);
                }

                await root.RunAsync(turnContext, harness.DialogState, ct);
            })
            .Send("hi").AssertReply("どうしたい？")
            .Send("つらい").AssertReply("pipeline message").AssertReply("ボタンから選んでね").AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_AfterTwoMisses_EndsWithNotRecognized_SoTheCallerCanOfferTheMenu()
    {
        var harness = new DialogHarness();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("choice", new PromptOptions
            {
                Prompt = Activity.CreateMessage("どうしたい？"),
                RetryPrompt = Activity.CreateMessage("ボタンから選んでね"),
                Choices = [.. Topics],
                MaxAttempts = 2,
            }, ct),
            async (step, ct) =>
            {
                if (step.Result is PromptNotRecognized missed)
                {
                    await step.Context.SendActivityAsync($"menu after {missed.Attempts} misses ({missed.PromptId})", ct);
                }
                else
                {
                    await step.Context.SendActivityAsync($"picked {((FoundChoice)step.Result!).Value}", ct);
                }

                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new ChoicePrompt("choice"));

        await harness.Flow(root)
            .Send("hi").AssertReply("どうしたい？")
            .Send("えっと").AssertReply("ボタンから選んでね")
            .Send("よくわからない").AssertReply("menu after 2 misses (choice)").AssertNoReply()
            .Send("hi").AssertReply("どうしたい？")
            .Send("えっと").AssertReply("ボタンから選んでね")
            .Send("いじめ").AssertReply("picked いじめ")
            .StartTestAsync();
    }

    [Fact]
    public async Task Prompt_BegunWithoutPromptOptions_SaysHowToBeginIt()
    {
        var harness = new DialogHarness();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps", [(step, ct) => step.BeginDialogAsync("text", "not options", ct)]));
        root.AddDialog(new TextPrompt("text"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Flow(root).Send("hi").StartTestAsync());
        Assert.Contains("PromptOptions", error.Message, StringComparison.Ordinal);
    }

    private static ComponentDialog ChoiceFlow(string? retry = null, ListStyle? style = null)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("choice", new PromptOptions
            {
                Prompt = Activity.CreateMessage("どうしたい？"),
                RetryPrompt = retry is null ? null : Activity.CreateMessage(retry),
                Choices = [.. Topics],
                Style = style,
            }, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"picked {((FoundChoice)step.Result!).Value}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new ChoicePrompt("choice"));
        return root;
    }

    private static ComponentDialog ConfirmFlow()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("confirm", PromptOptions.FromText("続けますか？"), ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"confirmed {step.Result}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new ConfirmPrompt("confirm"));
        return root;
    }
}
