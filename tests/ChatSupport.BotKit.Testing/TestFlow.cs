using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Testing;

/// <summary>
/// A fluent script of a conversation for tests, in the style of Bot Builder's test flow:
/// <c>new TestFlow(adapter, bot.OnTurnAsync).Send("こんにちは").AssertReply(r => …).StartTestAsync()</c>.
/// Each step runs after the previous one finished; replies are checked in the order the bot sent them.
/// </summary>
public sealed class TestFlow
{
    private readonly TestAdapter _adapter;
    private readonly BotCallbackHandler _callback;
    private readonly List<Func<Task>> _steps;

    public TestFlow(TestAdapter adapter, BotCallbackHandler callback)
        : this(adapter, callback, [])
    {
    }

    private TestFlow(TestAdapter adapter, BotCallbackHandler callback, List<Func<Task>> steps)
    {
        _adapter = adapter;
        _callback = callback;
        _steps = steps;
    }

    public TestFlow Send(string text) => Send(Activity.CreateMessage(text));

    public TestFlow Send(Activity activity) => Then(() => _adapter.SendAsync(activity, _callback));

    /// <summary>Sends a conversationUpdate that adds the user, as Web Chat does on connect.</summary>
    public TestFlow SendConversationUpdate() => Send(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [_adapter.Conversation.User!],
    });

    /// <summary>The next message the bot sent has exactly this text.</summary>
    public TestFlow AssertReply(string expectedText) => AssertReply(reply =>
    {
        if (reply.Text != expectedText)
        {
            throw new TestFlowException($"Expected reply \"{expectedText}\" but got \"{reply.Text}\".");
        }
    });

    /// <summary>The next activity the bot sent (typing included) passes <paramref name="check"/>.</summary>
    public TestFlow AssertReply(Action<Activity> check, string? description = null) => Then(() =>
    {
        var reply = _adapter.GetNextReply()
            ?? throw new TestFlowException($"Expected a reply{(description is null ? string.Empty : $" ({description})")} but the bot sent nothing more.");
        check(reply);
        return Task.CompletedTask;
    });

    /// <summary>The next reply's text contains <paramref name="fragment"/>.</summary>
    public TestFlow AssertReplyContains(string fragment) => AssertReply(reply =>
    {
        if (reply.Text is null || !reply.Text.Contains(fragment, StringComparison.Ordinal))
        {
            throw new TestFlowException($"Expected a reply containing \"{fragment}\" but got \"{reply.Text}\".");
        }
    });

    /// <summary>Skips replies until one passes <paramref name="predicate"/>; fails if none does.</summary>
    public TestFlow AssertSomeReply(Func<Activity, bool> predicate, string description) => Then(() =>
    {
        while (_adapter.GetNextReply() is { } reply)
        {
            if (predicate(reply))
            {
                return Task.CompletedTask;
            }
        }

        throw new TestFlowException($"No reply matched: {description}.");
    });

    /// <summary>The bot sent nothing more.</summary>
    public TestFlow AssertNoReply() => Then(() =>
    {
        var reply = _adapter.GetNextReply();
        return reply is null
            ? Task.CompletedTask
            : throw new TestFlowException($"Expected no reply but got a {reply.Type}: \"{reply.Text}\".");
    });

    /// <summary>Drops replies not yet checked.</summary>
    public TestFlow SkipReplies() => Then(() =>
    {
        while (_adapter.GetNextReply() is not null)
        {
        }

        return Task.CompletedTask;
    });

    public TestFlow Then(Func<Task> step) => new(_adapter, _callback, [.. _steps, step]);

    public async Task StartTestAsync()
    {
        foreach (var step in _steps)
        {
            await step().ConfigureAwait(false);
        }
    }
}

public sealed class TestFlowException(string message) : Exception(message);
