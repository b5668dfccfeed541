using ChatSupport.BotKit.Turns;

namespace ChatSupport.Dialogs.Tests;

public class ComponentDialogTests
{
    [Fact]
    public async Task Component_RunsItsInnerDialogs_AndEndsWithTheirResult()
    {
        var harness = new DialogHarness();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("main",
        [
            (step, ct) => step.BeginDialogAsync("profile", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"profile: {step.Result}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new ProfileDialog());

        await harness.Flow(root)
            .Send("hi").AssertReply("学年は？")
            .Check(async () =>
            {
                var saved = await harness.ReadSavedStackAsync();
                var rootEntry = Assert.Single(saved!.DialogStack);
                Assert.Equal("root", rootEntry.Id);
                Assert.Equal(["profile", "main"], rootEntry.InnerState!.DialogStack.Select(i => i.Id));
                Assert.Equal(["grade", "steps"], rootEntry.InnerState.DialogStack[0].InnerState!.DialogStack.Select(i => i.Id));
            })
            .Send("中２").AssertReply("profile: 中２")
            .Check(() => Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status))
            .StartTestAsync();
    }

    [Fact]
    public async Task InitialDialogId_DefaultsToTheFirstAddedDialog_AndCanBeSet()
    {
        var component = new ComponentDialog("c");
        component.AddDialog(new TextPrompt("first")).AddDialog(new TextPrompt("second"));
        Assert.Equal("first", component.InitialDialogId);

        var harness = new DialogHarness();
        var root = new ComponentDialog("root") { InitialDialogId = "b" };
        root.AddDialog(Say("a", "A")).AddDialog(Say("b", "B"));
        await harness.Flow(root).Send("hi").AssertReply("B").StartTestAsync();
    }

    [Fact]
    public async Task OnContinueDialogAsync_SeesTheMessageBeforeTheInnerDialog()
    {
        var harness = new DialogHarness();
        var root = new ComponentDialog("root");
        root.AddDialog(new InterruptingComponent());

        await harness.Flow(root)
            .Send("hi").AssertReply("学年は？")
            .Send("help").AssertReply("help text").AssertReply("学年は？").AssertNoReply()
            .Send("中３").AssertNoReply()
            .Check(() => Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "中３"), harness.Results[^1]))
            .StartTestAsync();
    }

    [Fact]
    public async Task CancellingTheOuterStack_CancelsTheComponentsInnerDialogs()
    {
        var harness = new DialogHarness();
        var innerEnded = new List<DialogReason>();
        var component = new ComponentDialog("component");
        component.AddDialog(new EndRecordingPrompt("inner", innerEnded));
        var set = new DialogSet(harness.DialogState).Add(component);

        await harness.Flow(async (turnContext, ct) =>
            {
                var dc = await set.CreateContextAsync(turnContext, ct);
                if (turnContext.Activity.Text == "start")
                {
                    await dc.BeginDialogAsync("component", PromptOptions.FromText("なに？"), ct);
                }
                else
                {
                    await dc.CancelAllDialogsAsync(ct);
                }
            })
            .Send("start").AssertReply("なに？")
            .Send("cancel").AssertNoReply()
            .Check(() => Assert.Equal([DialogReason.CancelCalled], innerEnded))
            .StartTestAsync();
    }

    private static WaterfallDialog Say(string id, string text) => new(id,
    [
        async (step, ct) =>
        {
            await step.Context.SendActivityAsync(text, ct);
            return Dialog.EndOfTurn;
        },
    ]);

    private sealed class ProfileDialog : ComponentDialog
    {
        public ProfileDialog()
            : base("profile")
        {
            AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("grade", PromptOptions.FromText("学年は？"), ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]));
            AddDialog(new TextPrompt("grade"));
        }
    }

    private sealed class InterruptingComponent : ComponentDialog
    {
        public InterruptingComponent()
            : base("interrupting")
        {
            AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("grade", PromptOptions.FromText("学年は？"), ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]));
            AddDialog(new TextPrompt("grade"));
        }

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            if (innerDc.Context.Activity.Text == "help")
            {
                await innerDc.Context.SendActivityAsync("help text", cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return EndOfTurn;
            }

            return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }
    }

    private sealed class EndRecordingPrompt(string id, List<DialogReason> ended) : Dialog(id)
    {
        public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
        {
            await dc.Context.SendActivityAsync(((PromptOptions)options!).Prompt!.Text!, cancellationToken);
            return EndOfTurn;
        }

        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended.Add(reason);
            return Task.CompletedTask;
        }
    }
}
