namespace ChatSupport.Domain.Risk;

/// <summary>
/// The risk level of a conversation so far. Immutable and JSON-serializable (System.Text.Json, default
/// options), so it can live in conversation state.
/// </summary>
/// <remarks>
/// Rules, applied by <see cref="Update"/>:
/// <list type="number">
/// <item>A critical message makes the conversation critical for the rest of the session (until a new
/// <see cref="ConversationRisk"/> is started, e.g. when the session ends).</item>
/// <item>Otherwise the level is the highest level of any message seen within the last
/// <see cref="RecentWindow"/> (30 minutes): a high message keeps the conversation high for 30 minutes
/// after the last high message, then it falls to the highest level still inside the window.</item>
/// <item>Categories are the union over the whole session; they never decay.</item>
/// <item>The cue classes of the last <see cref="MaxRecentMessages"/> messages within <see cref="RecentWindow"/>
/// are kept (<see cref="RecentMessages"/>, bounded) so the conversation rules of situations.yaml can combine
/// an earlier message with this one (see <see cref="RiskEngine.Assess(string, ConversationRisk?, DateTimeOffset)"/>).</item>
/// </list>
/// </remarks>
/// <param name="Level">The current conversation level.</param>
/// <param name="Categories">Union of message categories, in rubric order.</param>
/// <param name="CriticalAt">When the first critical message came, if any.</param>
/// <param name="HighSeenAt">When the last high message came.</param>
/// <param name="MediumSeenAt">When the last medium message came.</param>
/// <param name="LowSeenAt">When the last low message came.</param>
/// <param name="UpdatedAt">When the last message was assessed.</param>
/// <param name="LexiconVersion">Lexicon version of the last assessment.</param>
/// <param name="RecentMessages">Cue classes of the recent messages, oldest first (null in state written before they existed).</param>
public sealed record ConversationRisk(
    RiskLevel Level,
    IReadOnlyList<SupportCategory> Categories,
    DateTimeOffset? CriticalAt,
    DateTimeOffset? HighSeenAt,
    DateTimeOffset? MediumSeenAt,
    DateTimeOffset? LowSeenAt,
    DateTimeOffset? UpdatedAt,
    string? LexiconVersion,
    IReadOnlyList<RecentRiskMessage>? RecentMessages = null)
{
    /// <summary>How long a message's level counts as recent.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(30);

    /// <summary>How many recent messages the conversation rules look back over.</summary>
    public const int MaxRecentMessages = 5;

    /// <summary>At most this many cue classes are kept per message.</summary>
    public const int MaxClassesPerMessage = 24;

    /// <summary>A conversation with no messages yet.</summary>
    public static ConversationRisk Empty { get; } = new(RiskLevel.None, [], null, null, null, null, null, null);

    /// <summary>The conversation after <paramref name="message"/> arrived at <paramref name="now"/>. Pure.</summary>
    public ConversationRisk Update(RiskAssessment message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var critical = CriticalAt ?? (message.Level == RiskLevel.Critical ? now : null);
        var high = message.Level == RiskLevel.High ? now : HighSeenAt;
        var medium = message.Level == RiskLevel.Medium ? now : MediumSeenAt;
        var low = message.Level == RiskLevel.Low ? now : LowSeenAt;

        var categories = Categories.Concat(message.Categories).Distinct().Order().ToList();
        var level = critical is not null ? RiskLevel.Critical : LevelAt(now, high, medium, low);
        var recent = (RecentMessages ?? [])
            .Where(m => now - m.At <= RecentWindow && m.At <= now)
            .Append(new RecentRiskMessage(now, message.Level, message.CueClasses.Take(MaxClassesPerMessage).ToList()))
            .TakeLast(MaxRecentMessages)
            .ToList();
        return new ConversationRisk(level, categories, critical, high, medium, low, now, message.LexiconVersion, recent);
    }

    /// <summary>The cue classes of the recent messages at <paramref name="now"/>, as bits over <paramref name="classes"/>.</summary>
    public CueClassMask RecentCueMask(DateTimeOffset now, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var mask = CueClassMask.Empty;
        foreach (var m in RecentMessages ?? [])
        {
            if (now - m.At > RecentWindow || m.At > now)
            {
                continue;
            }

            foreach (var c in m.CueClasses ?? [])
            {
                for (var i = 0; i < classes.Count && i < CueClassMask.Capacity; i++)
                {
                    if (string.Equals(classes[i], c, StringComparison.Ordinal))
                    {
                        mask |= CueClassMask.Bit(i);
                        break;
                    }
                }
            }
        }

        return mask;
    }

    /// <summary>The level this conversation has at <paramref name="now"/> without a new message (decay only).</summary>
    public RiskLevel LevelAt(DateTimeOffset now) =>
        CriticalAt is not null ? RiskLevel.Critical : LevelAt(now, HighSeenAt, MediumSeenAt, LowSeenAt);

    private static RiskLevel LevelAt(DateTimeOffset now, DateTimeOffset? high, DateTimeOffset? medium, DateTimeOffset? low)
    {
        static bool Recent(DateTimeOffset now, DateTimeOffset? seen) => seen is not null && now - seen.Value <= RecentWindow;

        if (Recent(now, high))
        {
            return RiskLevel.High;
        }

        if (Recent(now, medium))
        {
            return RiskLevel.Medium;
        }

        return Recent(now, low) ? RiskLevel.Low : RiskLevel.None;
    }
}

/// <summary>What the conversation keeps of one recent message: when, its level, its cue classes (no text).</summary>
public sealed record RecentRiskMessage(DateTimeOffset At, RiskLevel Level, IReadOnlyList<string> CueClasses);
