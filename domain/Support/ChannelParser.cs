using static ChatSupport.Domain.Support.DirectoryValues;

namespace ChatSupport.Domain.Support;

/// <summary>Reads one contact channel of a directory entry (phone, LINE, chat, SNS, web, mail, visit) and checks its number, handle or URL.</summary>
internal static class ChannelParser
{
    internal static ServiceChannel? Parse(ChannelDto dto, string where, ServiceStatus? status, List<string> errors)
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
            hours = HoursParser.Parse(dto.Hours, where, errors);
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

    private static bool IsHandle(string handle)
    {
        var body = handle.StartsWith('@') ? handle[1..] : handle;
        return body.Length > 0 && body.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
    }
}
