using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// One to three services for what the person wrote about, from the directory's router: open now first,
/// fitting the age band and prefecture the conversation already knows, text ways first when the person
/// cannot phone. Used by the listening flow and by find-support alike.
/// </summary>
public sealed class SupportOffer(BotTexts texts, SupportRouter router, SupportDirectory directory, ServiceCards cards, TimeProvider clock)
{
    /// <summary>Topics whose services are offered as soon as the topic is clear (no question first).</summary>
    public static bool IsSerious(SupportCategory category) => category is SupportCategory.Suicidal or SupportCategory.SelfHarm
        or SupportCategory.SexualViolence or SupportCategory.Abuse or SupportCategory.Dv or SupportCategory.OnlineHarm
        or SupportCategory.Housing or SupportCategory.Poverty;

    /// <summary>Harm done to the person (not a need such as rent or money): its specialists fit whoever lists it.</summary>
    private static bool IsHarm(SupportCategory category) => IsSerious(category) && category is not (SupportCategory.Housing or SupportCategory.Poverty);

    /// <summary>
    /// Whether, with no age said, nothing told points to a child: work, rent, money, health or loneliness alone (上司に怒鳴られる,
    /// 家賃が払えない, 職場でバラされた) is as often an adult's; school, home, bullying (not at work) and harms done to the
    /// person keep one children's line among the others.
    /// </summary>
    private static bool AdultsMatter(IReadOnlyList<SupportCategory> categories) =>
        !categories.Any(c => c is SupportCategory.School or SupportCategory.Abuse or SupportCategory.Family or SupportCategory.SexualViolence
            or SupportCategory.OnlineHarm or SupportCategory.SelfHarm or SupportCategory.Suicidal or SupportCategory.Dv)
        && (!categories.Contains(SupportCategory.Bullying) || categories.Contains(SupportCategory.Work));

    /// <summary>Whether the directory has a service of that prefecture (its own or one of its municipalities).</summary>
    public bool HasLocal(string prefectureCode) => directory.Services.Any(s => s.Region.PrefectureCode == prefectureCode);

    /// <summary>Routes and sends the services message; returns the services shown (none: nothing was sent).</summary>
    public async Task<IReadOnlyList<RoutedService>> SendAsync(ITurnContext turnContext, IReadOnlyList<SupportCategory> categories, bool forFriend, CancellationToken cancellationToken, string? introKey = null)
    {
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        var wanted = forFriend ? [.. categories, SupportCategory.OtherPerson] : categories.ToList();
        if (!forFriend)
        {
            // Partner violence read as both dv and abuse: the partner-violence services, not the child line.
            Acknowledgements.LeaveOutChildAbuseForPartnerViolence(wanted, profile);
        }

        var query = new RouteQuery
        {
            Categories = wanted,
            AgeBand = forFriend ? null : profile.AgeBand,
            Age = forFriend ? null : profile.Age,
            PrefectureCode = forFriend ? null : profile.PrefectureCode,
            PreferredChannel = profile.PrefersText ? ChannelKind.Chat : null,
            RiskLevel = profile.Risk.Level,
            MaxResults = 3,
            Language = english ? "en" : "ja",
        };
        var now = clock.GetUtcNow();
        var services = Route(query, profile.PrefersText, now, MadeFor(wanted, profile));
        if (Acknowledgements.IsKnownChild(profile) && (wanted.Contains(SupportCategory.Housing) || wanted.Contains(SupportCategory.Poverty)))
        {
            // A child with nowhere to stay or no money: not the adults' self-reliance office and its rent benefit, but the
            // child guidance centres' line (189 helps with abuse and family, for the child too; §17) and the children's lines.
            var forChildren = services.Where(s => s.Service.Id != SelfReliance).ToList();
            if (!forChildren.Exists(s => s.Service.Id == Child189) && Route(query with { Categories = [SupportCategory.Abuse] }, profile.PrefersText, now)
                    .FirstOrDefault(s => s.Service.Id == Child189) is { } line189)
            {
                forChildren.Insert(0, line189);
            }

            services = forChildren;
        }

        if (profile.DarkJob && !forFriend)
        {
            // A criminal side job told (荷物受け取るだけで3万): the police consultation line, not the rent office and its benefit (p22).
            services.RemoveAll(s => s.Service.Id == SelfReliance);
            if (!services.Exists(s => s.Service.Id == Police9110) && directory.Find(Police9110) is { IsActive: true } police
                && police.Channels.FirstOrDefault(c => c.Kind == ChannelKind.Phone) is { } line)
            {
                services.Insert(0, new RoutedService(police, line, line.StatusAt(now), RouteReasons.CategoryMatch, police.Categories));
            }
        }

        if (profile.AwayFromHome)
        {
            // Put out or away from home tonight: the rent office, closed at night, is for another day (p22: a 19-year-old
            // walking in the snow at 03:20 was shown the rent benefit first).
            services.RemoveAll(s => s.Service.Id == SelfReliance && !s.Status.IsOpen);
        }

        var fallback = false;
        if (services.Count == 0)
        {
            services = Route(query with { Categories = [] }, profile.PrefersText, now);
            fallback = true;
        }

        services = WithAroundTheClockLine(services, query, now);
        if (services.Count == 0)
        {
            return services;
        }

        // The intro says 「いま受付中のところを先に出しています」: open now first, the rest in their order (a 24-hour chat added
        // after a children's chat whose days are to be checked went last, p22).
        // The place made for exactly this (サポステ for a job search) stays first even with hours to check, and the intro says so.
        var madeFor = services[0].Service.Id == MadeFor(wanted, profile) && !services[0].Status.IsOpen ? services[0] : null;
        var rest = madeFor is null ? services : services.Skip(1).ToList();
        services = [.. madeFor is null ? [] : new[] { madeFor }, .. rest.Where(s => s.Status.IsOpen), .. rest.Where(s => !s.Status.IsOpen)];

        var key = introKey ?? (forFriend ? "offer.friend"
            : fallback ? (profile.PrefersText ? "offer.none.text" : "offer.none")
            : (profile.PrefersText ? "offer.intro.text" : "offer.intro") + (madeFor is null ? string.Empty : ".made_for"));
        var intro = texts.Get(key, english);
        if (!forFriend && services.Any(s => s.Service.Id == SelfReliance) && (categories.Contains(SupportCategory.Housing) || categories.Contains(SupportCategory.Poverty)))
        {
            // The rent benefit is applied for at the self-reliance office (docs/sources/support-services-japan.md §26).
            intro += "\n" + texts.Get("offer.housing_benefit", english);
        }

        await turnContext.SendActivityAsync(cards.Message(intro, services, english), cancellationToken).ConfigureAwait(false);
        if (profile.PrefersText && !forFriend && wanted.Contains(SupportCategory.Abuse) && !Acknowledgements.IsKnownAdult(profile)
            && !services.Exists(s => s.Service.Id == Child189))
        {
            // A child who can only write, with abuse or neglect told (母が4日帰ってこない, Wi-Fiだけ): the text services
            // above, and 189 named too — a phone line, but the one made to protect children (p22: she left for a public
            // phone with no number).
            await turnContext.SendActivityAsync(texts.Get("offer.189.text", english), cancellationToken).ConfigureAwait(false);
        }
        foreach (var category in categories)
        {
            if (!profile.Offered.Contains(category))
            {
                profile.Offered.Add(category);
            }
        }

        return services;
    }

    /// <summary>Sends a given list of services under an intro line.</summary>
    public Task SendListAsync(ITurnContext turnContext, string intro, IReadOnlyList<RoutedService> services, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(cards.Message(intro, services, ConsultationProfile.IsEnglish(turnContext)), cancellationToken);

    /// <summary>
    /// When the message names services (「チャイルドラインってまだやってる時間？」): each named one with its status now, as
    /// the usual list and cards (open now and until when, or when it opens, or that its hours are to be checked).
    /// Returns false when no service is named.
    /// </summary>
    public Task<bool> SendNamedAsync(ITurnContext turnContext, string? text, CancellationToken cancellationToken, string? intro = null) =>
        SendNamedAsync(turnContext, Named(turnContext, text), cancellationToken, intro);

    /// <summary>Sends the status of services already found by <see cref="Named"/>; false (nothing sent) when there are none.</summary>
    public async Task<bool> SendNamedAsync(ITurnContext turnContext, IReadOnlyList<RoutedService> named, CancellationToken cancellationToken, string? intro = null)
    {
        ArgumentNullException.ThrowIfNull(named);
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        if (named.Count == 0)
        {
            return false;
        }

        // Remembered, so 「今日何時から？」 right after 「チャイルドラインって親にバレる？」 is about ChildLine.
        profile.NamedService = named[0].Service.Name.Ja;
        profile.NamedServiceAt = profile.Messages;
        await SendListAsync(turnContext, intro ?? texts.Get("intent.hours.named", english), named, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The directory services <paramref name="text"/> names (at most three), each with its status now.</summary>
    public IReadOnlyList<RoutedService> Named(ITurnContext turnContext, string? text)
    {
        var profile = ConsultationProfile.For(turnContext);
        var query = new RouteQuery { PrefectureCode = profile.PrefectureCode, Language = profile.English ? "en" : "ja" };
        return router.Named(text ?? string.Empty, TextNormalizer.Normalize, query, clock.GetUtcNow()).Take(3).ToList();
    }

    /// <summary>The around-the-clock contacts open now (for the farewell and "when are you open").</summary>
    public IReadOnlyList<RoutedService> AroundTheClock(ITurnContext turnContext, int count)
    {
        var profile = ConsultationProfile.For(turnContext);
        return directory.AroundTheClockCrisisContacts(clock.GetUtcNow(), profile.PrefectureCode, profile.Age, profile.AgeBand).Take(count).ToList();
    }

    /// <summary>Topics with their own specialist services: a specialist of one of them is not offered for another topic.</summary>
    private static readonly SupportCategory[] Specialisms =
    [
        SupportCategory.SexualViolence, SupportCategory.Dv, SupportCategory.Abuse, SupportCategory.Work,
        SupportCategory.Poverty, SupportCategory.Housing,
    ];

    /// <summary>The self-reliance support office, where the rent benefit is applied for (§26).</summary>
    private const string SelfReliance = "jiritsu-soudan-shien";

    /// <summary>The police consultation line (§4).</summary>
    private const string Police9110 = "police-consultation-9110";

    /// <summary>The child guidance centres' 24-hour line (§17).</summary>
    private const string Child189 = "jido-sodanjo-189";

    /// <summary>The place that helps people out of work towards a job (§28).</summary>
    private const string TowardsWork = "saposute";

    /// <summary>
    /// The service made for exactly what the person told, which ranks first when it fits at all: for money or a
    /// place to live, the self-reliance support office (where the rent benefit is applied for; §26 of
    /// docs/sources/support-services-japan.md), not a line that only shares the category (the consumer hotline);
    /// for a job search or a lost job, the youth support station (§28).
    /// </summary>
    private static string? MadeFor(IReadOnlyList<SupportCategory> categories, ConsultationProfile profile) => categories switch
    {
        // Not for a child put out of the house at night (a rent benefit is an adult's): the children's lines and 189 fit.
        // Nor for someone put out or away from home tonight (父親に出てけって, walking in the snow): tonight comes first (p22).
        [SupportCategory.Poverty or SupportCategory.Housing, ..] when !Acknowledgements.IsKnownChild(profile) && !profile.AwayFromHome && !profile.DarkJob => SelfReliance,
        _ when profile.SeeksWork && categories.Contains(SupportCategory.Work) => TowardsWork,
        _ => null,
    };

    /// <param name="first">A service made for what the person told (a job search: サポステ) ranks first when it fits at all.</param>
    private List<RoutedService> Route(RouteQuery query, bool textFirst, DateTimeOffset now, string? first = null)
    {
        if (query.Categories is [SupportCategory.Health])
        {
            // Feeling unwell is most often how someone feels: services that listen rank before medical advice lines.
            query = query with { Categories = [SupportCategory.Health, SupportCategory.Loneliness] };
        }

        var services = router.Route(query with { MaxResults = 0 }, now)
            .Where(s => s.Service.Categories.Count == 0 || !Specialisms.Contains(s.Service.Categories[0]) || query.Categories.Contains(s.Service.Categories[0])
                // A specialist that also lists the serious harm the person told (#9110 and #8103 for threats online) fits it.
                // For rent or money, not a harm's specialist: a partner-violence line that also helps with a place to stay is not a rent office.
                || (query.Categories.Count > 0 && IsSerious(query.Categories[0]) && s.Service.Helps(query.Categories[0])
                    && (IsHarm(query.Categories[0]) || !IsHarm(s.Service.Categories[0]))))
            .ToList();
        if (query.RiskLevel < RiskLevel.Medium && !query.Categories.Any(c => c is SupportCategory.Suicidal or SupportCategory.SelfHarm))
        {
            // Exam stress or a quiet evening alone with nothing heavy told: lines that listen to anything, not a
            // suicide-prevention line (いのちの電話) first; it comes back as soon as anything heavy is told.
            var listening = services.Where(s => s.Service.Categories is not [SupportCategory.Suicidal, ..]).ToList();
            if (listening.Count > 0)
            {
                services = listening;
            }
        }

        if (textFirst)
        {
            // Cannot phone: only the services reachable by text (chat, LINE, SNS, web). When the topic has
            // none, nothing is returned here and the caller falls back to text services for any topic.
            services = services.Where(s => s.Channel.Kind != ChannelKind.Phone).ToList();
        }

        if (query.Age is null && query.AgeBand is null && !query.Categories.Contains(SupportCategory.OtherPerson))
        {
            // Age unknown: one line for children at most, so a 21-year-old who did not say their age is not
            // shown only lines that end at 18; the others are for every age.
            // Trouble at work, rent or money with nothing said of school or home is most often an adult's: none then.
            var child = AdultsMatter(query.Categories) && services.Exists(s => !ForTheYoungOnly(s.Service)) ? null : services.Find(s => ForTheYoungOnly(s.Service));
            services = services.Where(s => !ForTheYoungOnly(s.Service) || s == child).ToList();
        }

        if (first != TowardsWork)
        {
            // For people out of work only: never offered for trouble at a job the person has.
            services.RemoveAll(s => s.Service.Id == TowardsWork);
        }

        if (first is not null && services.FindIndex(s => s.Service.Id == first) is > 0 and var at)
        {
            var made = services[at];
            services.RemoveAt(at);
            services.Insert(0, made);
        }

        var chosen = services.Take(3).ToList();
        if (query.Categories.Count > 0 && chosen.Count == 3 && !chosen.Exists(s => IsSpecialistFor(s, query.Categories[0]))
            && services.Find(s => IsSpecialistFor(s, query.Categories[0])) is { } specialist)
        {
            // Open now comes first, but the place made for exactly this (even with hours to check) is never left out.
            chosen[2] = specialist;
        }

        return chosen;
    }

    /// <summary>Lines for children or teens only (子供SOSダイヤル, チャイルドライン to 18, Mex for teens).</summary>
    public static bool ForTheYoungOnly(SupportService service) => service.Target.Children || service.Target.MaxAge is <= 19;

    private static bool IsSpecialistFor(RoutedService routed, SupportCategory category) =>
        routed.Service.Categories.Count > 0 && routed.Service.Categories[0] == category;

    /// <summary>
    /// When none of the services is a live line open around the clock now, the last place goes to one
    /// that is (so a person reading this at night always has somewhere to turn), if the directory has one
    /// fitting the person's age and region.
    /// </summary>
    private List<RoutedService> WithAroundTheClockLine(List<RoutedService> services, RouteQuery query, DateTimeOffset now)
    {
        // A children's line counts only for someone known to be a child: with the age unknown, a 28-year-old carer is not left
        // with 24時間子供SOSダイヤル alone (p22).
        var childKnown = query.Age is < 18 || (query.Age is null && query.AgeBand is { } band && band.IsChild());
        if (services.Count == 0 || services.Any(s => s.Channel.IsRealTime && s.Status is { IsOpen: true, Is24Hours: true } && (childKnown || !ForTheYoungOnly(s.Service))))
        {
            return services;
        }

        var line = directory.AroundTheClockCrisisContacts(now, query.PrefectureCode, query.Age, query.AgeBand)
            .FirstOrDefault(s => services.TrueForAll(o => o.Service.Id != s.Service.Id)
                && (query.PreferredChannel is null || s.Channel.Kind != ChannelKind.Phone)
                && (query.Categories.Count == 0 || query.Categories.Any(s.Service.Helps) || s.Service.Helps(SupportCategory.Loneliness)));
        if (line is null)
        {
            return services;
        }

        if (services.Count >= 3)
        {
            services.RemoveAt(services.Count - 1);
        }

        services.Add(line);
        return services;
    }
}
