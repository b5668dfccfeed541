using ChatSupport.Domain.Storage;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// The person's side of the handoff, called inside the person's own turn: the bot's requests
/// (<see cref="IHandoffRequests"/>), 「キャンセル」 while waiting, and the console's live signals that the
/// person wrote or is typing. Never sends through a channel, so it is safe inside any turn.
/// </summary>
public sealed class HandoffRequests(
    HandoffSessions sessions,
    HandoffQueries queries,
    ITranscriptStore transcript,
    TimeProvider clock,
    CounselorAvailability? availability = null) : IHandoffRequests
{
    private const int HistoryWindow = 4 * HandoffActivities.TranscriptMaxActivities;

    /// <summary>Who can answer now (hours and signed-in counselors); the relay reads it for the bot's waiting answers.</summary>
    public CounselorAvailability Availability { get; } = availability ?? new CounselorAvailability(queries, clock);

    public Task<bool> IsWithHumanAsync(string conversationId, CancellationToken cancellationToken) =>
        queries.IsWithHumanAsync(conversationId, cancellationToken);

    /// <summary>
    /// Puts the conversation in the queue (or raises its priority if it already waits) and stores
    /// <c>handoff.initiate</c> in its transcript.
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

        var texts = queries.Texts.In(request.English);
        var open = await Availability.OnDutyAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < HandoffSessions.SaveAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var session = await sessions.FindAsync(conversationId, cancellationToken).ConfigureAwait(false)
                ?? HandoffSession.Create(conversationId, channelId, request.Conversation);
            switch (session.State)
            {
                case HandoffState.Counselor:
                    return new HandoffRequestResult(false, true, null, open) { PersonMessage = texts.AlreadyWithCounselor };
                case HandoffState.Waiting:
                    session.Escalate(request, now);
                    if (!await sessions.TrySaveAsync(session, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    var position = await queries.PositionAsync(conversationId, cancellationToken).ConfigureAwait(false);
                    return new HandoffRequestResult(false, true, position, open)
                    {
                        CounselorsBackAt = Availability.BackAt(now),
                        PersonMessage = texts.AlreadyWaiting + HandoffTexts.Fill(texts.Position, "position", position ?? 1),
                    };
                default:
                    session.Request(request, now);
                    if (!await sessions.TrySaveAsync(session, cancellationToken).ConfigureAwait(false))
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
                    var place = await queries.PositionAsync(conversationId, cancellationToken).ConfigureAwait(false) ?? 1;
                    var message = open
                        ? texts.Waiting + HandoffTexts.Fill(texts.Position, "position", place)
                        : Availability.NotOnDutyText(request.English);
                    return new HandoffRequestResult(true, false, place, open) { PersonMessage = message, CounselorsBackAt = Availability.BackAt(now) };
            }
        }

        throw new InvalidOperationException($"The handoff of conversation {conversationId} changed {HandoffSessions.SaveAttempts} times in a row; try again.");
    }

    /// <summary>
    /// Called by the relay inside the person's turn when they write 「キャンセル」 while waiting:
    /// Waiting → Bot and <c>handoff.status failed</c>. Returns the text to send in that turn, or null if they were not waiting.
    /// </summary>
    public async Task<string?> CancelByPersonAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < HandoffSessions.SaveAttempts; attempt++)
        {
            var session = await sessions.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (session?.State != HandoffState.Waiting)
            {
                return null;
            }

            session.Cancel(clock.GetUtcNow());
            if (await sessions.TrySaveAsync(session, cancellationToken).ConfigureAwait(false))
            {
                await transcript.AppendAsync(conversationId, TranscriptDirection.Outbound, HandoffActivities.Status(session.Reference, HandoffActivities.StateFailed, "cancelled by the person"), CancellationToken.None).ConfigureAwait(false);
                return queries.Texts.In(session.English).Cancelled;
            }
        }

        return null;
    }

    /// <summary>
    /// The person pressed the quick-exit button: nothing more reaches them in this conversation. A wait ends (no
    /// counselor is sent to a chat nobody reads); a counselor who holds it is told at once, and the transcript and the
    /// audit log keep the fact. Returns false when no counselor was waited for or held the conversation.
    /// </summary>
    public async Task<bool> PersonLeftAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < HandoffSessions.SaveAttempts; attempt++)
        {
            var session = await sessions.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (session is null || session.State is not (HandoffState.Waiting or HandoffState.Counselor))
            {
                return false;
            }

            var now = clock.GetUtcNow();
            var waiting = session.State == HandoffState.Waiting;
            if (waiting)
            {
                session.Cancel(now);
                if (!await sessions.TrySaveAsync(session, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                await transcript.AppendAsync(conversationId, TranscriptDirection.Outbound, HandoffActivities.Status(session.Reference, HandoffActivities.StateFailed, "the person left"), CancellationToken.None).ConfigureAwait(false);
            }

            await transcript.AppendAsync(conversationId, TranscriptDirection.Outbound, HandoffActivities.PersonLeft(session.Reference), CancellationToken.None).ConfigureAwait(false);
            await queries.Audit.AppendAsync(AuditActions.PersonActor, AuditActions.PersonLeft, conversationId, waiting ? "waiting" : "held", CancellationToken.None).ConfigureAwait(false);
            await sessions.PublishAsync(new Events.PersonLeft(conversationId, waiting, now), CancellationToken.None).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>Tells the console that the person wrote (the console reads the text from the transcript).</summary>
    public Task PersonMessagedAsync(string conversationId, string? activityId, CancellationToken cancellationToken = default) =>
        sessions.PublishAsync(new Events.PersonMessaged(conversationId, activityId, clock.GetUtcNow()), cancellationToken);

    public Task PersonTypedAsync(string conversationId, CancellationToken cancellationToken = default) =>
        sessions.PublishAsync(new Events.PersonTyped(conversationId, clock.GetUtcNow()), cancellationToken);
}
