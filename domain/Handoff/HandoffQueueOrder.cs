using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// The queue's order: critical first, then high, then everything else together; within a band,
/// the longest waiting first; the conversation id breaks exact ties so the order is stable.
/// </summary>
public sealed class HandoffQueueOrder : IComparer<HandoffSession>
{
    public static HandoffQueueOrder Instance { get; } = new();

    /// <summary>0 for critical, 1 for high, 2 for the rest (lower is served first).</summary>
    public static int Band(RiskLevel priority) => priority switch
    {
        RiskLevel.Critical => 0,
        RiskLevel.High => 1,
        _ => 2,
    };

    public int Compare(HandoffSession? x, HandoffSession? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return 1;
        }

        if (y is null)
        {
            return -1;
        }

        var band = Band(x.Priority).CompareTo(Band(y.Priority));
        if (band != 0)
        {
            return band;
        }

        var since = Nullable.Compare(x.WaitingSince, y.WaitingSince);
        return since != 0 ? since : string.CompareOrdinal(x.ConversationId, y.ConversationId);
    }
}
