namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// One crisis episode of a conversation (saved in <see cref="ConsultationProfile"/>): which harms have had
/// their full block, whether the safety check waits for an answer, and whether the person has said they
/// are safe or that help was called. A new episode starts after <see cref="Length"/> without danger.
/// </summary>
public sealed class CrisisEpisode
{
    /// <summary>The full block is sent once per episode; an episode ends this long after the last danger message.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromHours(6);

    /// <summary>Follow-ups (worries, symptoms, answers in free words) are read as part of the crisis this long after the last crisis message.</summary>
    public static readonly TimeSpan FollowUpWindow = TimeSpan.FromHours(1);

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The last danger message.</summary>
    public DateTimeOffset LastDangerAt { get; set; }

    /// <summary>The last message the crisis path answered (danger or follow-up).</summary>
    public DateTimeOffset LastCrisisReplyAt { get; set; }

    /// <summary>Wire names of the harms whose full template was sent in this episode.</summary>
    public List<string> Harms { get; set; } = [];

    /// <summary>The harm of the latest danger message (wire name).</summary>
    public string Harm { get; set; } = "general";

    /// <summary>The safety check was asked and not yet answered.</summary>
    public bool CheckPending { get; set; }

    /// <summary>How often the safety check was asked for the current harm (at most <see cref="MaxChecks"/>, then it is not asked again).</summary>
    public int ChecksAsked { get; set; }

    /// <summary>A critical message came in this episode (a later critical message after high ones asks the check afresh).</summary>
    public bool Critical { get; set; }

    /// <summary>A person who does not answer the safety check twice is not asked a third time; they are listened to.</summary>
    public const int MaxChecks = 2;

    /// <summary>Whether the check may be asked (again): not after they said they are safe, not while it waits, not more than twice.</summary>
    public bool MayAskCheck => !Settled && !CheckPending && ChecksAsked < MaxChecks;

    /// <summary>The person said they are safe or that help was called (the acute reminder stops).</summary>
    public bool Settled { get; set; }

    /// <summary>The person said the bleeding of a cut has stopped: a refusal of hospital is not met with 119 again.</summary>
    public bool BleedingStopped { get; set; }

    /// <summary>The "move the means away" step was given for means read from the situation (not said again for the same means).</summary>
    public bool MeansAnswered { get; set; }

    /// <summary>Messages in a row that no cue answered and that got the acute reminder (at most <see cref="MaxReminders"/>).</summary>
    public int Reminders { get; set; }

    /// <summary>After this many unread messages in a row the usual path answers again (listening, the menu, the waiting line).</summary>
    public const int MaxReminders = 3;

    /// <summary>The violence now is from a partner (named in the message or earlier), told by someone not known to be a child.</summary>
    public bool ByPartner { get; set; }

    public CrisisHarm CurrentHarm => HarmClassifier.FromWire(Harm);

    /// <summary>The harm whose worry lines answer: violence now from a partner is answered as partner violence (DV相談＋, not 189).</summary>
    public CrisisHarm WorryHarm => ByPartner && CurrentHarm == CrisisHarm.ViolenceNow ? CrisisHarm.Dv : CurrentHarm;

    public bool IsOpen(DateTimeOffset now) => now - LastDangerAt < Length;

    public bool InFollowUp(DateTimeOffset now) => now - LastCrisisReplyAt < FollowUpWindow;
}
