using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Support;

/// <summary>What the person told us, for choosing services.</summary>
public sealed record RouteQuery
{
    /// <summary>Chosen or detected categories, most important first. Empty: any service.</summary>
    public IReadOnlyList<SupportCategory> Categories { get; init; } = [];

    public AgeBand? AgeBand { get; init; }

    /// <summary>Exact age when known; takes precedence over <see cref="AgeBand"/>.</summary>
    public int? Age { get; init; }

    /// <summary>JIS prefecture code ("01" to "47") when the person gave one.</summary>
    public string? PrefectureCode { get; init; }

    public TargetSex? Sex { get; init; }

    public ChannelKind? PreferredChannel { get; init; }

    public RiskLevel RiskLevel { get; init; } = RiskLevel.None;

    /// <summary>How many services to return (the dialog shows one to three). 0 returns all.</summary>
    public int MaxResults { get; init; } = 3;

    /// <summary>The person's language (ISO 639-1): channels kept for other languages are not chosen.</summary>
    public string Language { get; init; } = "ja";
}

/// <summary>Why a service was chosen; the dialog turns these into Japanese text.</summary>
[Flags]
public enum RouteReasons
{
    None = 0,
    CategoryMatch = 1,
    PrimaryCategory = 2,
    AgeFit = 4,
    LocalRegion = 8,
    PreferredChannel = 16,
    OpenNow = 32,
    AroundTheClock = 64,
    HoursUnknown = 128,
    OpensLater = 256,
    OnlineResource = 512,

    /// <summary>Added because the risk is high or critical and a 24-hour contact must be in the list.</summary>
    CrisisGuarantee = 1024,
}

/// <summary>A service chosen for the person, with the channel to show and its opening status now.</summary>
public sealed record RoutedService(
    SupportService Service,
    ServiceChannel Channel,
    OpeningStatus Status,
    RouteReasons Reasons,
    IReadOnlyList<SupportCategory> MatchedCategories)
{
    /// <summary>A short English explanation for logs and tests (no personal data).</summary>
    public string Reason => $"{Service.Id} via {Channel.Kind}: {Reasons}";
}

/// <summary>
/// Chooses and ranks services for a person now. Order: services reachable live right now first,
/// then live services whose hours are unknown (check the source), then web resources, then closed
/// services by when they open; inside each group by fit (categories, age and region, preferred
/// channel, status). For high and critical risk the list always contains a service that is open
/// around the clock right now, put first if it was not already in the list.
/// </summary>
public sealed class SupportRouter(SupportDirectory directory)
{
    private enum Tier
    {
        OpenNow = 0,
        HoursUnknown = 1,
        Online = 2,
        ClosedOpensLater = 3,
        Unavailable = 4,
    }

    /// <summary>
    /// The services a message names (「チャイルドラインってまだやってる？」), each with the channel to show and its status now,
    /// for a question about that service's hours. A name counts when the message holds the service's Japanese name up to
    /// its first bracket (チャイルドライン, いのちの電話, よりそいホットライン), four characters at least, compared in
    /// <paramref name="normalize"/>'s form. A regional service named by the person is answered wherever they live (they
    /// asked about it); where services of several regions share the named words, those of the person's prefecture win.
    /// </summary>
    public IReadOnlyList<RoutedService> Named(string text, Func<string, string> normalize, RouteQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(normalize);
        ArgumentNullException.ThrowIfNull(query);
        var message = normalize(text ?? string.Empty);
        if (message.Length == 0)
        {
            return [];
        }

        var named = new List<(RoutedService Routed, string Key, string FullName)>();
        foreach (var service in directory.Services)
        {
            var name = service.Name.Ja;
            var cut = name.IndexOfAny(['（', '(', '「']);
            var key = normalize(cut > 0 ? name[..cut] : name);
            if (service.IsEmergency || !((key.Length >= 4 && message.Contains(key, StringComparison.Ordinal)) || NamesShortCode(service, text ?? string.Empty)))
            {
                continue;
            }

            var (channel, status, tier) = ChooseChannel(service, query, now);
            if (channel is not null && tier != Tier.Unavailable)
            {
                named.Add((new RoutedService(service, channel, status, RouteReasons.None, []), key, normalize(name)));
            }
        }

        // 北海道いのちの電話 named: the national いのちの電話 inside its name is not what was asked.
        var asked = named.Where(r => !named.Exists(o => o.Routed != r.Routed && o.FullName.Contains(r.Key, StringComparison.Ordinal)))
            .Select(r => r.Routed).ToList();
        var here = asked.Where(r => RegionFits(r.Service, query.PrefectureCode)).ToList();
        return asked.Exists(r => r.Service.Region.Scope != RegionScope.National) && here.Count > 0 ? here : asked;
    }

    /// <summary>
    /// Whether <paramref name="text"/> names the service by its short dial (#8103って子どもでもかけていい？, 189って何？): a
    /// #-code or a three-digit number of its phone channels, not inside a longer number (0120-189-783).
    /// </summary>
    private static bool NamesShortCode(SupportService service, string text)
    {
        foreach (var channel in service.Channels)
        {
            if (channel.Number is not { } number || !(number.StartsWith('#') || number.Length == 3))
            {
                continue;
            }

            var digits = number.TrimStart('#');
            for (var at = text.IndexOf(digits, StringComparison.Ordinal); at >= 0; at = text.IndexOf(digits, at + 1, StringComparison.Ordinal))
            {
                var end = at + digits.Length;
                var before = at > 0 ? text[at - 1] : ' ';
                var after = end < text.Length ? text[end] : ' ';
                var hashed = before is '#' or '＃';
                if ((number.StartsWith('#') ? hashed : !hashed) && !IsNumberPart(before) && !IsNumberPart(after))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsNumberPart(char c) => char.IsAsciiDigit(c) || c is '-' or '－' || (c >= '０' && c <= '９');

    public IReadOnlyList<RoutedService> Route(RouteQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var crisis = query.RiskLevel >= RiskLevel.High;
        var otherPerson = query.Categories.Contains(SupportCategory.OtherPerson);
        var candidates = new List<(RoutedService Routed, Tier Tier, int Score)>();

        foreach (var service in directory.Services)
        {
            if (service.IsEmergency || service.Region.PartialCoverage
                || !RegionFits(service, query.PrefectureCode)
                || !AgeFits(service, query.Age, query.AgeBand, otherPerson)
                || (query.Sex is { } sex && service.Target.Sex != TargetSex.Any && service.Target.Sex != sex))
            {
                continue;
            }

            var matched = query.Categories.Where(service.Helps).ToList();
            if (query.Categories.Count > 0 && matched.Count == 0)
            {
                continue;
            }

            var (channel, status, tier) = ChooseChannel(service, query, now);
            if (channel is null || tier == Tier.Unavailable)
            {
                continue;
            }

            var reasons = matched.Count > 0 ? RouteReasons.CategoryMatch : RouteReasons.None;
            var score = 0;
            if (matched.Count > 0 && matched[0] == query.Categories[0])
            {
                score += 100;
                reasons |= RouteReasons.PrimaryCategory;
            }

            score += 30 * matched.Count(c => c != query.Categories[0]);
            // A specialist (few categories) fits better than a generalist for the same match.
            score += Math.Max(0, 15 - service.Categories.Count);
            score += service.Status switch
            {
                ServiceStatus.Official => 20,
                ServiceStatus.Secondary or ServiceStatus.WindowsOnly => 10,
                _ => 0,
            };

            if (service.Region.Scope != RegionScope.National)
            {
                score += service.Region.Scope == RegionScope.Prefecture ? 25 : 10;
                reasons |= RouteReasons.LocalRegion;
            }

            if (service.Target.IsSpecific && (query.Age is not null || query.AgeBand is not null))
            {
                score += 15;
                reasons |= RouteReasons.AgeFit;
            }

            if (query.PreferredChannel is { } preferred && channel.Kind == preferred)
            {
                score += 40;
                reasons |= RouteReasons.PreferredChannel;
            }

            if (channel.Cost == CostKind.Free)
            {
                score += 5;
            }

            if (crisis && status.IsOpen && status.Is24Hours && channel.IsRealTime)
            {
                score += 50;
            }

            reasons |= tier switch
            {
                Tier.OpenNow => RouteReasons.OpenNow | (status.Is24Hours ? RouteReasons.AroundTheClock : RouteReasons.None),
                Tier.HoursUnknown => RouteReasons.HoursUnknown,
                Tier.Online => RouteReasons.OnlineResource,
                _ => RouteReasons.OpensLater,
            };

            candidates.Add((new RoutedService(service, channel, status, reasons, matched), tier, score));
        }

        var ranked = candidates
            .OrderBy(c => c.Tier)
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.Routed.Status.OpensAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.Routed.Service.Id, StringComparer.Ordinal)
            .Select(c => c.Routed)
            .ToList();

        if (query.MaxResults > 0 && ranked.Count > query.MaxResults)
        {
            ranked = ranked.Take(query.MaxResults).ToList();
        }

        if (crisis && !ranked.Any(IsAroundTheClockNow))
        {
            var contact = directory.AroundTheClockCrisisContacts(now, query.PrefectureCode, query.Age, query.AgeBand).FirstOrDefault()
                ?? directory.AroundTheClockCrisisContacts(now).FirstOrDefault();
            if (contact is not null)
            {
                ranked.RemoveAll(r => r.Service.Id == contact.Service.Id);
                ranked.Insert(0, contact with { Reasons = contact.Reasons | RouteReasons.CrisisGuarantee });
                if (query.MaxResults > 0 && ranked.Count > query.MaxResults)
                {
                    ranked.RemoveAt(ranked.Count - 1);
                }
            }
        }

        return ranked;
    }

    private static bool IsAroundTheClockNow(RoutedService routed) =>
        routed.Channel.IsRealTime && routed.Status is { IsOpen: true, Is24Hours: true };

    /// <summary>
    /// The channel to show: the preferred kind when it is open or its hours are unknown; otherwise
    /// a live channel open now (free numbers before paid ones, Conflict 25 of the reference), then
    /// one with a known next opening, then one with unknown hours, then a web page or mail form.
    /// </summary>
    private static (ServiceChannel? Channel, OpeningStatus Status, Tier Tier) ChooseChannel(SupportService service, RouteQuery query, DateTimeOffset now)
    {
        var options = service.Channels
            .Where(c => c.AvailableIn(query.PrefectureCode) && c.Speaks(query.Language))
            .Select((c, index) =>
            {
                var status = c.StatusAt(now);
                return (Channel: c, Status: status, Tier: TierOf(c, status), Index: index);
            })
            .ToList();
        if (options.Count == 0)
        {
            return (null, OpeningStatus.Unknown, Tier.Unavailable);
        }

        var best = options
            .OrderBy(o => query.PreferredChannel == o.Channel.Kind && o.Tier <= Tier.HoursUnknown ? 0 : 1)
            .ThenBy(o => ChannelRank(o.Tier))
            .ThenBy(o => o.Channel.PrefectureCodes.Count > 0 ? 0 : 1)
            .ThenBy(o => o.Channel.Cost == CostKind.Free ? 0 : 1)
            .ThenBy(o => o.Status.OpensAt ?? DateTimeOffset.MaxValue)
            .ThenBy(o => o.Index)
            .First();
        return (best.Channel, best.Status, best.Tier);
    }

    /// <summary>Inside one service a line that opens at a known time beats one with unknown hours.</summary>
    private static int ChannelRank(Tier tier) => tier switch
    {
        Tier.OpenNow => 0,
        Tier.ClosedOpensLater => 1,
        Tier.HoursUnknown => 2,
        Tier.Online => 3,
        _ => 4,
    };

    private static Tier TierOf(ServiceChannel channel, OpeningStatus status)
    {
        if (!status.HoursKnown)
        {
            return Tier.HoursUnknown;
        }

        if (!channel.IsRealTime && channel.Hours.Kind == HoursKind.NotApplicable)
        {
            return Tier.Online;
        }

        if (status.IsOpen)
        {
            return Tier.OpenNow;
        }

        return status.OpensAt is null ? Tier.Unavailable : Tier.ClosedOpensLater;
    }

    internal static bool RegionFits(SupportService service, string? prefectureCode) =>
        service.Region.Scope == RegionScope.National
        || (prefectureCode is not null && service.Region.PrefectureCode == prefectureCode);

    /// <summary>
    /// Unknown age fits everything. Services "for children" fit up to high school, and adults
    /// only when they ask about someone else.
    /// </summary>
    internal static bool AgeFits(SupportService service, int? age, AgeBand? band, bool otherPerson)
    {
        var target = service.Target;
        if (target.Guardians && !otherPerson)
        {
            // A line for parents about a sick child (#8000) is offered only to someone asking about another person.
            return false;
        }

        if (age is { } exact)
        {
            if ((target.MinAge is { } min && exact < min) || (target.MaxAge is { } max && exact > max))
            {
                return false;
            }

            // Services for children (24時間子供SOSダイヤル, …) are shown to people under 18 only.
            return !target.Children || exact < 18 || otherPerson;
        }

        if (band is { } b)
        {
            // Only the band is known: a service fits when its ages cover the middle of the band, so a line for
            // children up to 18 is not shown to a university student (band 18–29) just because the band starts at 18.
            var (low, high) = b.Range();
            var middle = (low + high) / 2.0;
            if ((target.MinAge is { } min && middle < min) || (target.MaxAge is { } max && middle > max))
            {
                return false;
            }

            return !target.Children || b.IsChild() || otherPerson;
        }

        return true;
    }
}
