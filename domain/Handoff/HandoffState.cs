namespace ChatSupport.Domain.Handoff;

/// <summary>Who has a conversation: Bot → Waiting → Counselor → Bot (or Closed).</summary>
public enum HandoffState
{
    /// <summary>The bot talks with the person (also after a handoff ended or was cancelled).</summary>
    Bot,

    /// <summary>In the counselors' queue; the bot stays silent and relays what the person writes.</summary>
    Waiting,

    /// <summary>A counselor holds the conversation; the bot stays silent.</summary>
    Counselor,

    /// <summary>A counselor ended the conversation without handing it back to the bot.</summary>
    Closed,
}

public static class HandoffStates
{
    public static string ToWire(this HandoffState state) => state switch
    {
        HandoffState.Bot => "bot",
        HandoffState.Waiting => "waiting",
        HandoffState.Counselor => "counselor",
        HandoffState.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static HandoffState FromWire(string wire) => wire switch
    {
        "bot" => HandoffState.Bot,
        "waiting" => HandoffState.Waiting,
        "counselor" => HandoffState.Counselor,
        "closed" => HandoffState.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(wire), wire, "Unknown handoff state."),
    };

    /// <summary>True while the bot must stay silent and relay the person's messages.</summary>
    public static bool IsWithHuman(this HandoffState state) => state is HandoffState.Waiting or HandoffState.Counselor;
}
