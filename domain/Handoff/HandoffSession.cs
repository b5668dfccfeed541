using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Handoff.Events;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// The handoff of one conversation. Guards every transition (Bot → Waiting → Counselor → Bot or
/// Closed; transfer back to the queue or to a named counselor; the person cancels while waiting):
/// an illegal move throws <see cref="HandoffTransitionException"/>, a legal one records an event
/// in <see cref="PendingEvents"/>. "Exactly one counselor claims" is checked here and again by the
/// store, which saves only if <see cref="Version"/> is still the one that was read.
/// </summary>
public sealed class HandoffSession
{
    private readonly List<HandoffEvent> _pending = [];

    private HandoffSession(string conversationId, string channelId, ConversationReference reference)
    {
        ConversationId = conversationId;
        ChannelId = channelId;
        Reference = reference;
    }

    public string ConversationId { get; }

    public string ChannelId { get; }

    /// <summary>Where counselor messages go (the person's channel and address).</summary>
    public ConversationReference Reference { get; private set; }

    public HandoffState State { get; private set; } = HandoffState.Bot;

    public RiskLevel Priority { get; private set; }

    public HandoffReason Reason { get; private set; }

    /// <summary>
    /// True when the supervised AI triage put this conversation in the queue or raised its waiting priority
    /// (ETH-02); the console shows it as 「AIの提案」. Reset when the conversation joins the queue anew.
    /// </summary>
    public bool AiSuggested { get; private set; }

    public IReadOnlyList<SupportCategory> Categories { get; private set; } = [];

    public IReadOnlyList<string> MatchedTerms { get; private set; } = [];

    /// <summary>What the person asked for in a counselor (honoured when possible), or null.</summary>
    public string? Preference { get; private set; }

    /// <summary>The person chose English: what the handoff says to them (connected, ended, long wait …) is in English.</summary>
    public bool English { get; private set; }

    /// <summary>When the conversation (last) joined the queue; kept across a transfer so it keeps its place.</summary>
    public DateTimeOffset? WaitingSince { get; private set; }

    public string? CounselorId { get; private set; }

    /// <summary>Set by a transfer to a named counselor: only they may claim it.</summary>
    public string? AssignedCounselorId { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When the person was last offered around-the-clock services during this wait.</summary>
    public DateTimeOffset? LongWaitNoticeAt { get; private set; }

    /// <summary>The stored version this instance was read at (0: never stored). The store increments it.</summary>
    public long Version { get; private set; }

    /// <summary>Events of the transitions made since the session was read; published after a successful save.</summary>
    public IReadOnlyList<HandoffEvent> PendingEvents => _pending;

    /// <summary>A conversation the bot holds and that never was in the queue.</summary>
    public static HandoffSession Create(string conversationId, string channelId, ConversationReference reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(reference);
        return new HandoffSession(conversationId, channelId, reference);
    }

    /// <summary>Rebuilds a stored session (only stores call this).</summary>
    public static HandoffSession Restore(HandoffSessionSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new HandoffSession(s.ConversationId, s.ChannelId, s.Reference)
        {
            State = s.State,
            Priority = s.Priority,
            Reason = s.Reason,
            Categories = s.Categories,
            MatchedTerms = s.MatchedTerms,
            Preference = s.Preference,
            WaitingSince = s.WaitingSince,
            CounselorId = s.CounselorId,
            AssignedCounselorId = s.AssignedCounselorId,
            ClaimedAt = s.ClaimedAt,
            EndedAt = s.EndedAt,
            LongWaitNoticeAt = s.LongWaitNoticeAt,
            Version = s.Version,
            AiSuggested = s.AiSuggested,
            English = s.English,
        };
    }

    public HandoffSessionSnapshot ToSnapshot() => new(
        ConversationId, ChannelId, Reference, State, Priority, Reason, Categories, MatchedTerms, Preference,
        WaitingSince, CounselorId, AssignedCounselorId, ClaimedAt, EndedAt, LongWaitNoticeAt, Version, AiSuggested, English);

    /// <summary>Bot or Closed → Waiting: joins the queue with the request's priority and context.</summary>
    public void Request(HandoffRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State is not (HandoffState.Bot or HandoffState.Closed))
        {
            throw new HandoffTransitionException(ConversationId, State, "request a counselor", "Use Escalate while waiting.");
        }

        State = HandoffState.Waiting;
        Reference = request.Conversation;
        Priority = request.Priority;
        Reason = request.Reason;
        AiSuggested = request.Reason == HandoffReason.AiSuggested;
        Categories = request.Categories.Distinct().ToArray();
        MatchedTerms = request.MatchedTerms.Distinct(StringComparer.Ordinal).ToArray();
        Preference = string.IsNullOrWhiteSpace(request.Preference) ? null : request.Preference.Trim();
        English = request.English;
        WaitingSince = now;
        CounselorId = null;
        AssignedCounselorId = null;
        ClaimedAt = null;
        EndedAt = null;
        LongWaitNoticeAt = null;
        _pending.Add(new HandoffRequested(ConversationId, ChannelId, Priority, now, now));
    }

    /// <summary>
    /// Waiting: merges a later request (more risk found, a stated preference). The priority only
    /// ever rises; returns true when it rose. An AI-suggested request that raises it marks the
    /// conversation <see cref="AiSuggested"/>; one that does not raise it changes only the context.
    /// </summary>
    public bool Escalate(HandoffRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(HandoffState.Waiting, "escalate");
        Categories = Categories.Concat(request.Categories).Distinct().ToArray();
        MatchedTerms = MatchedTerms.Concat(request.MatchedTerms).Distinct(StringComparer.Ordinal).ToArray();
        if (!string.IsNullOrWhiteSpace(request.Preference))
        {
            Preference = request.Preference.Trim();
        }

        if (request.Priority <= Priority)
        {
            return false;
        }

        Priority = request.Priority;
        AiSuggested |= request.Reason == HandoffReason.AiSuggested;
        _pending.Add(new HandoffEscalated(ConversationId, Priority, now));
        return true;
    }

    /// <summary>Waiting → Counselor. Only the named counselor may claim a conversation transferred to them.</summary>
    public void Claim(string counselorId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(counselorId);
        Require(HandoffState.Waiting, "claim");
        if (AssignedCounselorId is not null && !string.Equals(AssignedCounselorId, counselorId, StringComparison.Ordinal))
        {
            throw new HandoffTransitionException(ConversationId, State, "claim", "It was transferred to another counselor.");
        }

        State = HandoffState.Counselor;
        CounselorId = counselorId;
        AssignedCounselorId = null;
        ClaimedAt = now;
        _pending.Add(new HandoffClaimed(ConversationId, counselorId, now));
    }

    /// <summary>
    /// Counselor → Waiting: back to the queue (<paramref name="toCounselorId"/> null) or reserved for
    /// a named counselor. The conversation keeps its place (its original waiting time).
    /// </summary>
    public void Transfer(string? toCounselorId, DateTimeOffset now)
    {
        Require(HandoffState.Counselor, "transfer");
        if (toCounselorId is not null && string.Equals(toCounselorId, CounselorId, StringComparison.Ordinal))
        {
            throw new HandoffTransitionException(ConversationId, State, "transfer", "It is already held by that counselor.");
        }

        var from = CounselorId!;
        State = HandoffState.Waiting;
        CounselorId = null;
        AssignedCounselorId = string.IsNullOrEmpty(toCounselorId) ? null : toCounselorId;
        ClaimedAt = null;
        WaitingSince ??= now;
        _pending.Add(new HandoffTransferred(ConversationId, from, AssignedCounselorId, now));
    }

    /// <summary>Waiting → Bot: the person does not want to wait any more.</summary>
    public void Cancel(DateTimeOffset now)
    {
        Require(HandoffState.Waiting, "cancel");
        State = HandoffState.Bot;
        AssignedCounselorId = null;
        EndedAt = now;
        _pending.Add(new HandoffCancelled(ConversationId, now));
    }

    /// <summary>Counselor → Bot (the bot resumes) or → Closed.</summary>
    public void End(DateTimeOffset now, bool close = false)
    {
        Require(HandoffState.Counselor, "end");
        var counselor = CounselorId!;
        State = close ? HandoffState.Closed : HandoffState.Bot;
        CounselorId = null;
        EndedAt = now;
        _pending.Add(new HandoffEnded(ConversationId, counselor, close, now));
    }

    /// <summary>Waiting: records that the person was offered around-the-clock services (they stay in the queue).</summary>
    public void NoteLongWait(DateTimeOffset now)
    {
        Require(HandoffState.Waiting, "note a long wait");
        LongWaitNoticeAt = now;
        _pending.Add(new WaitingLong(ConversationId, now));
    }

    public bool IsHeldBy(string counselorId) =>
        State == HandoffState.Counselor && string.Equals(CounselorId, counselorId, StringComparison.Ordinal);

    public TimeSpan WaitingFor(DateTimeOffset now) =>
        State == HandoffState.Waiting && WaitingSince is { } since && now > since ? now - since : TimeSpan.Zero;

    /// <summary>Called by a store after a successful save.</summary>
    public void MarkSaved(long newVersion)
    {
        Version = newVersion;
        _pending.Clear();
    }

    private void Require(HandoffState expected, string move)
    {
        if (State != expected)
        {
            throw new HandoffTransitionException(ConversationId, State, move);
        }
    }
}

/// <summary>The stored form of a <see cref="HandoffSession"/>.</summary>
public sealed record HandoffSessionSnapshot(
    string ConversationId,
    string ChannelId,
    ConversationReference Reference,
    HandoffState State,
    RiskLevel Priority,
    HandoffReason Reason,
    IReadOnlyList<SupportCategory> Categories,
    IReadOnlyList<string> MatchedTerms,
    string? Preference,
    DateTimeOffset? WaitingSince,
    string? CounselorId,
    string? AssignedCounselorId,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? LongWaitNoticeAt,
    long Version,
    bool AiSuggested = false,
    bool English = false);
