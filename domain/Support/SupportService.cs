using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Support;

/// <summary>How a person reaches a service.</summary>
public enum ChannelKind
{
    Phone,
    Line,
    Chat,
    Sns,
    Web,
    Mail,
    Visit,
}

/// <summary>The status the verified support-services reference gives each service (how sure its facts are).</summary>
public enum ServiceStatus
{
    /// <summary>Read on an operator, ministry or municipal page, or in a government document.</summary>
    Official,

    /// <summary>Read only in press or third-party pages. Shown, ranked below official entries.</summary>
    Secondary,

    /// <summary>Existence verified, hours or handle not current. Hours are never shown.</summary>
    Dated,

    /// <summary>Runs only in announced windows. Open only inside the dated windows in the data.</summary>
    WindowsOnly,

    /// <summary>Ran only for a past period. Kept so that it is recognised, never offered.</summary>
    Expired,
}

public enum CostKind
{
    Free,
    CallerPays,
    Unknown,
}

public enum TargetSex
{
    Any,
    Female,
    Male,
}

public enum RegionScope
{
    National,
    Prefecture,
    Municipality,
}

/// <summary>Japanese text with an optional English version.</summary>
public sealed record LocalizedText(string Ja, string? En = null)
{
    /// <summary>English when asked for and available, Japanese otherwise.</summary>
    public string For(bool english) => english && !string.IsNullOrEmpty(En) ? En : Ja;
}

/// <summary>
/// Where a service is available. <see cref="PartialCoverage"/> marks a national scheme that is
/// not available everywhere and whose coverage list is not verified (e.g. #7119): the router never
/// offers it, because it cannot check the person's region.
/// </summary>
public sealed record ServiceRegion(
    RegionScope Scope,
    string? PrefectureCode = null,
    string? MunicipalityName = null,
    string? MunicipalityCode = null,
    bool PartialCoverage = false)
{
    public static ServiceRegion National { get; } = new(RegionScope.National);
}

/// <summary>
/// Whom a service is for. <see cref="Children"/> marks services "for children" (and people around
/// them) whose sources give no exact age limit; <see cref="Guardians"/> marks services for parents and carers
/// about a child (#8000), offered only to someone who asks about another person.
/// </summary>
public sealed record TargetAudience(int? MinAge = null, int? MaxAge = null, TargetSex Sex = TargetSex.Any, bool Children = false, string? NoteJa = null, bool Guardians = false)
{
    public static TargetAudience Anyone { get; } = new();

    public bool IsSpecific => MinAge is not null || MaxAge is not null || Children || Guardians || Sex != TargetSex.Any;
}

/// <summary>
/// One way to reach a service: a phone number, a LINE handle or account name, a chat or web URL.
/// </summary>
public sealed record ServiceChannel
{
    public required ChannelKind Kind { get; init; }

    /// <summary>Phone number as written by the operator (0120-279-338, #8103, 189).</summary>
    public string? Number { get; init; }

    /// <summary>LINE or SNS handle (@733gquft, kokorohotchat).</summary>
    public string? Handle { get; init; }

    public string? Url { get; init; }

    /// <summary>An account name to search for, when the source gives no verified ID.</summary>
    public string? AccountName { get; init; }

    /// <summary>What this line is, when a service has several (e.g. 被災地ライン（福島県）).</summary>
    public LocalizedText? Label { get; init; }

    public CostKind Cost { get; init; } = CostKind.Unknown;
    public required ServiceHours Hours { get; init; }

    /// <summary>When not empty, the channel is only for callers in these prefectures (JIS codes).</summary>
    public IReadOnlyList<string> PrefectureCodes { get; init; } = [];

    /// <summary>Languages of this channel when they differ from the service's.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public string? NoteJa { get; init; }

    /// <summary>Someone answers in real time (phone, LINE, chat, SNS).</summary>
    public bool IsRealTime => Kind is ChannelKind.Phone or ChannelKind.Line or ChannelKind.Chat or ChannelKind.Sns;

    /// <summary>The number, handle, URL or account name to show.</summary>
    public string Contact => Number ?? Handle ?? Url ?? AccountName ?? string.Empty;

    /// <summary>The digits (and leading #) to dial, for a tel: link; null when not a phone channel.</summary>
    public string? DialString => Number is null ? null : PhoneNumbers.ToDialString(Number);

    public bool AvailableIn(string? prefectureCode) =>
        PrefectureCodes.Count == 0 || (prefectureCode is not null && PrefectureCodes.Contains(prefectureCode));

    /// <summary>
    /// Whether a person who reads and speaks <paramref name="language"/> (ISO 639-1) can use this channel: a line kept
    /// for other languages (an interpreter service) is not a number to give someone writing in Japanese.
    /// </summary>
    public bool Speaks(string language) => Languages.Count == 0 || Languages.Contains(language, StringComparer.Ordinal);

    public OpeningStatus StatusAt(DateTimeOffset now) => Hours.StatusAt(now);
}

/// <summary>
/// A support service from the directory data. Immutable; built only by the loader, which
/// validates every field.
/// </summary>
public sealed record SupportService
{
    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }
    public required LocalizedText Description { get; init; }
    public required ServiceStatus Status { get; init; }
    public required IReadOnlyList<SupportCategory> Categories { get; init; }

    /// <summary>ISO 639-1 codes; "ja" first.</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["ja"];

    public TargetAudience Target { get; init; } = TargetAudience.Anyone;
    public ServiceRegion Region { get; init; } = ServiceRegion.National;
    public required IReadOnlyList<ServiceChannel> Channels { get; init; }

    /// <summary>A note on cost in Japanese (e.g. 「通話料は利用者負担」).</summary>
    public string? CostNoteJa { get; init; }

    /// <summary>110 and 119: shown in every crisis reply, never ranked with the other services.</summary>
    public bool IsEmergency { get; init; }

    /// <summary>The main source of the facts; shown when hours are unknown ("check the source").</summary>
    public required string SourceUrl { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];
    public required DateOnly LastVerified { get; init; }

    /// <summary>For expired entries: the last day the service ran.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>The data file the entry came from (embedded name or local path).</summary>
    public required string SourceFile { get; init; }

    /// <summary>False for expired entries: they are never offered.</summary>
    public bool IsActive => Status != ServiceStatus.Expired;

    public bool Helps(SupportCategory category) => Categories.Contains(category);
}

public static class ServiceStatuses
{
    /// <summary>The wire name used in the data files (official, windows_only, …).</summary>
    public static string ToWire(this ServiceStatus status) => status switch
    {
        ServiceStatus.Official => "official",
        ServiceStatus.Secondary => "secondary",
        ServiceStatus.Dated => "dated",
        ServiceStatus.WindowsOnly => "windows_only",
        ServiceStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
