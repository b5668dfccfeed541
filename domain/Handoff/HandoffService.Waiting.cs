namespace ChatSupport.Domain.Handoff;

/// <summary>
/// Who can answer now, and what the person waiting is told. A counselor is on duty when it is within
/// <see cref="HandoffOptions.Hours"/> and at least one console account is available and not locked out
/// (without an account directory, as in unit tests, hours alone decide).
/// </summary>
public sealed partial class HandoffService
{
    /// <summary>True within counselor hours when someone is signed in and available to take a conversation.</summary>
    public async Task<bool> CounselorOnDutyAsync(CancellationToken cancellationToken = default)
    {
        if (!_hours.IsOpen(clock.GetUtcNow()))
        {
            return false;
        }

        if (counselors is null)
        {
            return true;
        }

        var accounts = await counselors.ListAsync(cancellationToken).ConfigureAwait(false);
        return accounts.Any(a => a.Status == CounselorStatus.Available && !a.LockedOut);
    }

    /// <summary>The waiting state of a queued conversation, for the bot's answers while nobody holds it.</summary>
    public async Task<HandoffWaiting> WaitingAsync(HandoffSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = clock.GetUtcNow();
        var onDuty = await CounselorOnDutyAsync(cancellationToken).ConfigureAwait(false);
        var place = await PositionAsync(session.ConversationId, cancellationToken).ConfigureAwait(false);
        return new HandoffWaiting(place, onDuty, BackAt(now), session.WaitingFor(now));
    }

    private DateTimeOffset? BackAt(DateTimeOffset now) => _hours.IsOpen(now) ? null : _hours.NextOpening(now);

    /// <summary>Within hours, but nobody is signed in and available: said plainly, with around-the-clock services.</summary>
    public string NobodyOnDutyText() =>
        HandoffTexts.Fill(texts.NobodyOnDuty, "services", string.Join("\n", AroundTheClockServices.Select(s => "・" + s)));
}
