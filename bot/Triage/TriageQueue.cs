using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Triage;

/// <summary>A message waiting for the AI: redacted only (ETH-05), with the rule result at the time it arrived.</summary>
/// <param name="Conversation">Where to send a handoff request if the AI raises the conversation.</param>
/// <param name="ConversationId">The conversation (never sent to the AI).</param>
/// <param name="ChannelId">The person's channel (for the opt-out check, never sent).</param>
/// <param name="UserId">The person's id on the channel (for the opt-out check, never sent).</param>
/// <param name="Messages">The person's recent messages, redacted, oldest first, this one last.</param>
/// <param name="RuleLevel">The rule-based conversation level after this message.</param>
/// <param name="RuleCategories">The rule-based categories.</param>
/// <param name="At">When the message arrived.</param>
public sealed record TriageWorkItem(
    ConversationReference Conversation,
    string ConversationId,
    string ChannelId,
    string UserId,
    IReadOnlyList<RedactedText> Messages,
    RiskLevel RuleLevel,
    IReadOnlyList<SupportCategory> RuleCategories,
    DateTimeOffset At);

/// <summary>
/// ETH-02: the hand-over between the turn and the AI. <see cref="Enqueue"/> never waits: when the queue is full the
/// oldest item is dropped. Also keeps each conversation's last few redacted messages and the names the redactor met
/// in memory (never stored), so the AI sees a little context and a name given earlier stays masked; a window older
/// than <see cref="ConversationRisk.RecentWindow"/> starts afresh.
/// </summary>
public sealed class TriageQueue : ITriageMemory
{
    private const int MaxConversations = 10_000;

    private readonly Channel<TriageWorkItem> _channel;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly int _maxMessages;
    private readonly ILogger<TriageQueue> _logger;

    public TriageQueue(IOptions<TriageOptions> options, ILogger<TriageQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _logger = logger;
        _maxMessages = Math.Clamp(settings.MaxMessages, 1, 20);
        _channel = Channel.CreateBounded<TriageWorkItem>(
            new BoundedChannelOptions(Math.Max(1, settings.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropOldest },
            _ => TriageLog.Dropped(_logger));
    }

    public ChannelReader<TriageWorkItem> Reader => _channel.Reader;

    /// <summary>Adds the message to its conversation's window and queues the window. Returns at once.</summary>
    public TriageWorkItem Enqueue(ConversationReference conversation, string channelId, string userId, RedactedText message, RiskLevel ruleLevel, IReadOnlyList<SupportCategory> ruleCategories, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var conversationId = conversation.Conversation?.Id ?? string.Empty;
        if (_windows.Count >= MaxConversations)
        {
            Prune(at);
        }

        var window = _windows.GetOrAdd(conversationId, _ => new Window());
        IReadOnlyList<RedactedText> messages;
        lock (window)
        {
            if (window.LastAt is { } last && at - last > ConversationRisk.RecentWindow)
            {
                window.Messages.Clear();
            }

            window.Messages.Enqueue(message);
            while (window.Messages.Count > _maxMessages)
            {
                window.Messages.Dequeue();
            }

            window.LastAt = at;
            messages = [.. window.Messages];
        }

        var item = new TriageWorkItem(conversation, conversationId, channelId, userId, messages, ruleLevel, ruleCategories, at);
        _channel.Writer.TryWrite(item);
        return item;
    }

    /// <summary>
    /// The names the redactor has seen in this conversation (ETH-05: a name given earlier is masked when it comes
    /// back alone). In memory with the conversation's window only; forgotten with it.
    /// </summary>
    public RedactionContext RedactionContextFor(string conversationId) => _windows.GetOrAdd(conversationId, _ => new Window()).Names;

    /// <summary>Forgets a conversation's window (after an opt-out, ETH-04).</summary>
    public void Forget(string conversationId) => _windows.TryRemove(conversationId, out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, window) in _windows)
        {
            if (window.LastAt is null || now - window.LastAt.Value > ConversationRisk.RecentWindow)
            {
                _windows.TryRemove(id, out _);
            }
        }
    }

    private sealed class Window
    {
        public Queue<RedactedText> Messages { get; } = new();

        public RedactionContext Names { get; } = new();

        public DateTimeOffset? LastAt { get; set; }
    }
}
