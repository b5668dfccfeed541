namespace ChatSupport.Domain.Support;

// The shape of a directory YAML file as written by people. Everything is a string or a list so
// the loader can check formats itself and report the entry and reason; see DirectoryLoader.
// Keys are snake_case (min_age, account_name, closed_yearly).

internal sealed class DirectoryFileDto
{
    public List<ServiceDto>? Services { get; set; }
}

internal sealed class ServiceDto
{
    public string? Id { get; set; }
    public string? Status { get; set; }
    public TextDto? Name { get; set; }
    public TextDto? Description { get; set; }
    public List<string>? Categories { get; set; }
    public List<string>? Languages { get; set; }
    public TargetDto? Target { get; set; }
    public RegionDto? Region { get; set; }
    public List<ChannelDto>? Channels { get; set; }
    public string? CostNoteJa { get; set; }
    public bool Emergency { get; set; }
    public string? Source { get; set; }
    public List<string>? Sources { get; set; }
    public string? Verified { get; set; }
    public string? ValidUntil { get; set; }
    public string? Note { get; set; }
}

internal sealed class TextDto
{
    public string? Ja { get; set; }
    public string? En { get; set; }
}

internal sealed class TargetDto
{
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public string? Sex { get; set; }
    public bool Children { get; set; }
    public bool Guardians { get; set; }
    public string? NoteJa { get; set; }
}

internal sealed class RegionDto
{
    public string? Scope { get; set; }
    public string? Prefecture { get; set; }
    public string? Municipality { get; set; }
    public string? MunicipalityCode { get; set; }
    public bool Partial { get; set; }
}

internal sealed class ChannelDto
{
    public string? Kind { get; set; }
    public string? Number { get; set; }
    public string? Handle { get; set; }
    public string? Url { get; set; }
    public string? AccountName { get; set; }
    public TextDto? Label { get; set; }
    public string? Cost { get; set; }
    public HoursDto? Hours { get; set; }
    public List<string>? Prefectures { get; set; }
    public List<string>? Languages { get; set; }
    public string? NoteJa { get; set; }
}

internal sealed class HoursDto
{
    public string? Kind { get; set; }
    public List<WeeklyDto>? Weekly { get; set; }
    public string? Holidays { get; set; }
    public List<MonthlyDto>? Monthly { get; set; }
    public List<WindowDto>? Windows { get; set; }
    public List<string>? ClosedYearly { get; set; }
    public string? Reason { get; set; }
    public string? NoteJa { get; set; }
}

internal sealed class WeeklyDto
{
    public List<string>? Days { get; set; }
    public string? Time { get; set; }
}

internal sealed class MonthlyDto
{
    public int? Day { get; set; }
    public string? Time { get; set; }
}

internal sealed class WindowDto
{
    public string? From { get; set; }
    public string? To { get; set; }
}
