namespace ChatSupport.Domain.Triage;

/// <summary>The two roles of the console, as far as the triage is concerned (ETH-08).</summary>
public enum TriageRole
{
    /// <summary>Sees AI suggestions; cannot review them or switch the AI.</summary>
    Counselor,

    /// <summary>Reviews judgements, exports reviews, switches the AI off and on.</summary>
    Supervisor,
}

/// <summary>Who acts in the console (the console maps its signed-in user to this).</summary>
public sealed record TriageActor(string Id, TriageRole Role)
{
    public bool IsSupervisor => Role == TriageRole.Supervisor;
}

/// <summary>One line of the append-only triage audit log.</summary>
public sealed record TriageAuditEntry(DateTimeOffset At, string ActorId, string Action, string Reason);

/// <summary>The persisted kill switch flag and the audit log.</summary>
public interface ITriageControlStore
{
    /// <summary>Null when never switched (the default: running, if enabled by configuration).</summary>
    Task<bool?> LoadStoppedAsync(CancellationToken cancellationToken);

    /// <summary>Saves the flag and appends the audit entry in one transaction.</summary>
    Task SaveStoppedAsync(bool stopped, TriageAuditEntry audit, CancellationToken cancellationToken);

    Task AppendAuditAsync(TriageAuditEntry audit, CancellationToken cancellationToken);

    Task<IReadOnlyList<TriageAuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken);
}

/// <summary>What a console command did.</summary>
public enum TriageCommandResult
{
    Done,
    Forbidden,
    ReasonRequired,
}

/// <summary>
/// ETH-03: the run-time kill switch. Reads are in memory (the turn path checks it without I/O); every change is
/// persisted and audit-logged with who, when and why, and survives a restart (<see cref="LoadAsync"/> at start).
/// Only supervisors may switch it.
/// </summary>
public sealed class TriageKillSwitch(ITriageControlStore store, TimeProvider clock)
{
    private volatile bool _stopped;

    /// <summary>True while a supervisor has stopped the AI.</summary>
    public bool IsStopped => _stopped;

    /// <summary>Raised after every change (the console can refresh).</summary>
    public event Action<bool>? Changed;

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        _stopped = await store.LoadStoppedAsync(cancellationToken).ConfigureAwait(false) ?? false;

    public Task<TriageCommandResult> StopAsync(TriageActor actor, string reason, CancellationToken cancellationToken) =>
        SetAsync(actor, stopped: true, reason, cancellationToken);

    public Task<TriageCommandResult> ResumeAsync(TriageActor actor, string reason, CancellationToken cancellationToken) =>
        SetAsync(actor, stopped: false, reason, cancellationToken);

    public Task<IReadOnlyList<TriageAuditEntry>> ReadAuditAsync(TriageActor actor, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsSupervisor ? store.ReadAuditAsync(limit, cancellationToken) : Task.FromResult<IReadOnlyList<TriageAuditEntry>>([]);
    }

    private async Task<TriageCommandResult> SetAsync(TriageActor actor, bool stopped, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSupervisor)
        {
            // ETH-03/ETH-08: counselors cannot switch the AI; the attempt is audited too.
            await store.AppendAuditAsync(new TriageAuditEntry(clock.GetUtcNow(), actor.Id, stopped ? "stop.denied" : "resume.denied", string.Empty), cancellationToken).ConfigureAwait(false);
            return TriageCommandResult.Forbidden;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return TriageCommandResult.ReasonRequired;
        }

        // Stop takes effect in memory first: no new call starts while the flag is being written.
        if (stopped)
        {
            _stopped = true;
        }

        await store.SaveStoppedAsync(stopped, new TriageAuditEntry(clock.GetUtcNow(), actor.Id, stopped ? "stop" : "resume", reason.Trim()), cancellationToken).ConfigureAwait(false);
        _stopped = stopped;
        Changed?.Invoke(stopped);
        return TriageCommandResult.Done;
    }
}
