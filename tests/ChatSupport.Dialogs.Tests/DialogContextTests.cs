namespace ChatSupport.Dialogs.Tests;

public class DialogContextTests
{
    [Fact]
    public async Task EndDialog_ResumesTheParentWithTheChildsResult()
    {
        var harness = new DialogHarness();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("parent",
        [
            (step, ct) => step.BeginDialogAsync("child", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"child said {step.Result}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new WaterfallDialog("child",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("child asks", ct);
                return Dialog.EndOfTurn;
            },
            (step, ct) => step.EndDialogAsync($"«{step.Result}»", ct),
        ]));

        await harness.Flow(root)
            .Send("hi").AssertReply("child asks")
            .Send("ok").AssertReply("child said «ok»").AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ReplaceDialog_EndsTheActiveOneWithoutResumingItsParent()
    {
        var harness = new DialogHarness();
        var ended = new List<(string Id, DialogReason Reason)>();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("menu",
        [
            (step, ct) => step.BeginDialogAsync("a", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"menu resumed with {step.Result}", ct);
                return Dialog.EndOfTurn;
            },
        ]));
        root.AddDialog(new RecordingWaterfall("a", ended,
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("in a", ct);
                return Dialog.EndOfTurn;
            },
            (step, ct) => step.ReplaceDialogAsync("b", null, ct),
        ]));
        root.AddDialog(new RecordingWaterfall("b", ended,
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("in b", ct);
                return Dialog.EndOfTurn;
            },
            (step, ct) => step.EndDialogAsync("from b", ct),
        ]));

        await harness.Flow(root)
            .Send("hi").AssertReply("in a")
            .Send("go").AssertReply("in b").AssertNoReply()
            .Check(() => Assert.Equal([("a", DialogReason.ReplaceCalled)], ended))
            .Send("done").AssertReply("menu resumed with from b")
            .Check(() => Assert.Equal(("b", DialogReason.EndCalled), ended[^1]))
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelAllDialogs_EndsEveryDialogTopFirst_AndEmptiesTheStack()
    {
        var harness = new DialogHarness();
        var ended = new List<(string Id, DialogReason Reason)>();
        var set = new DialogSet(harness.DialogState);
        set.Add(new RecordingWaterfall("outer", ended, [(step, ct) => step.BeginDialogAsync("inner", null, ct)]));
        set.Add(new RecordingWaterfall("inner", ended, [(step, ct) => Task.FromResult(Dialog.EndOfTurn)]));

        DialogTurnResult? cancelled = null;
        await harness.Flow(async (turnContext, ct) =>
            {
                var dc = await set.CreateContextAsync(turnContext, ct);
                if (turnContext.Activity.Text == "cancel")
                {
                    cancelled = await dc.CancelAllDialogsAsync(ct);
                    Assert.Empty(dc.Stack);
                    Assert.Null(dc.ActiveDialog);
                }
                else
                {
                    await dc.BeginDialogAsync("outer", null, ct);
                    Assert.Equal(["inner", "outer"], dc.Stack.Select(i => i.Id));
                }
            })
            .Send("start")
            .Send("cancel")
            .Check(() =>
            {
                Assert.Equal(DialogTurnStatus.Cancelled, cancelled!.Status);
                Assert.Equal([("inner", DialogReason.CancelCalled), ("outer", DialogReason.CancelCalled)], ended);
            })
            .Check(async () => Assert.Empty((await harness.ReadSavedStackAsync())!.DialogStack))
            .StartTestAsync();
    }

    [Fact]
    public async Task BeginDialog_WithAnUnknownId_NamesTheIdAndTheFix()
    {
        var harness = new DialogHarness();
        var root = new WaterfallDialog("root", [(step, ct) => step.BeginDialogAsync("missing", null, ct)]);

        var error = await Assert.ThrowsAsync<DialogNotFoundException>(() => harness.Flow(root).Send("hi").StartTestAsync());

        Assert.Equal("missing", error.DialogId);
        Assert.False(error.FromSavedStack);
        Assert.Contains("'missing' wasn't found", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddDialog", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DialogSet_RejectsASecondDialogWithTheSameId()
    {
        var set = new DialogSet().Add(new TextPrompt("same"));
        var error = Assert.Throws<ArgumentException>(() => set.Add(new ConfirmPrompt("same")));
        Assert.Contains("'same'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WhenTheSavedStackNamesAVanishedDialog_StartsTheRootAgain()
    {
        var harness = new DialogHarness();
        var old = new WaterfallDialog("old-flow",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("old question", ct);
                return Dialog.EndOfTurn;
            },
        ]);
        var renamed = new WaterfallDialog("new-flow",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("new welcome", ct);
                return Dialog.EndOfTurn;
            },
        ]);

        await harness.Flow(old).Send("hi").AssertReply("old question").StartTestAsync();
        await harness.Flow(renamed).Send("answer").AssertReply("new welcome").AssertNoReply().StartTestAsync();

        var saved = await harness.ReadSavedStackAsync();
        Assert.Equal(["new-flow"], saved!.DialogStack.Select(i => i.Id));
    }

    [Fact]
    public async Task RunAsync_DoesNotHideABeginOfAnUnknownIdInALaterTurn()
    {
        var harness = new DialogHarness();
        var root = new WaterfallDialog("root",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Q1", ct);
                return Dialog.EndOfTurn;
            },
            (step, ct) => step.BeginDialogAsync("typo", null, ct),
        ]);

        var error = await Assert.ThrowsAsync<DialogNotFoundException>(() => harness.Flow(root).Send("hi").AssertReply("Q1").Send("a").StartTestAsync());
        Assert.Equal("typo", error.DialogId);
    }

    private sealed class RecordingWaterfall(string id, List<(string Id, DialogReason Reason)> ended, IEnumerable<WaterfallStep> steps)
        : WaterfallDialog(id, steps)
    {
        public override Task EndDialogAsync(BotKit.Turns.ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended.Add((Id, reason));
            return Task.CompletedTask;
        }
    }
}
