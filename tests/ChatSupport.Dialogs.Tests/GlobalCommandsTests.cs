using ChatSupport.BotKit.Activities;

namespace ChatSupport.Dialogs.Tests;

public class GlobalCommandsTests
{
    [Theory]
    [InlineData("最初から", "restart")]
    [InlineData("「最初から」", "restart")]
    [InlineData("最初 から！", "restart")]
    [InlineData("Start over", "restart")]
    [InlineData("やめる", "cancel")]
    [InlineData("やめます。", "cancel")]
    [InlineData("キャンセル", "cancel")]
    [InlineData("ｷｬﾝｾﾙ", "cancel")]
    [InlineData("人と話したい", "human")]
    [InlineData("人と話したいです", "human")]
    [InlineData("人と話したい…", "human")]
    [InlineData("ヘルプ", "help")]
    [InlineData("へるぷ", "help")]
    [InlineData("HELP", "help")]
    [InlineData("ＨＥＬＰ！", "help")]
    public void Match_IsTolerantOfWidthSpacePunctuationAndPoliteEndings(string text, string command) =>
        Assert.Equal(command, Commands().Match(text)?.Name);

    [Theory]
    [InlineData("学校をやめたい")]
    [InlineData("助けて")]
    [InlineData("もう終わりにしたい")]
    [InlineData("最初から話すと長いんだけど")]
    [InlineData("")]
    [InlineData(null)]
    public void Match_OnlyTheWholeMessage_AndNeverDistressPhrases(string? text) =>
        Assert.Null(Commands().Match(text));

    [Fact]
    public void Add_RejectsAPhraseTwice()
    {
        var commands = new GlobalCommands().AddHelp(_ => Activity.CreateMessage("help"));
        var error = Assert.Throws<ArgumentException>(() => commands.Add("other", ["ヘルプ"], (_, _) => Task.FromResult<DialogTurnResult?>(null)));
        Assert.Contains("'help'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_CancelsTheActiveDialog_AndBeginsTheRootAgain()
    {
        var harness = new DialogHarness();
        await harness.Flow(TwoQuestions(), Commands())
            .Send("hi").AssertReply("Q1")
            .Send("a").AssertReply("Q2")
            .Send("最初から").AssertReply("最初からにします").AssertReply("Q1").AssertNoReply()
            .Send("b").AssertReply("Q2")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_EndsEverything_SaysGoodbye_AndTheNextMessageStartsOver()
    {
        var harness = new DialogHarness();
        await harness.Flow(TwoQuestions(), Commands())
            .Send("hi").AssertReply("Q1")
            .Send("やめる").AssertReply("またいつでも話しかけてね").AssertNoReply()
            .Check(async () => Assert.Empty((await harness.ReadSavedStackAsync())!.DialogStack))
            .Check(() => Assert.Equal(DialogTurnStatus.Cancelled, harness.Results[^1].Status))
            .Send("hello").AssertReply("Q1")
            .StartTestAsync();
    }

    [Fact]
    public async Task HumanRequest_CallsTheHostBeforeTheActivePrompt_EvenAsTheFirstMessage()
    {
        var harness = new DialogHarness();
        var requests = 0;
        var commands = Commands(async (context, ct) =>
        {
            requests++;
            await context.DialogContext.CancelAllDialogsAsync(ct);
            await context.TurnContext.SendActivityAsync("担当につなぎます", ct);
            return new DialogTurnResult(DialogTurnStatus.Cancelled);
        });

        await harness.Flow(TwoQuestions(), commands)
            .Send("人と話したい").AssertReply("担当につなぎます").AssertNoReply()
            .Send("hi").AssertReply("Q1")
            .Send("人と話したい。").AssertReply("担当につなぎます").AssertNoReply()
            .Check(() => Assert.Equal(2, requests))
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_AnswersAndThenTheActivePromptAsksAgain_WithoutCountingAsAnAnswer()
    {
        var harness = new DialogHarness();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = Activity.CreateMessage("続けますか？"), MaxAttempts = 1 }, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"answer {step.Result}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new ConfirmPrompt("confirm"));

        await harness.Flow(root, Commands())
            .Send("hi").AssertReply("続けますか？")
            .Send("ヘルプ").AssertReply("ボタンを押すか、文字で答えてください").AssertReplyWithButtons("続けますか？", "はい", "いいえ").AssertNoReply()
            .Send("うん").AssertReply("answer True")
            .StartTestAsync();
    }

    [Fact]
    public async Task AHandlerReturningNull_LetsTheActiveDialogHaveTheMessage()
    {
        var harness = new DialogHarness();
        var commands = new GlobalCommands().Add("quiet", ["help"], (_, _) => Task.FromResult<DialogTurnResult?>(null));

        await harness.Flow(TwoQuestions(), commands)
            .Send("hi").AssertReply("Q1")
            .Send("help").AssertReply("Q2")
            .StartTestAsync();
    }

    [Fact]
    public async Task WithoutGlobalCommands_TheWordsAreOrdinaryAnswers()
    {
        var harness = new DialogHarness();
        await harness.Flow(TwoQuestions())
            .Send("hi").AssertReply("Q1")
            .Send("やめる").AssertReply("Q2")
            .StartTestAsync();
    }

    private static GlobalCommands Commands(GlobalCommandHandler? human = null) => new GlobalCommands()
        .AddRestart(_ => Activity.CreateMessage("最初からにします"))
        .AddCancel(_ => Activity.CreateMessage("またいつでも話しかけてね"))
        .AddHumanRequest(human ?? ((_, _) => Task.FromResult<DialogTurnResult?>(Dialog.EndOfTurn)))
        .AddHelp(_ => Activity.CreateMessage("ボタンを押すか、文字で答えてください"));

    private static WaterfallDialog TwoQuestions() => new("root",
    [
        async (step, ct) =>
        {
            await step.Context.SendActivityAsync("Q1", ct);
            return Dialog.EndOfTurn;
        },
        async (step, ct) =>
        {
            await step.Context.SendActivityAsync("Q2", ct);
            return Dialog.EndOfTurn;
        },
        (step, ct) => step.EndDialogAsync(step.Result, ct),
    ]);
}
