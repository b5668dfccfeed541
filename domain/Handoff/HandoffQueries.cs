using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Storage;

namespace ChatSupport.Domain.Handoff;

/// <summary>Queue health for the supervisor view: waiting count, longest wait, waits over <see cref="HandoffOptions.LongWait"/>, by priority.</summary>
public sealed record QueueHealth(int Waiting, TimeSpan LongestWait, int WaitingOverLongWait, IReadOnlyDictionary<string, int> WaitingByPriority, int Active);

/// <summary>One line of a transcript as the console shows it: <see cref="From"/> is user, bot or counselor.</summary>
public sealed record ConsoleMessage(string ActivityId, long Sequence, string From, string? Text, DateTimeOffset Timestamp);

/// <summary>
/// What the console and the bot read about the handoff: the queue in order, held conversations, queue
/// health, a conversation's transcript (authorised and audited), counselor hours and the texts. Changes
/// nothing but the audit log.
/// </summary>
public sealed class HandoffQueries(
    IHandoffStore store,
    ITranscriptStore transcript,
    IAuditLog audit,
    HandoffTexts texts,
    HandoffOptions options,
    TimeProvider clock)
{
    private readonly CounselorHours _hours = CounselorHours.Parse(options.Hours);

    public HandoffTexts Texts => texts;

    public HandoffOptions Options => options;

    /// <summary>The audit log, for the few facts recorded beside a query's reads (the person left).</summary>
    internal IAuditLog Audit => audit;

    public CounselorHours Hours => _hours;

    /// <summary>The around-the-clock services in Japanese (the console's list; an operator's configured list wins).</summary>
    public IReadOnlyList<string> AroundTheClockServices => AroundTheClockServicesIn(false);

    /// <summary>The around-the-clock services for a person; an operator's configured list (Japanese) wins in both languages.</summary>
    public IReadOnlyList<string> AroundTheClockServicesIn(bool english) =>
        options.AroundTheClockServices.Count > 0 ? options.AroundTheClockServices : texts.In(english).AroundTheClockServices;

    public Task<HandoffSession?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
        store.FindAsync(conversationId, cancellationToken);

    public async Task<bool> IsWithHumanAsync(string conversationId, CancellationToken cancellationToken) =>
        (await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false))?.State.IsWithHuman() == true;

    /// <summary>The text for the person outside counselor hours (also usable by the bot on its own).</summary>
    public string OutsideHoursText(bool english = false) =>
        HandoffTexts.Fill(HandoffTexts.Fill(texts.In(english).OutsideHours, "hours", english ? _hours.DescriptionEnglish : _hours.Description), "services", ServicesText(english));

    public bool IsWithinHours() => _hours.IsOpen(clock.GetUtcNow());

    /// <summary>The around-the-clock services as the person reads them, one per line.</summary>
    public string ServicesText(bool english = false) => string.Join("\n", AroundTheClockServicesIn(english).Select(s => "・" + s));

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
        var byPriority = Enum.GetValues<RiskLevel>()
            .OrderByDescending(l => l)
            .ToDictionary(l => RiskLevels.ToWire(l), l => waiting.Count(s => s.Priority == l));
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

        var entries = await ReadAllAsync(conversationId, afterSequence, cancellationToken).ConfigureAwait(false);
        var observing = who.SeesEverything && !access.Session!.IsHeldBy(who.UserName);
        if (audited)
        {
            await audit.AppendAsync(who.UserName, observing ? AuditActions.Observe : AuditActions.ViewTranscript, conversationId, null, CancellationToken.None).ConfigureAwait(false);
        }

        var messages = entries
            .Where(e => e.Activity.IsType(ActivityTypes.Message) || HandoffActivities.IsPersonLeft(e.Activity))
            .Select(e => HandoffActivities.IsPersonLeft(e.Activity)
                ? new ConsoleMessage(e.Activity.Id ?? "left-" + e.Sequence, e.Sequence, "system", texts.PersonLeft, e.StoredAt)
                : new ConsoleMessage(
                    e.Activity.Id!,
                    e.Sequence,
                    e.Direction == TranscriptDirection.Inbound ? "user" : HandoffActivities.IsFromCounselor(e.Activity) ? "counselor" : "bot",
                    e.Activity.Text,
                    e.StoredAt))
            .ToList();
        return (access, messages);
    }

    /// <summary>Every transcript entry after <paramref name="after"/>, read page by page.</summary>
    public async Task<List<TranscriptEntry>> ReadAllAsync(string conversationId, long after, CancellationToken cancellationToken)
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
