using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.State;
using ChatSupport.BotKit.Testing;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.Domain.Tests.Turns;

public sealed class TurnEngineTests
{
    [Fact]
    public async Task Middleware_runs_in_order_around_the_bot_and_can_stop_a_turn()
    {
        var log = new List<string>();
        var adapter = new TestAdapter();
        adapter.Use(new Recording("a", log)).Use(new Recording("b", log));

        await adapter.SendAsync(Activity.CreateMessage("x"), (_, _) =>
        {
            log.Add("bot");
            return Task.CompletedTask;
        });
        Assert.Equal(["a>", "b>", "bot", "<b", "<a"], log);

        log.Clear();
        var stopping = new TestAdapter();
        stopping.Use(new Stopper()).Use(new Recording("never", log));
        await stopping.SendAsync(Activity.CreateMessage("x"), (_, _) =>
        {
            log.Add("bot");
            return Task.CompletedTask;
        });
        Assert.Empty(log);
    }

    [Fact]
    public async Task Send_hooks_see_and_can_change_every_batch()
    {
        var adapter = new TestAdapter();
        await adapter.SendAsync(Activity.CreateMessage("hi"), async (context, ct) =>
        {
            context.OnSendActivities(async (ctx, activities, next) =>
            {
                activities.Insert(0, Activity.CreateTyping());
                return await next();
            });
            Assert.False(context.Responded);
            await context.SendActivitiesAsync([Activity.CreateMessage("1"), Activity.CreateMessage("2")], ct);
            Assert.True(context.Responded);
        });

        Assert.Equal(ActivityTypes.Typing, adapter.GetNextReply()!.Type);
        Assert.Equal("1", adapter.GetNextReply()!.Text);
        var second = adapter.GetNextReply()!;
        Assert.Equal("2", second.Text);
        Assert.Equal("user-1", second.Recipient!.Id);
        Assert.Equal("conversation-1", second.Conversation!.Id);
    }

    [Fact]
    public async Task The_activity_handler_dispatches_by_type_and_ignores_the_bot_joining()
    {
        var bot = new TypeRecordingBot();
        var adapter = new TestAdapter();
        await new TestFlow(adapter, bot.OnTurnAsync)
            .Send("hello")
            .Send(new Activity { Type = ActivityTypes.Typing })
            .Send(new Activity { Type = ActivityTypes.Event, Name = "e" })
            .Send(new Activity { Type = ActivityTypes.EndOfConversation })
            .Send(new Activity { Type = "somethingNew" })
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("bot")] })
            .SendConversationUpdate()
            .StartTestAsync();

        Assert.Equal(["message", "typing", "event", "endOfConversation", "unrecognized", "membersAdded:user-1"], bot.Seen);
    }

    [Fact]
    public async Task Two_turns_of_one_conversation_never_lose_each_others_state()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var counter = conversationState.CreateProperty<Counter>("counter");
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(conversationState));

        async Task Turn(ITurnContext context, CancellationToken ct)
        {
            var value = await counter.GetAsync(context, () => new Counter(), ct);
            var read = value.Count;
            await Task.Delay(2, ct); // widen the window for a lost update
            value.Count = read + 1;
        }

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => adapter.SendAsync(Activity.CreateMessage("x"), Turn))));

        var check = new TestAdapter();
        Counter? final = null;
        await check.SendAsync(Activity.CreateMessage("read"), async (context, ct) => final = await counter.GetAsync(context, null, ct));
        Assert.Equal(40, final!.Count);
    }

    [Fact]
    public async Task Turns_of_different_conversations_run_in_parallel()
    {
        var adapter = new TestAdapter();
        var inside = 0;
        var maxInside = 0;
        var gate = new TaskCompletionSource();

        async Task Turn(ITurnContext context, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            if (now == 2)
            {
                gate.TrySetResult();
            }

            await Task.WhenAny(gate.Task, Task.Delay(2000, ct));
            Interlocked.Decrement(ref inside);
        }

        var a = new Activity { Type = ActivityTypes.Message, Conversation = new ConversationAccount("a") };
        var b = new Activity { Type = ActivityTypes.Message, Conversation = new ConversationAccount("b") };
        await Task.WhenAll(adapter.SendAsync(a, Turn), adapter.SendAsync(b, Turn));
        Assert.Equal(2, maxInside);
    }

    [Fact]
    public async Task A_stale_etag_is_refused_by_storage()
    {
        var storage = new MemoryStorage();
        var first = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new([], null) });
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(new() { ["v"] = 1 }, first["k"]) });

        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(new() { ["v"] = 2 }, first["k"]) }));
        var stored = await storage.ReadAsync(["k"]);
        Assert.Equal(1, (int)stored["k"].Data["v"]!);
    }

    [Fact]
    public async Task State_changed_by_another_writer_during_a_turn_makes_the_save_fail_instead_of_overwriting()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var note = state.CreateProperty<string>("note");
        var adapter = new TestAdapter();

        await adapter.SendAsync(Activity.CreateMessage("x"), async (context, ct) =>
        {
            await note.SetAsync(context, "mine", ct);
            await storage.WriteAsync(new Dictionary<string, StoreItem> { [state.GetStorageKey(context)] = new(new() { ["note"] = "theirs" }, null) }, ct);
            await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveChangesAsync(context, false, ct));
        });
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public sealed class Counter
    {
        public int Count { get; set; }
    }

    private sealed class Recording(string name, List<string> log) : ITurnMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            log.Add(name + ">");
            await next(cancellationToken);
            log.Add("<" + name);
        }
    }

    private sealed class Stopper : ITurnMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class TypeRecordingBot : ActivityHandler
    {
        public List<string> Seen { get; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("message");

        protected override Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("typing");

        protected override Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("event");

        protected override Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("endOfConversation");

        protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("unrecognized");

        protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("membersAdded:" + string.Join(",", membersAdded.Select(m => m.Id)));

        private Task Record(string what)
        {
            Seen.Add(what);
            return Task.CompletedTask;
        }
    }
}
