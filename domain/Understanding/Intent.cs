namespace ChatSupport.Domain.Understanding;

/// <summary>
/// What a person wants from the conversation with one message (tests/datasets/understanding/README.md).
/// Several may hold at once; <see cref="Other"/> only when none of the others does.
/// </summary>
public enum Intent
{
    Greeting,
    Farewell,
    AskIsBot,
    AskPrivacy,
    AskHours,
    AskCanConsult,
    AskPerson,
    AskServices,
    CannotCall,
    Disclosure,
    Other,
}

public static class Intents
{
    private static readonly Dictionary<string, Intent> ByWire = Enum.GetValues<Intent>()
        .ToDictionary(i => i.ToWire(), StringComparer.Ordinal);

    public static IReadOnlyCollection<Intent> All { get; } = Enum.GetValues<Intent>();

    /// <summary>The snake_case wire name used in data files and JSON (ask_is_bot, cannot_call, …).</summary>
    public static string ToWire(this Intent intent) => intent switch
    {
        Intent.Greeting => "greeting",
        Intent.Farewell => "farewell",
        Intent.AskIsBot => "ask_is_bot",
        Intent.AskPrivacy => "ask_privacy",
        Intent.AskHours => "ask_hours",
        Intent.AskCanConsult => "ask_can_consult",
        Intent.AskPerson => "ask_person",
        Intent.AskServices => "ask_services",
        Intent.CannotCall => "cannot_call",
        Intent.Disclosure => "disclosure",
        Intent.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, null),
    };

    public static bool TryParse(string? wire, out Intent intent) =>
        ByWire.TryGetValue(wire?.Trim().ToLowerInvariant() ?? string.Empty, out intent);
}
