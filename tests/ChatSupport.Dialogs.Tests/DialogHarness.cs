using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.State;
using ChatSupport.BotKit.Testing;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.Dialogs.Tests;

/// <summary>
/// The whole stack in memory, as the host runs it: a test adapter, conversation state over
/// <see cref="MemoryStorage"/> (every turn loads the stack from JSON and saves it back), and a root
/// dialog run with <see cref="DialogExtensions.RunAsync(Dialog, ITurnContext, IStatePropertyAccessor{DialogState}, GlobalCommands?, CancellationToken)"/>.
/// </summary>
internal sealed class DialogHarness
{
    public DialogHarness(MemoryStorage? storage = null, string locale = "ja-JP")
    {
        Storage = storage ?? new MemoryStorage();
        ConversationState = new ConversationState(Storage);
        DialogState = ConversationState.CreateProperty<DialogState>("DialogState");
        Adapter = new TestAdapter(locale: locale);
    }

    public MemoryStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public IStatePropertyAccessor<DialogState> DialogState { get; }

    public TestAdapter Adapter { get; }

    /// <summary>What each turn's RunAsync returned, in order.</summary>
    public List<DialogTurnResult> Results { get; } = [];

    public TestFlow Flow(Dialog root, GlobalCommands? commands = null) => Flow(async (turnContext, ct) =>
    {
        Results.Add(await root.RunAsync(turnContext, DialogState, commands, ct));
    });

    /// <summary>A flow around custom turn logic; the conversation state is saved after each turn.</summary>
    public TestFlow Flow(BotCallbackHandler turn) => new(Adapter, async (turnContext, ct) =>
    {
        await turn(turnContext, ct);
        await ConversationState.SaveChangesAsync(turnContext, false, ct);
    });

    /// <summary>The saved stack, read straight from storage.</summary>
    public async Task<DialogState?> ReadSavedStackAsync()
    {
        var key = $"{Adapter.Conversation.ChannelId}/conversations/{Adapter.Conversation.Conversation!.Id}";
        var items = await Storage.ReadAsync([key]);
        return items.TryGetValue(key, out var item) && item.Data["DialogState"] is { } node
            ? System.Text.Json.JsonSerializer.Deserialize<DialogState>(node, BotState.JsonOptions)
            : null;
    }

    public static Activity PostBack(string value) => new()
    {
        Type = ActivityTypes.Message,
        Value = System.Text.Json.JsonSerializer.SerializeToElement(value),
    };
}

internal static class TestFlowExtensions
{
    /// <summary>The next reply has this text and exactly these suggested-action button titles.</summary>
    public static TestFlow AssertReplyWithButtons(this TestFlow flow, string text, params string[] titles) => flow.AssertReply(reply =>
    {
        Assert.Equal(text, reply.Text);
        Assert.NotNull(reply.SuggestedActions);
        Assert.Equal(titles, reply.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.All(reply.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
    });

    /// <summary>Runs an assertion between steps.</summary>
    public static TestFlow Check(this TestFlow flow, Action check) => flow.Then(() =>
    {
        check();
        return Task.CompletedTask;
    });

    public static TestFlow Check(this TestFlow flow, Func<Task> check) => flow.Then(check);
}
