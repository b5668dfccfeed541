using System.Text.Json;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.State;

namespace ChatSupport.Dialogs.Tests;

public class DialogStateRoundTripTests
{
    [Fact]
    public async Task AWaterfallAtStep2_ContinuesAtStep3_AfterARestartWithNewStateAndDialogObjects()
    {
        var storage = new MemoryStorage();

        // Process 1: run to step 2 (waiting on a choice prompt), keeping a value and options.
        var before = new DialogHarness(storage);
        await before.Flow(BuildFlow())
            .Send("こんにちは").AssertReply("Step 1: お名前は？")
            .Send("ゆき").AssertReplyWithButtons("Step 2: ゆきさん、どれにする？", "話を聞いてほしい", "相談先を知りたい")
            .StartTestAsync();

        // What is stored is plain JSON: no type names, and the stack names the step.
        var key = "test/conversations/conversation-1";
        var stored = (await storage.ReadAsync([key]))[key].Data.ToJsonString();
        Assert.DoesNotContain("$type", stored, StringComparison.Ordinal);
        var stack = (await before.ReadSavedStackAsync())!;
        var root = Assert.Single(stack.DialogStack);
        Assert.Equal(["choice", "flow", "start"], root.InnerState!.DialogStack.Select(i => i.Id));
        Assert.Equal(1, root.InnerState.DialogStack[1].Get<int>("stepIndex"));

        // Process 2: a new ConversationState and new dialog objects over the same storage.
        var after = new DialogHarness(storage);
        await after.Flow(BuildFlow())
            .Send("２番").AssertReply("Step 3: ゆきさん / 相談先を知りたい / from welcome")
            .Check(() => Assert.Equal(DialogTurnStatus.Complete, after.Results[^1].Status))
            .StartTestAsync();
    }

    [Fact]
    public void DialogState_SerializesAndDeserializes_WithTheSharedOptions()
    {
        var state = new DialogState();
        var instance = new DialogInstance("flow");
        instance.Set("stepIndex", 2);
        instance.Set("options", new PromptOptions { Prompt = Activity.CreateMessage("質問"), Choices = [new("はい", "うん")], Style = ListStyle.List, MaxAttempts = 2 });
        instance.State["values"] = new System.Text.Json.Nodes.JsonObject { ["topic"] = "いじめ" };
        instance.InnerState = new DialogState { DialogStack = [new DialogInstance("inner")] };
        state.DialogStack.Add(instance);

        var json = JsonSerializer.Serialize(state, BotState.JsonOptions);
        var back = JsonSerializer.Deserialize<DialogState>(json, BotState.JsonOptions)!;

        var copy = Assert.Single(back.DialogStack);
        Assert.Equal("flow", copy.Id);
        Assert.Equal(2, copy.Get<int>("stepIndex"));
        Assert.Equal(2L, copy.Get<long>("stepIndex"));
        var options = copy.Get<PromptOptions>("options")!;
        Assert.Equal(("質問", ListStyle.List, 2), (options.Prompt!.Text, options.Style!.Value, options.MaxAttempts!.Value));
        Assert.Equal(["うん"], options.Choices![0].Synonyms!);
        Assert.Equal("いじめ", copy.State["values"]!["topic"]!.GetValue<string>());
        Assert.Equal("inner", copy.InnerState!.DialogStack[0].Id);
        Assert.Contains("\"style\":\"List\"", json, StringComparison.Ordinal);
    }

    private static ComponentDialog BuildFlow()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("start", [(step, ct) => step.BeginDialogAsync("flow", new { source = "welcome" }, ct)]));
        root.AddDialog(new WaterfallDialog("flow",
        [
            (step, ct) => step.PromptAsync("name", PromptOptions.FromText("Step 1: お名前は？"), ct),
            (step, ct) =>
            {
                step.SetValue("name", (string)step.Result!);
                return step.PromptAsync("choice", new PromptOptions
                {
                    Prompt = Activity.CreateMessage($"Step 2: {step.Result}さん、どれにする？"),
                    Choices = [new("話を聞いてほしい"), new("相談先を知りたい")],
                }, ct);
            },
            async (step, ct) =>
            {
                var source = step.Options!["source"]!.GetValue<string>();
                await step.Context.SendActivityAsync($"Step 3: {step.GetValue<string>("name")}さん / {((FoundChoice)step.Result!).Value} / from {source}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new TextPrompt("name"));
        root.AddDialog(new ChoicePrompt("choice"));
        return root;
    }
}
