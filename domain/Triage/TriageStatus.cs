namespace ChatSupport.Domain.Triage;

/// <summary>
/// Whether the AI triage is in use right now, for the welcome text (ETH-04) and the console: enabled by the
/// deployment (ETH-03) and not stopped by the kill switch.
/// </summary>
public sealed class TriageStatus(bool enabled, TriageKillSwitch killSwitch)
{
    /// <summary>The deployment turned the triage on (<c>ChatSupport:Triage:Enabled</c>).</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>True when messages may be sent to the AI now (the welcome must then say so, ETH-04).</summary>
    public bool IsActive => Enabled && !KillSwitch.IsStopped;

    public TriageKillSwitch KillSwitch { get; } = killSwitch;
}
