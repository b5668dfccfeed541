using System.Globalization;
using ChatSupport.Domain.Risk;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatSupport.Domain.Directory;

/// <summary>
/// Reads and validates directory YAML files (format: docs/directory-local-template.yaml).
/// Every problem is reported with the file, the entry id and the reason.
/// </summary>
public static class DirectoryLoader
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Parses one file; returns its services and every problem found (empty when valid).</summary>
    public static (IReadOnlyList<SupportService> Services, IReadOnlyList<DirectoryDataError> Errors) Parse(
        string fileName, string yaml, DateOnly today)
    {
        var errors = new List<DirectoryDataError>();
        DirectoryFileDto? file;
        try
        {
            file = Deserializer.Deserialize<DirectoryFileDto>(yaml);
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message ?? ex.Message;
            errors.Add(new DirectoryDataError(fileName, null, $"not valid directory YAML at line {ex.Start.Line}: {inner}"));
            return ([], errors);
        }

        if (file?.Services is null || file.Services.Count == 0)
        {
            errors.Add(new DirectoryDataError(fileName, null, "no 'services:' list in the file"));
            return ([], errors);
        }

        var services = new List<SupportService>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Services.Count; i++)
        {
            var dto = file.Services[i];
            var id = string.IsNullOrWhiteSpace(dto.Id) ? $"#{i + 1}" : dto.Id.Trim();
            var entryErrors = new List<string>();
            var service = Build(dto, id, fileName, today, entryErrors);
            if (!seen.Add(id))
            {
                entryErrors.Add("duplicate id in this file");
            }

            errors.AddRange(entryErrors.Select(reason => new DirectoryDataError(fileName, id, reason)));
            if (entryErrors.Count == 0 && service is not null)
            {
                services.Add(service);
            }
        }

        return (services, errors);
    }

    /// <summary>Parses several files and checks ids are unique across them; throws on any problem.</summary>
    public static IReadOnlyList<SupportService> LoadAll(IEnumerable<(string FileName, string Yaml)> files, DateOnly today)
    {
        var errors = new List<DirectoryDataError>();
        var all = new List<SupportService>();
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (fileName, yaml) in files)
        {
            var (services, fileErrors) = Parse(fileName, yaml, today);
            errors.AddRange(fileErrors);
            foreach (var service in services)
            {
                if (byId.TryGetValue(service.Id, out var otherFile))
                {
                    errors.Add(new DirectoryDataError(fileName, service.Id, $"id already used in {otherFile}"));
                    continue;
                }

                byId[service.Id] = fileName;
                all.Add(service);
            }
        }

        if (errors.Count > 0)
        {
            throw new DirectoryDataException(errors);
        }

        return all;
    }

    private static SupportService? Build(ServiceDto dto, string id, string fileName, DateOnly today, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(dto.Id))
        {
            errors.Add("missing id");
        }
        else if (!IsSlug(id))
        {
            errors.Add($"id '{id}' must be lower-case letters, digits and single hyphens");
        }
        else if (id.StartsWith("example-", StringComparison.Ordinal))
        {
            errors.Add("this is the template's example entry: replace it with a real, verified service");
        }

        var status = ParseStatus(dto.Status, errors);

        if (string.IsNullOrWhiteSpace(dto.Name?.Ja))
        {
            errors.Add("missing name.ja");
        }

        if (string.IsNullOrWhiteSpace(dto.Description?.Ja))
        {
            errors.Add("missing description.ja");
        }

        var categories = new List<SupportCategory>();
        if (dto.Categories is null || dto.Categories.Count == 0)
        {
            errors.Add("missing categories (at least one of: " + string.Join(", ", SupportCategories.All.Select(c => c.ToWire())) + ")");
        }
        else
        {
            foreach (var wire in dto.Categories)
            {
                if (SupportCategories.TryParse(wire, out var category))
                {
                    categories.Add(category);
                }
                else
                {
                    errors.Add($"unknown category '{wire}'");
                }
            }
        }

        var languages = ParseLanguages(dto.Languages, "languages", errors) ?? ["ja"];
        var target = ParseTarget(dto.Target, errors);
        var region = ParseRegion(dto.Region, errors);

        // Sources and dates: every entry must say where its facts come from and when they were checked.
        if (string.IsNullOrWhiteSpace(dto.Source))
        {
            errors.Add("missing source (the URL the facts were read from)");
        }
        else if (!IsHttpUrl(dto.Source))
        {
            errors.Add($"source '{dto.Source}' is not an http(s) URL");
        }

        foreach (var extra in dto.Sources ?? [])
        {
            if (!IsHttpUrl(extra))
            {
                errors.Add($"sources: '{extra}' is not an http(s) URL");
            }
        }

        var verified = ParseDate(dto.Verified, "verified", errors, required: true);
        if (verified is not null && verified.Value > today.AddDays(1))
        {
            errors.Add($"verified date {dto.Verified} is in the future");
        }

        var validUntil = ParseDate(dto.ValidUntil, "valid_until", errors, required: status == ServiceStatus.Expired);

        var channels = new List<ServiceChannel>();
        if (dto.Channels is null || dto.Channels.Count == 0)
        {
            if (status != ServiceStatus.Expired)
            {
                errors.Add("missing channels (at least one verified phone number, handle or URL)");
            }
        }
        else
        {
            for (var c = 0; c < dto.Channels.Count; c++)
            {
                var channel = ParseChannel(dto.Channels[c], $"channel {c + 1}", status, errors);
                if (channel is not null)
                {
                    channels.Add(channel);
                }
            }
        }

        if (errors.Count > 0 || status is null || verified is null)
        {
            return null;
        }

        return new SupportService
        {
            Id = id,
            Name = new LocalizedText(dto.Name!.Ja!.Trim(), NullIfBlank(dto.Name.En)),
            Description = new LocalizedText(dto.Description!.Ja!.Trim(), NullIfBlank(dto.Description.En)),
            Status = status.Value,
            Categories = categories.Distinct().ToList(),
            Languages = languages,
            Target = target ?? TargetAudience.Anyone,
            Region = region ?? ServiceRegion.National,
            Channels = channels,
            CostNoteJa = NullIfBlank(dto.CostNoteJa),
            IsEmergency = dto.Emergency,
            SourceUrl = dto.Source!.Trim(),
            Sources = (dto.Sources ?? []).Prepend(dto.Source!.Trim()).Distinct(StringComparer.Ordinal).ToList(),
            LastVerified = verified.Value,
            ValidUntil = validUntil,
            SourceFile = fileName,
        };
    }

    private static ServiceStatus? ParseStatus(string? wire, List<string> errors)
    {
        switch (wire?.Trim())
        {
            case "official": return ServiceStatus.Official;
            case "secondary": return ServiceStatus.Secondary;
            case "dated": return ServiceStatus.Dated;
            case "windows_only": return ServiceStatus.WindowsOnly;
            case "expired": return ServiceStatus.Expired;
            case null or "":
                errors.Add("missing status (official, secondary, dated, windows_only or expired)");
                return null;
            default:
                errors.Add($"unknown status '{wire}' (official, secondary, dated, windows_only or expired)");
                return null;
        }
    }

    private static List<string>? ParseLanguages(List<string>? codes, string field, List<string> errors)
    {
        if (codes is null || codes.Count == 0)
        {
            return null;
        }

        foreach (var code in codes.Where(c => c is null || c.Length != 2 || !c.All(char.IsAsciiLetterLower)))
        {
            errors.Add($"{field}: '{code}' is not a two-letter ISO 639-1 code");
        }

        return codes.Distinct().ToList();
    }

    private static TargetAudience? ParseTarget(TargetDto? dto, List<string> errors)
    {
        if (dto is null)
        {
            return null;
        }

        if (dto.MinAge is < 0 or > 120 || dto.MaxAge is < 0 or > 120)
        {
            errors.Add("target ages must be between 0 and 120");
        }

        if (dto.MinAge is not null && dto.MaxAge is not null && dto.MinAge > dto.MaxAge)
        {
            errors.Add($"target min_age {dto.MinAge} is above max_age {dto.MaxAge}");
        }

        var sex = dto.Sex?.Trim() switch
        {
            null or "" or "any" => TargetSex.Any,
            "female" => TargetSex.Female,
            "male" => TargetSex.Male,
            _ => (TargetSex?)null,
        };
        if (sex is null)
        {
            errors.Add($"target sex '{dto.Sex}' must be any, female or male");
        }

        return new TargetAudience(dto.MinAge, dto.MaxAge, sex ?? TargetSex.Any, dto.Children, NullIfBlank(dto.NoteJa));
    }

    private static ServiceRegion? ParseRegion(RegionDto? dto, List<string> errors)
    {
        if (dto is null)
        {
            errors.Add("missing region (scope: national, prefecture or municipality)");
            return null;
        }

        switch (dto.Scope?.Trim())
        {
            case "national":
                if (dto.Prefecture is not null || dto.Municipality is not null)
                {
                    errors.Add("a national region takes no prefecture or municipality");
                }

                return new ServiceRegion(RegionScope.National, PartialCoverage: dto.Partial);
            case "prefecture":
            case "municipality":
                var scope = dto.Scope == "prefecture" ? RegionScope.Prefecture : RegionScope.Municipality;
                if (!Prefectures.IsValidCode(dto.Prefecture))
                {
                    errors.Add($"region prefecture '{dto.Prefecture}' is not a JIS prefecture code (01 to 47)");
                }

                if (scope == RegionScope.Municipality)
                {
                    if (string.IsNullOrWhiteSpace(dto.Municipality))
                    {
                        errors.Add("a municipality region needs the municipality name");
                    }

                    if (dto.MunicipalityCode is not null
                        && (dto.MunicipalityCode.Length is not (5 or 6) || !dto.MunicipalityCode.All(char.IsAsciiDigit)
                            || !dto.MunicipalityCode.StartsWith(dto.Prefecture ?? "??", StringComparison.Ordinal)))
                    {
                        errors.Add($"municipality_code '{dto.MunicipalityCode}' must be the 5- or 6-digit JIS code starting with the prefecture code");
                    }
                }
                else if (dto.Municipality is not null)
                {
                    errors.Add("a prefecture region takes no municipality (use scope: municipality)");
                }

                return new ServiceRegion(scope, dto.Prefecture, NullIfBlank(dto.Municipality), dto.MunicipalityCode, dto.Partial);
            default:
                errors.Add($"region scope '{dto.Scope}' must be national, prefecture or municipality");
                return null;
        }
    }

    private static ServiceChannel? ParseChannel(ChannelDto dto, string where, ServiceStatus? status, List<string> errors)
    {
        var before = errors.Count;
        ChannelKind? kind = dto.Kind?.Trim() switch
        {
            "phone" => ChannelKind.Phone,
            "line" => ChannelKind.Line,
            "chat" => ChannelKind.Chat,
            "sns" => ChannelKind.Sns,
            "web" => ChannelKind.Web,
            "mail" => ChannelKind.Mail,
            "visit" => ChannelKind.Visit,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add($"{where}: kind '{dto.Kind}' must be phone, line, chat, sns, web, mail or visit");
            return null;
        }

        if (dto.Url is not null && !IsHttpUrl(dto.Url))
        {
            errors.Add($"{where}: url '{dto.Url}' is not an http(s) URL");
        }

        if (dto.Handle is not null && !IsHandle(dto.Handle))
        {
            errors.Add($"{where}: handle '{dto.Handle}' may contain only letters, digits, '.', '_', '-' and a leading '@'");
        }

        switch (kind)
        {
            case ChannelKind.Phone:
                if (PhoneNumbers.Validate(dto.Number) is { } phoneError)
                {
                    errors.Add($"{where}: {phoneError}");
                }

                break;
            case ChannelKind.Line:
            case ChannelKind.Sns:
                if (dto.Handle is null && dto.Url is null && string.IsNullOrWhiteSpace(dto.AccountName))
                {
                    errors.Add($"{where}: a {dto.Kind} channel needs a verified handle, url or account_name");
                }

                break;
            case ChannelKind.Chat:
                // A chat whose address is not verified may be named instead (account_name: the person searches for it).
                if (dto.Url is null && string.IsNullOrWhiteSpace(dto.AccountName))
                {
                    errors.Add($"{where}: a chat channel needs a url or an account_name to search for");
                }

                break;
            case ChannelKind.Web:
            case ChannelKind.Mail:
                if (dto.Url is null)
                {
                    errors.Add($"{where}: a {dto.Kind} channel needs a url");
                }

                break;
            case ChannelKind.Visit:
                if (dto.Url is null && string.IsNullOrWhiteSpace(dto.NoteJa))
                {
                    errors.Add($"{where}: a visit channel needs a url or a note_ja saying where to go");
                }

                break;
        }

        if (kind != ChannelKind.Phone && dto.Number is not null)
        {
            errors.Add($"{where}: only phone channels take a number");
        }

        var cost = dto.Cost?.Trim() switch
        {
            null or "" or "unknown" => CostKind.Unknown,
            "free" => CostKind.Free,
            "caller_pays" => CostKind.CallerPays,
            _ => (CostKind?)null,
        };
        if (cost is null)
        {
            errors.Add($"{where}: cost '{dto.Cost}' must be free, caller_pays or unknown");
        }

        foreach (var code in dto.Prefectures ?? [])
        {
            if (!Prefectures.IsValidCode(code))
            {
                errors.Add($"{where}: prefectures: '{code}' is not a JIS prefecture code (01 to 47)");
            }
        }

        var languages = ParseLanguages(dto.Languages, $"{where}: languages", errors) ?? [];

        ServiceHours? hours;
        if (dto.Hours is null)
        {
            if (kind is ChannelKind.Web or ChannelKind.Mail)
            {
                hours = ServiceHours.NotApplicableHours;
            }
            else
            {
                errors.Add($"{where}: missing hours (use kind: unknown with a reason when the source gives none)");
                hours = null;
            }
        }
        else
        {
            hours = ParseHours(dto.Hours, where, errors);
        }

        if (hours is not null && status is not null)
        {
            var live = hours.Kind is HoursKind.Always or HoursKind.Schedule or HoursKind.WindowsOnly;
            if (status == ServiceStatus.Dated && live)
            {
                errors.Add($"{where}: a dated entry must not carry hours (use kind: unknown, reason: dated)");
            }

            if (status == ServiceStatus.WindowsOnly && hours.Kind is HoursKind.Always or HoursKind.Schedule)
            {
                errors.Add($"{where}: a windows_only entry is open only inside dated windows (use kind: windows_only)");
            }

            if (status != ServiceStatus.WindowsOnly && hours.Kind == HoursKind.WindowsOnly)
            {
                errors.Add($"{where}: hours kind windows_only needs status windows_only");
            }
        }

        if (errors.Count > before || hours is null)
        {
            return null;
        }

        return new ServiceChannel
        {
            Kind = kind.Value,
            Number = dto.Number?.Trim(),
            Handle = dto.Handle?.Trim(),
            Url = dto.Url?.Trim(),
            AccountName = NullIfBlank(dto.AccountName),
            Label = string.IsNullOrWhiteSpace(dto.Label?.Ja) ? null : new LocalizedText(dto.Label.Ja.Trim(), NullIfBlank(dto.Label.En)),
            Cost = cost!.Value,
            Hours = hours,
            PrefectureCodes = dto.Prefectures ?? [],
            Languages = languages,
            NoteJa = NullIfBlank(dto.NoteJa),
        };
    }

    private static ServiceHours? ParseHours(HoursDto dto, string where, List<string> errors)
    {
        var before = errors.Count;
        var kind = dto.Kind?.Trim() switch
        {
            "always" => HoursKind.Always,
            "schedule" => HoursKind.Schedule,
            "windows_only" => HoursKind.WindowsOnly,
            "unknown" => HoursKind.Unknown,
            _ => (HoursKind?)null,
        };
        if (kind is null)
        {
            errors.Add($"{where}: hours kind '{dto.Kind}' must be always, schedule, windows_only or unknown");
            return null;
        }

        var weekly = new List<WeeklySlot>();
        foreach (var slot in dto.Weekly ?? [])
        {
            var days = new List<DayOfWeek>();
            var holidays = false;
            foreach (var day in slot.Days ?? [])
            {
                switch (day?.Trim())
                {
                    case "mon": days.Add(DayOfWeek.Monday); break;
                    case "tue": days.Add(DayOfWeek.Tuesday); break;
                    case "wed": days.Add(DayOfWeek.Wednesday); break;
                    case "thu": days.Add(DayOfWeek.Thursday); break;
                    case "fri": days.Add(DayOfWeek.Friday); break;
                    case "sat": days.Add(DayOfWeek.Saturday); break;
                    case "sun": days.Add(DayOfWeek.Sunday); break;
                    case "hol": holidays = true; break;
                    default: errors.Add($"{where}: unknown day '{day}' (mon … sun, hol)"); break;
                }
            }

            if (days.Count == 0 && !holidays)
            {
                errors.Add($"{where}: a weekly slot needs days");
            }

            if (ParseTimeRange(slot.Time, where, errors) is { } range)
            {
                weekly.Add(new WeeklySlot(days, holidays, range));
            }
        }

        var monthly = new List<MonthlySlot>();
        foreach (var slot in dto.Monthly ?? [])
        {
            if (slot.Day is not (>= 1 and <= 31))
            {
                errors.Add($"{where}: monthly day '{slot.Day}' must be 1 to 31");
            }
            else if (ParseTimeRange(slot.Time, where, errors) is { } range)
            {
                monthly.Add(new MonthlySlot(slot.Day.Value, range));
            }
        }

        var windows = new List<DatedWindow>();
        foreach (var window in dto.Windows ?? [])
        {
            var from = ParseDateTime(window.From, where, errors);
            var to = ParseDateTime(window.To, where, errors);
            if (from is not null && to is not null)
            {
                if (to <= from)
                {
                    errors.Add($"{where}: window {window.From} to {window.To} ends before it starts");
                }
                else
                {
                    windows.Add(new DatedWindow(from.Value, to.Value));
                }
            }
        }

        var closures = new List<YearlyClosure>();
        foreach (var text in dto.ClosedYearly ?? [])
        {
            if (ParseClosure(text) is { } closure)
            {
                closures.Add(closure);
            }
            else
            {
                errors.Add($"{where}: closed_yearly '{text}' must look like 12-29/01-03");
            }
        }

        HolidayRule holidayRule = HolidayRule.AsWeekday;
        if (dto.Holidays is not null || dto.Weekly is { Count: > 0 })
        {
            switch (dto.Holidays?.Trim())
            {
                case "as_weekday": holidayRule = HolidayRule.AsWeekday; break;
                case "closed": holidayRule = HolidayRule.Closed; break;
                case "own": holidayRule = HolidayRule.OwnHours; break;
                case "unknown": holidayRule = HolidayRule.Unknown; break;
                default:
                    errors.Add($"{where}: weekly hours need holidays: as_weekday, closed, own or unknown (got '{dto.Holidays}')");
                    break;
            }
        }

        if (holidayRule == HolidayRule.OwnHours && !weekly.Any(w => w.OnHolidays))
        {
            errors.Add($"{where}: holidays: own needs a weekly slot with 'hol' in its days");
        }

        if (holidayRule != HolidayRule.OwnHours && weekly.Any(w => w.OnHolidays))
        {
            errors.Add($"{where}: a slot lists 'hol' but holidays is not 'own'");
        }

        UnknownHoursReason? reason = null;
        switch (kind)
        {
            case HoursKind.Always:
                if (weekly.Count + monthly.Count + windows.Count + closures.Count > 0)
                {
                    errors.Add($"{where}: hours kind always takes no slots, windows or closures");
                }

                break;
            case HoursKind.Schedule:
                if ((dto.Weekly?.Count ?? 0) + (dto.Monthly?.Count ?? 0) == 0)
                {
                    errors.Add($"{where}: a schedule needs weekly or monthly slots");
                }

                CheckOverlaps(weekly, where, errors);
                break;
            case HoursKind.WindowsOnly:
                if (weekly.Count + monthly.Count > 0)
                {
                    errors.Add($"{where}: windows_only hours take no weekly or monthly slots");
                }

                if ((dto.Windows?.Count ?? 0) == 0)
                {
                    errors.Add($"{where}: windows_only hours need at least one dated window");
                }

                break;
            case HoursKind.Unknown:
                if (weekly.Count + monthly.Count + windows.Count > 0)
                {
                    errors.Add($"{where}: unknown hours take no slots or windows (closed_yearly is allowed)");
                }

                reason = dto.Reason?.Trim() switch
                {
                    "dated" => UnknownHoursReason.Dated,
                    "varies_by_region" => UnknownHoursReason.VariesByRegion,
                    "not_verified" => UnknownHoursReason.NotVerified,
                    _ => null,
                };
                if (reason is null)
                {
                    errors.Add($"{where}: unknown hours need reason: dated, varies_by_region or not_verified");
                }

                break;
        }

        CheckWindowOverlaps(windows, where, errors);

        if (errors.Count > before)
        {
            return null;
        }

        return new ServiceHours
        {
            Kind = kind.Value,
            Weekly = weekly,
            Holidays = holidayRule,
            Monthly = monthly,
            Windows = windows,
            Closures = closures,
            UnknownReason = reason,
            NoteJa = NullIfBlank(dto.NoteJa),
        };
    }

    private static void CheckOverlaps(List<WeeklySlot> weekly, string where, List<string> errors)
    {
        const int week = 7 * 1440;
        // Weekday slots and holiday slots are separate timetables; check each for overlaps.
        var spans = weekly
            .SelectMany(s => s.Days.Select(d => (Start: (int)d * 1440 + s.Time.OpenMinute, s.Time.DurationMinutes, Slot: s)))
            .ToList();
        for (var i = 0; i < spans.Count; i++)
        {
            for (var j = i + 1; j < spans.Count; j++)
            {
                foreach (var shift in new[] { -week, 0, week })
                {
                    var aStart = spans[i].Start;
                    var bStart = spans[j].Start + shift;
                    if (aStart < bStart + spans[j].DurationMinutes && bStart < aStart + spans[i].DurationMinutes)
                    {
                        errors.Add($"{where}: overlapping hours {spans[i].Slot.Time} and {spans[j].Slot.Time} on {DayName(spans[i].Start / 1440)}/{DayName(spans[j].Start / 1440)}");
                        return;
                    }
                }
            }
        }

        var holidaySlots = weekly.Where(s => s.OnHolidays).ToList();
        for (var i = 0; i < holidaySlots.Count; i++)
        {
            for (var j = i + 1; j < holidaySlots.Count; j++)
            {
                var a = holidaySlots[i].Time;
                var b = holidaySlots[j].Time;
                if (a.OpenMinute < b.OpenMinute + b.DurationMinutes && b.OpenMinute < a.OpenMinute + a.DurationMinutes)
                {
                    errors.Add($"{where}: overlapping holiday hours {a} and {b}");
                    return;
                }
            }
        }
    }

    private static void CheckWindowOverlaps(List<DatedWindow> windows, string where, List<string> errors)
    {
        var sorted = windows.OrderBy(w => w.Start).ToList();
        for (var i = 0; i + 1 < sorted.Count; i++)
        {
            if (sorted[i + 1].Start < sorted[i].End)
            {
                errors.Add($"{where}: overlapping windows starting {sorted[i].Start:yyyy-MM-dd HH:mm} and {sorted[i + 1].Start:yyyy-MM-dd HH:mm}");
                return;
            }
        }
    }

    private static string DayName(int day) => ((DayOfWeek)day).ToString()[..3].ToLowerInvariant();

    /// <summary>"16:00-21:00"; "22:00-02:00" crosses midnight; "08:00-08:00" is 24 hours.</summary>
    internal static TimeRange? ParseTimeRange(string? text, string where, List<string> errors)
    {
        var parts = text?.Split('-');
        if (parts is not { Length: 2 } || ParseClock(parts[0]) is not { } open || ParseClock(parts[1]) is not { } close
            || open == 1440)
        {
            errors.Add($"{where}: time '{text}' must look like 09:00-17:00 (24-hour clock, JST)");
            return null;
        }

        var duration = close > open ? close - open : close + 1440 - open;
        return new TimeRange(open, duration);
    }

    private static int? ParseClock(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length != 2 || parts[0].Length != 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || minute > 59 || hour > 24 || (hour == 24 && minute != 0))
        {
            return null;
        }

        return hour * 60 + minute;
    }

    private static DateOnly? ParseDate(string? text, string field, List<string> errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add($"missing {field} date (YYYY-MM-DD)");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{field} date '{text}' must be YYYY-MM-DD");
        return null;
    }

    private static DateTime? ParseDateTime(string? text, string where, List<string> errors)
    {
        if (text is not null
            && DateTime.TryParseExact(text.Trim(), DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        errors.Add($"{where}: window time '{text}' must be YYYY-MM-DDTHH:MM (JST)");
        return null;
    }

    private static YearlyClosure? ParseClosure(string? text)
    {
        var parts = text?.Split('/');
        if (parts is not { Length: 2 } || ParseMonthDay(parts[0]) is not { } from || ParseMonthDay(parts[1]) is not { } to)
        {
            return null;
        }

        return new YearlyClosure(from.Month, from.Day, to.Month, to.Day);
    }

    private static (int Month, int Day)? ParseMonthDay(string text) =>
        DateOnly.TryParseExact("2024-" + text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date.Month, date.Day)
            : null;

    private static bool IsSlug(string id) =>
        id.Length <= 64 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !id.StartsWith('-') && !id.EndsWith('-') && !id.Contains("--", StringComparison.Ordinal);

    private static bool IsHandle(string handle)
    {
        var body = handle.StartsWith('@') ? handle[1..] : handle;
        return body.Length > 0 && body.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
