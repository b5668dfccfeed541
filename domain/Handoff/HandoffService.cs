using ChatSupport.Domain.Activities;
using ChatSupport.Domain.Events;
using ChatSupport.Domain.Handoff.Events;
using ChatSupport.Domain.Storage;
using ChatSupport.Domain.Turns;

namespace ChatSupport.Domain.Handoff;

/// <summary>How a console action went; the HTTP API maps these to status codes.</summary>
public enum HandoffOutcome
{
    Done,

    /// <summary>No such conversation in the handoff (404).</summary>
    NotFound,

    /// <summary>Another counselor holds it, it moved on, or it ended (409).</summary>
    Conflict,

    /// <summary>The caller may not see or act on this conversation (403).</summary>
    Forbidden,

    /// <summary>The request itself is wrong: empty or oversized text, unknown counselor (400).</summary>
    Invalid,
}

public sealed record HandoffResult(HandoffOutcome Outcome, string? Message = null, HandoffSession? Session = null)
{
    public static HandoffResult Ok(HandoffSession session) => new(HandoffOutcome.Done, null, session);
}

/// <summary>Queue health for the supervisor view: waiting count, longest wait, waits over <see cref="HandoffOptions.LongWait"/>, by priority.</summary>
public sealed record QueueHealth(int Waiting, TimeSpan LongestWait, int WaitingOverLongWait, IReadOnlyDictionary<string, int> WaitingByPriority, int Active);

/// <summary>One line of a transcript as the console shows it: <see cref="From"/> is user, bot or counselor.</summary>
public sealed record ConsoleMessage(string ActivityId, long Sequence, string From, string? Text, DateTimeOffset Timestamp);

/// <summary>
/// The handoff: the bot's requests (<see cref="IHandoffRequests"/>), the queue, and every counselor
/// action (claim, send, typing, transfer, end) with its authorisation and audit line. Counselor
/// messages reach the person only through the channel's adapter. Events go on the bus after each save.
/// </summary>
public sealed class HandoffService(
    IHandoffStore store,
    IEventBus bus,
    ITranscriptStore transcript,
    IChannelAdapters channels,
    IAuditLog audit,
    HandoffTexts texts,
    HandoffOptions options,
    TimeProvider clock,
    IEnumerable<IHandoffEndedHandler> endedHandlers,
    ICounselorDirectory? counselors = null) : IHandoffRequests
{
    private const int SaveAttempts = 5;
    private const int HistoryWindow = 4 * HandoffActivities.TranscriptMaxActivities;
    private readonly CounselorHours _hours = CounselorHours.Parse(options.Hours);
    private readonly IHandoffEndedHandler[] _endedHandlers = endedHandlers.ToArray();

    public HandoffTexts Texts => texts;

    public HandoffOptions Options => options;

    public CounselorHours Hours => _hours;

    public IReadOnlyList<string> AroundTheClockServices =>
        options.AroundTheClockServices.Count > 0 ? options.AroundTheClockServices : texts.AroundTheClockServices;

    public Task<HandoffSession?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
        store.FindAsync(conversationId, cancellationToken);

    public async Task<bool> IsWithHumanAsync(string conversationId, CancellationToken cancellationToken) =>
        (await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false))?.State.IsWithHuman() == true;

    /// <summary>
    /// Puts the conversation in the queue (or raises its priority if it already waits) and stores
    /// <c>handoff.initiate</c> in its transcript. Safe to call inside the bot's turn: it never sends through the channel.
    /// </summary>
    public async Task<HandoffRequestResult> RequestAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var conversationId = request.Conversation.Conversation?.Id;
        var channelId = request.Conversation.ChannelId;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(channelId))
        {
            throw new ArgumentException("The request's conversation reference needs a conversation id and a channel id.", nameof(request));
        }

        var open = _hours.IsOpen(clock.GetUtcNow());
        for (var attempt = 0; attempt < SaveAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var session = await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false)
                ?? HandoffSession.Create(conversationId, channelId, request.Conversation);
            switch (session.State)
            {
                case HandoffState.Counselor:
                    return new HandoffRequestResult(false, true, null, open) { PersonMessage = texts.AlreadyWithCounselor };
                case HandoffState.Waiting:
                    session.Escalate(request, now);
                    if (!await SaveAndPublishAsync(session, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    var position = await PositionAsync(conversationId, cancellationToken).ConfigureAwait(false);
                    return new HandoffRequestResult(false, true, position, open)
                    {
                        PersonMessage = texts.AlreadyWaiting + HandoffTexts.Fill(texts.Position, "position", position ?? 1),
                    };
                default:
                    session.Request(request, now);
                    if (!await SaveAndPublishAsync(session, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    // Only a bounded tail is read: the excerpt keeps at most TranscriptMaxActivities messages.
                    var lastSequence = await transcript.GetLastSequenceAsync(conversationId, cancellationToken).ConfigureAwait(false);
                    var history = await transcript.ReadAsync(conversationId, Math.Max(0, lastSequence - HistoryWindow), HistoryWindow, cancellationToken).ConfigureAwait(false);
                    await transcript.AppendAsync(
                        conversationId,
                        TranscriptDirection.Outbound,
                        HandoffActivities.Initiate(request.Conversation, session, history.Select(e => e.Activity)),
                        CancellationToken.None).ConfigureAwait(false);
                    var place = await PositionAsync(conversationId, cancellationToken).ConfigureAwait(false) ?? 1;
                    var message = open
                        ? texts.Waiting + HandoffTexts.Fill(texts.Position, "position", place)
                        : OutsideHoursText();
                    return new HandoffRequestResult(true, false, place, open) { PersonMessage = message };
            }
        }

        throw new InvalidOperationException($"The handoff of conversation {conversationId} changed {SaveAttempts} times in a row; try again.");
    }

    /// <summary>The text for the person outside counselor hours (also usable by the bot on its own).</summary>
    public string OutsideHoursText() =>
        HandoffTexts.Fill(HandoffTexts.Fill(texts.OutsideHours, "hours", _hours.Description), "services", ServicesText());

    public bool IsWithinHours() => _hours.IsOpen(clock.GetUtcNow());

    /// <summary>Waiting conversations, most urgent first (see <see cref="HandoffQueueOrder"/>).</summary>
    public async Task<IReadOnlyList<HandoffSession>> GetQueueAsync(CancellationToken cancellationToken = default)
    {
        var waiting = (await store.ListAsync([HandoffState.Waiting], cancellationToken).ConfigureAwait(false)).ToList();
        waiting.Sort(HandoffQueueOrder.Instance);
        return waiting;
    }

    /// <summary>The queue as <paramref name="who"/> may see it (all of it; a conversation transferred to someone else is hidden from other counselors).</summary>
    public async Task<IReadOnlyList<HandoffSession>> GetQueueAsync(CounselorIdentity who, CancellationToken cancellationToken = default)
    {
        var queue = await GetQueueAsync(cancellationToken).ConfigureAwait(false);
        return who.SeesEverything
            ? queue
            : queue.Where(s => s.AssignedCounselorId is null || s.AssignedCounselorId == who.UserName).ToList();
    }

    /// <summary>Conversations a counselor holds now; for a supervisor, every held conversation.</summary>
    public async Task<IReadOnlyList<HandoffSession>> GetActiveAsync(CounselorIdentity who, CancellationToken cancellationToken = default)
    {
        var held = await store.ListAsync([HandoffState.Counselor], cancellationToken).ConfigureAwait(false);
        return held.Where(s => who.SeesEverything || s.CounselorId == who.UserName).OrderBy(s => s.ClaimedAt).ToList();
    }

    public async Task<QueueHealth> GetHealthAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var all = await store.ListAsync([HandoffState.Waiting, HandoffState.Counselor], cancellationToken).ConfigureAwait(false);
        var waiting = all.Where(s => s.State == HandoffState.Waiting).ToList();
        var byPriority = Enum.GetValues<Risk.RiskLevel>()
            .OrderByDescending(l => l)
            .ToDictionary(l => Risk.RiskLevels.ToWire(l), l => waiting.Count(s => s.Priority == l));
        return new QueueHealth(
            waiting.Count,
            waiting.Count == 0 ? TimeSpan.Zero : waiting.Max(s => s.WaitingFor(now)),
            waiting.Count(s => s.WaitingFor(now) >= options.LongWait),
            byPriority,
            all.Count - waiting.Count);
    }

    /// <summary>The start of the person's last message (queue preview), or null.</summary>
    public async Task<string?> PreviewAsync(string conversationId, int maxLength = 60, CancellationToken cancellationToken = default)
    {
        var last = await transcript.GetLastSequenceAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var recent = await transcript.ReadAsync(conversationId, Math.Max(0, last - 30), 30, cancellationToken).ConfigureAwait(false);
        var text = recent.LastOrDefault(e => e.Direction == TranscriptDirection.Inbound && e.Activity.IsType(ActivityTypes.Message) && !string.IsNullOrWhiteSpace(e.Activity.Text))?.Activity.Text;
        return text is null || text.Length <= maxLength ? text : text[..maxLength] + "…";
    }

    public async Task<int?> PositionAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var queue = await GetQueueAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < queue.Count; i++)
        {
            if (queue[i].ConversationId == conversationId)
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>
    /// Waiting → Counselor for <paramref name="who"/>. Of two counselors claiming at once exactly one
    /// wins: the other gets <see cref="HandoffOutcome.Conflict"/>. The person is told they are connected.
    /// </summary>
    public async Task<HandoffResult> ClaimAsync(string conversationId, CounselorIdentity who, CancellationToken cancellationToken = default)
    {
        var session = await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return new(HandoffOutcome.NotFound, "この会話は見つかりません。");
        }

        if (session.IsHeldBy(who.UserName))
        {
            return HandoffResult.Ok(session);
        }

        if (session.State != HandoffState.Waiting)
        {
            return new(HandoffOutcome.Conflict, session.State == HandoffState.Counselor ? "ほかの相談員が対応中です。" : "この会話は待機中ではありません（終了しています）。", session);
        }

        if (session.AssignedCounselorId is not null && session.AssignedCounselorId != who.UserName)
        {
            return new(HandoffOutcome.Conflict, "この会話はほかの相談員に引き継がれています。", session);
        }

        if (counselors is not null && await counselors.FindAsync(who.UserName, cancellationToken).ConfigureAwait(false) is { Status: CounselorStatus.Away })
        {
            // Away means away: a person is never given to someone who is not there to answer.
            return new(HandoffOutcome.Conflict, "離席中は新しい会話を始められません。状態を「対応可能」にしてから対応してください。", session);
        }

        var held = await store.ListAsync([HandoffState.Counselor], cancellationToken).ConfigureAwait(false);
        if (held.Count(s => s.CounselorId == who.UserName) >= options.CounselorCapacity)
        {
            return new(HandoffOutcome.Conflict, $"同時に対応できるのは{options.CounselorCapacity}件までです。", session);
        }

        session.Claim(who.UserName, clock.GetUtcNow());
        if (!await SaveAndPublishAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return new(HandoffOutcome.Conflict, "ほかの相談員が先に対応を始めました。", await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false));
        }

        await audit.AppendAsync(who.UserName, AuditActions.Claim, conversationId, null, CancellationToken.None).ConfigureAwait(false);
        await transcript.AppendAsync(conversationId, TranscriptDirection.Outbound, HandoffActivities.Status(session.Reference, HandoffActivities.StateAccepted), CancellationToken.None).ConfigureAwait(false);
        await DeliverAsync(session, session.Reference.CreateMessage(texts.Connected), null, CancellationToken.None).ConfigureAwait(false);
        return HandoffResult.Ok(session);
    }

    /// <summary>Checks that <paramref name="who"/> may read the conversation: a supervisor always; a counselor while it waits or while they hold it.</summary>
    public async Task<HandoffResult> AuthorizeReadAsync(string conversationId, CounselorIdentity who, CancellationToken cancellationToken = default)
    {
        var session = await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return new(HandoffOutcome.NotFound, "この会話は見つかりません。");
        }

        if (who.SeesEverything || session.IsHeldBy(who.UserName)
            || (session.State == HandoffState.Waiting && (session.AssignedCounselorId is null || session.AssignedCounselorId == who.UserName)))
        {
            return HandoffResult.Ok(session);
        }

        await audit.AppendAsync(who.UserName, AuditActions.Denied, conversationId, AuditActions.ViewTranscript, CancellationToken.None).ConfigureAwait(false);
        return new(HandoffOutcome.Forbidden, "この会話を見る権限がありません。", session);
    }

    /// <summary>The whole transcript (bot part included) as the console shows it; every read is audited.</summary>
    public async Task<(HandoffResult Result, IReadOnlyList<ConsoleMessage> Messages)> ReadTranscriptAsync(
        string conversationId, CounselorIdentity who, long afterSequence = 0, CancellationToken cancellationToken = default, bool audited = true)
    {
        var access = await AuthorizeReadAsync(conversationId, who, cancellationToken).ConfigureAwait(false);
        if (access.Outcome != HandoffOutcome.Done)
        {
            return (access, []);
        }

        var entries = await ReadAllAsync(conversationId, cancellationToken, afterSequence).ConfigureAwait(false);
        var observing = who.SeesEverything && !access.Session!.IsHeldBy(who.UserName);
        if (audited)
        {
            await audit.AppendAsync(who.UserName, observing ? AuditActions.Observe : AuditActions.ViewTranscript, conversationId, null, CancellationToken.None).ConfigureAwait(false);
        }

        var messages = entries
            .Where(e => e.Activity.IsType(ActivityTypes.Message))
            .Select(e => new ConsoleMessage(
                e.Activity.Id!,
                e.Sequence,
                e.Direction == TranscriptDirection.Inbound ? "user" : HandoffActivities.IsFromCounselor(e.Activity) ? "counselor" : "bot",
                e.Activity.Text,
                e.StoredAt))
            .ToList();
        return (access, messages);
    }

    /// <summary>Sends a counselor message to the person through their channel; only the holder may.</summary>
    public async Task<HandoffResult> SendAsync(string conversationId, CounselorIdentity who, string? text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(HandoffOutcome.Invalid, "メッセージが空です。");
        }

        if (text.Length > options.MaxMessageLength)
        {
            return new(HandoffOutcome.Invalid, $"メッセージは{options.MaxMessageLength}文字までです。");
        }

        var (result, session) = await RequireHolderAsync(conversationId, who, AuditActions.Send, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return result;
        }

        var id = await DeliverAsync(session, HandoffActivities.CounselorMessage(session.Reference, text), null, CancellationToken.None).ConfigureAwait(false);
        await audit.AppendAsync(who.UserName, AuditActions.Send, conversationId, null, CancellationToken.None).ConfigureAwait(false);
        await bus.PublishAsync(new CounselorReplied(conversationId, who.UserName, id ?? string.Empty, clock.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        return HandoffResult.Ok(session);
    }

    /// <summary>Shows the person that the counselor is typing (never stored).</summary>
    public async Task<HandoffResult> SendTypingAsync(string conversationId, CounselorIdentity who, CancellationToken cancellationToken = default)
    {
        var session = await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (session is null || !session.IsHeldBy(who.UserName))
        {
            return new(session is null ? HandoffOutcome.NotFound : HandoffOutcome.Forbidden);
        }

        await DeliverAsync(session, Activity.CreateTyping(), null, cancellationToken).ConfigureAwait(false);
        return HandoffResult.Ok(session);
    }

    /// <summary>Counselor → Waiting: back to the queue, or reserved for <paramref name="toCounselor"/>. The holder or a supervisor may.</summary>
    public async Task<HandoffResult> TransferAsync(string conversationId, CounselorIdentity who, string? toCounselor, CancellationToken cancellationToken = default)
    {
        var (result, session) = await RequireHolderAsync(conversationId, who, AuditActions.Transfer, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return result;
        }

        try
        {
            session.Transfer(string.IsNullOrWhiteSpace(toCounselor) ? null : toCounselor.Trim(), clock.GetUtcNow());
        }
        catch (HandoffTransitionException ex)
        {
            return new(HandoffOutcome.Invalid, ex.Message, session);
        }

        if (!await SaveAndPublishAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return new(HandoffOutcome.Conflict, "この会話はほかの操作で変わりました。画面を更新してください。");
        }

        await audit.AppendAsync(who.UserName, AuditActions.Transfer, conversationId, session.AssignedCounselorId ?? "queue", CancellationToken.None).ConfigureAwait(false);
        await DeliverAsync(session, session.Reference.CreateMessage(texts.Transferred), null, CancellationToken.None).ConfigureAwait(false);
        return HandoffResult.Ok(session);
    }

    /// <summary>
    /// Counselor → Bot (the bot resumes: closing message, then every <see cref="IHandoffEndedHandler"/>
    /// in the same turn) or → Closed. The holder or a supervisor may.
    /// </summary>
    public async Task<HandoffResult> EndAsync(string conversationId, CounselorIdentity who, bool close = false, CancellationToken cancellationToken = default)
    {
        var (result, session) = await RequireHolderAsync(conversationId, who, AuditActions.End, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return result;
        }

        session.End(clock.GetUtcNow(), close);
        if (!await SaveAndPublishAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return new(HandoffOutcome.Conflict, "この会話はほかの操作で変わりました。画面を更新してください。");
        }

        await audit.AppendAsync(who.UserName, AuditActions.End, conversationId, close ? "closed" : "bot", CancellationToken.None).ConfigureAwait(false);
        await transcript.AppendAsync(conversationId, TranscriptDirection.Outbound, HandoffActivities.Status(session.Reference, HandoffActivities.StateCompleted), CancellationToken.None).ConfigureAwait(false);
        Func<ITurnContext, CancellationToken, Task>? resume = close || _endedHandlers.Length == 0
            ? null
            : async (turn, ct) =>
            {
                foreach (var handler in _endedHandlers)
                {
                    await handler.OnBotResumedAsync(turn, session, ct).ConfigureAwait(false);
                }
            };
        await DeliverAsync(session, session.Reference.CreateMessage(close ? texts.Closed : texts.Ended), resume, CancellationToken.None).ConfigureAwait(false);
        return HandoffResult.Ok(session);
    }

    /// <summary>
    /// Called by the relay inside the person's turn when they write 「キャンセル」 while waiting:
    /// Waiting → Bot and <c>handoff.status failed</c>. Returns the text to send in that turn, or null if they were not waiting.
    /// </summary>
    public async Task<string?> CancelByPersonAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < SaveAttempts; attempt++)
        {
            var session = await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (session?.State != HandoffState.Waiting)
            {
                return null;
            }

            session.Cancel(clock.GetUtcNow());
            if (await SaveAndPublishAsync(session, cancellationToken).ConfigureAwait(false))
            {
                await transcript.AppendAsync(conversationId, TranscriptDirection.Outbound, HandoffActivities.Status(session.Reference, HandoffActivities.StateFailed, "cancelled by the person"), CancellationToken.None).ConfigureAwait(false);
                return texts.Cancelled;
            }
        }

        return null;
    }

    /// <summary>Tells the console that the person wrote (the console reads the text from the transcript).</summary>
    public Task PersonMessagedAsync(string conversationId, string? activityId, CancellationToken cancellationToken = default) =>
        bus.PublishAsync(new PersonMessaged(conversationId, activityId, clock.GetUtcNow()), cancellationToken);

    public Task PersonTypedAsync(string conversationId, CancellationToken cancellationToken = default) =>
        bus.PublishAsync(new PersonTyped(conversationId, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Offers around-the-clock services, once per wait, to everyone who has waited longer than
    /// <see cref="HandoffOptions.LongWait"/>; they keep their place. Returns how many were told.
    /// </summary>
    public async Task<int> NotifyLongWaitsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var queue = await GetQueueAsync(cancellationToken).ConfigureAwait(false);
        var told = 0;
        for (var i = 0; i < queue.Count; i++)
        {
            var session = queue[i];
            if (session.LongWaitNoticeAt is not null || session.WaitingFor(now) < options.LongWait)
            {
                continue;
            }

            session.NoteLongWait(now);
            if (!await SaveAndPublishAsync(session, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var text = HandoffTexts.Fill(HandoffTexts.Fill(texts.LongWait, "position", i + 1), "services", ServicesText());
            await DeliverAsync(session, session.Reference.CreateMessage(text), null, cancellationToken).ConfigureAwait(false);
            told++;
        }

        return told;
    }

    private string ServicesText() => string.Join("\n", AroundTheClockServices.Select(s => "・" + s));

    /// <summary>
    /// The conversation if <paramref name="who"/> holds it. Supervisors observe a conversation another counselor
    /// holds and never write into it or end it (403, audited); only a transfer (taking it off an absent
    /// counselor, back to the queue or to someone else) is open to them.
    /// </summary>
    private async Task<(HandoffResult Result, HandoffSession? Session)> RequireHolderAsync(string conversationId, CounselorIdentity who, string action, CancellationToken cancellationToken)
    {
        var session = await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return (new(HandoffOutcome.NotFound, "この会話は見つかりません。"), null);
        }

        if (session.IsHeldBy(who.UserName) || (who.SeesEverything && session.State == HandoffState.Counselor && action == AuditActions.Transfer))
        {
            return (HandoffResult.Ok(session), session);
        }

        if (session.State == HandoffState.Counselor)
        {
            await audit.AppendAsync(who.UserName, AuditActions.Denied, conversationId, action, CancellationToken.None).ConfigureAwait(false);
            return (new(HandoffOutcome.Forbidden, "この会話はほかの相談員が対応しています。", session), null);
        }

        return (new(HandoffOutcome.Conflict, "この会話は対応中ではありません（待機中か、終了しています）。", session), null);
    }

    private async Task<bool> SaveAndPublishAsync(HandoffSession session, CancellationToken cancellationToken)
    {
        var events = session.PendingEvents.ToArray();
        if (!await store.TrySaveAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        foreach (var e in events)
        {
            await bus.PublishAsync(e, CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<string?> DeliverAsync(HandoffSession session, Activity activity, Func<ITurnContext, CancellationToken, Task>? then, CancellationToken cancellationToken)
    {
        var adapter = channels.Find(session.ChannelId)
            ?? throw new InvalidOperationException($"No adapter for channel '{session.ChannelId}'; register it with IChannelAdapters.");
        string? id = null;
        await adapter.ContinueConversationAsync(
            session.Reference,
            async (turn, ct) =>
            {
                id = (await turn.SendActivityAsync(activity, ct).ConfigureAwait(false)).Id;
                if (then is not null)
                {
                    await then(turn, ct).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return id;
    }

    private async Task<List<TranscriptEntry>> ReadAllAsync(string conversationId, CancellationToken cancellationToken, long after = 0)
    {
        var all = new List<TranscriptEntry>();
        while (true)
        {
            var page = await transcript.ReadAsync(conversationId, after, 500, cancellationToken).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < 500)
            {
                return all;
            }

            after = page[^1].Sequence;
        }
    }
}
