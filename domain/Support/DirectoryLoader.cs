using ChatSupport.Domain.Risk;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using static ChatSupport.Domain.Support.DirectoryValues;

namespace ChatSupport.Domain.Support;

/// <summary>
/// Reads and validates directory YAML files (format: docs/directory-local-template.yaml).
/// Every problem is reported with the file, the entry id and the reason. This class reads files and
/// service entries; a channel is read by <see cref="ChannelParser"/>, its hours by <see cref="HoursParser"/>.
/// </summary>
public static class DirectoryLoader
{
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
                var channel = ChannelParser.Parse(dto.Channels[c], $"channel {c + 1}", status, errors);
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

        return new TargetAudience(dto.MinAge, dto.MaxAge, sex ?? TargetSex.Any, dto.Children, NullIfBlank(dto.NoteJa), dto.Guardians);
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
}
