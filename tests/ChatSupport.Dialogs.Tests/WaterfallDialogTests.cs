using ChatSupport.BotKit.Activities;

namespace ChatSupport.Dialogs.Tests;

public class WaterfallDialogTests
{
    [Fact]
    public async Task Steps_RunInOrder_EachGettingThePreviousAnswer()
    {
        var harness = new DialogHarness();
        var root = new WaterfallDialog("root",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("step 1", ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"step 2 got {step.Result}", ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"step 3 got {step.Result}", ct);
                return await step.EndDialogAsync("done", ct);
            },
        ]);

        await harness.Flow(root)
            .Send("hi").AssertReply("step 1")
            .Send("a").AssertReply("step 2 got a")
            .Send("b").AssertReply("step 3 got b").AssertNoReply()
            .Check(() => Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "done"), harness.Results[^1]))
            .Send("again").AssertReply("step 1")
            .StartTestAsync();
    }

    [Fact]
    public async Task PromptResult_IsTheNextStepsResult_AndValuesSurviveTurns()
    {
        var harness = new DialogHarness();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask",
        [
            (step, ct) => step.PromptAsync("name", PromptOptions.FromText("お名前は？"), ct),
            (step, ct) =>
            {
                step.Values["name"] = (string)step.Result!;
                return step.PromptAsync("age", PromptOptions.FromText("何歳ですか？"), ct);
            },
            async (step, ct) =>
            {
                var age = (int)step.Result!;
                await step.Context.SendActivityAsync($"{step.GetValue<string>("name")}さん、{age}歳", ct);
                return await step.EndDialogAsync(age, ct);
            },
        ]));
        root.AddDialog(new TextPrompt("name"));
        root.AddDialog(new NumberPrompt<int>("age"));

        await harness.Flow(root)
            .Send("こんにちは").AssertReply("お名前は？")
            .Send("ゆき").AssertReply("何歳ですか？")
            .Send("１７歳です").AssertReply("ゆきさん、17歳")
            .Check(() => Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, 17), harness.Results[^1]))
            .StartTestAsync();
    }

    [Fact]
    public async Task NextAsync_SkipsAheadWithItsResult_AndOptionsReachEveryStep()
    {
        var harness = new DialogHarness();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("start", [(step, ct) => step.BeginDialogAsync("flow", new FlowOptions("いじめ"), ct)]));
        root.AddDialog(new WaterfallDialog("flow",
        [
            (step, ct) => step.NextAsync("skipped", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"{step.Result} / {step.GetOptions<FlowOptions>()!.Topic} / step {step.Index}", ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"still {step.GetOptions<FlowOptions>()!.Topic}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));

        await harness.Flow(root)
            .Send("hi").AssertReply("skipped / いじめ / step 1")
            .Send("next").AssertReply("still いじめ")
            .StartTestAsync();
    }

    [Fact]
    public async Task NextAsync_CalledTwice_Throws()
    {
        var harness = new DialogHarness();
        var root = new WaterfallDialog("root",
        [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
        ]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Flow(root).Send("hi").StartTestAsync());
        Assert.Contains("already called", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonMessageActivities_DoNotAdvanceTheWaterfall()
    {
        var harness = new DialogHarness();
        var root = new WaterfallDialog("root",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("first", ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"second: {step.Result}", ct);
                return Dialog.EndOfTurn;
            },
        ]);

        await harness.Flow(root)
            .Send("hi").AssertReply("first")
            .Send(Activity.CreateTyping()).AssertNoReply()
            .Send(Activity.CreateEvent("webchat/join")).AssertNoReply()
            .Send("answer").AssertReply("second: answer")
            .StartTestAsync();
    }

    private sealed record FlowOptions(string Topic);
}
