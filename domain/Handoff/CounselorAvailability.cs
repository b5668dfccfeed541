namespace ChatSupport.Domain.Handoff;

/// <summary>
/// Who can answer now, and what the person waiting is told (docs/crisis.md "Waiting"). A counselor is on
/// duty when it is within <see cref="HandoffOptions.Hours"/> and at least one console account is available,
/// not locked out and has the console open (<see cref="CounselorAccount.CanTakeConversations"/>; without an
/// account directory, as in some unit tests, hours alone decide).
/// </summary>
public sealed class CounselorAvailability(HandoffQueries queries, TimeProvider clock, ICounselorDirectory? counselors = null)
{
    /// <summary>True within counselor hours when someone is signed in and available to take a conversation.</summary>
    public async Task<bool> OnDutyAsync(CancellationToken cancellationToken = default)
    {
        if (!queries.Hours.IsOpen(clock.GetUtcNow()))
        {
            return false;
        }

        if (counselors is null)
        {
            return true;
        }

        var accounts = await counselors.ListAsync(cancellationToken).ConfigureAwait(false);
        return accounts.Any(a => a.CanTakeConversations);
    }

    /// <summary>Outside counselor hours: when they next begin; within hours, null.</summary>
    public DateTimeOffset? BackAt(DateTimeOffset now) => queries.Hours.IsOpen(now) ? null : queries.Hours.NextOpening(now);

    /// <summary>The waiting state of a queued conversation, for the bot's answers while nobody holds it.</summary>
    public async Task<HandoffWaiting> WaitingAsync(HandoffSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = clock.GetUtcNow();
        var onDuty = await OnDutyAsync(cancellationToken).ConfigureAwait(false);
        var place = await queries.PositionAsync(session.ConversationId, cancellationToken).ConfigureAwait(false);
        return new HandoffWaiting(place, onDuty, BackAt(now), session.WaitingFor(now));
    }

    /// <summary>What the person reads when a request is queued and nobody can answer now: plainly why, and when if known.</summary>
    public string NotOnDutyText(bool english = false) =>
        queries.IsWithinHours()
            ? HandoffTexts.Fill(queries.Texts.In(english).NobodyOnDuty, "services", queries.ServicesText(english))
            : queries.OutsideHoursText(english);
}
