using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using static ChatSupport.Domain.Tests.Support.DirectoryTestData;

namespace ChatSupport.Domain.Tests.Support;

public class SupportRouterTests
{
    private static readonly SupportRouter Router = new(National);

    private static RouteQuery Query(params SupportCategory[] categories) => new() { Categories = categories, MaxResults = 0 };

    private static bool OpenAroundTheClock(RoutedService r) => r.Channel.IsRealTime && r.Status is { IsOpen: true, Is24Hours: true };

    [Fact]
    public void Bullying_AtThreeInTheMorning_PutsTheOpenChildrensSosDialFirst_ThenClosedOnesWithTheirOpening()
    {
        var result = Router.Route(Query(SupportCategory.Bullying) with { AgeBand = AgeBand.JuniorHighSchool }, Jst(2026, 11, 24, 3, 0));

        Assert.Equal("kodomo-sos-dial", result[0].Service.Id);
        Assert.True(result[0].Status.IsOpen);
        var childLine = result.Single(r => r.Service.Id == "childline");
        Assert.False(childLine.Status.IsOpen);
        Assert.Equal("0120-99-7777", childLine.Channel.Number);
        Assert.Equal(Jst(2026, 11, 24, 16, 0), childLine.Status.OpensAt);
        Assert.True(childLine.Reasons.HasFlag(RouteReasons.OpensLater));
    }

    [Fact]
    public void Someone_writing_in_Japanese_is_never_given_a_line_kept_for_other_languages_even_when_it_is_the_one_open()
    {
        // Weekday afternoon: the legal support centre's interpreter line is open (09:00-17:00), its support dial's hours
        // are not verified. A woman writing in Japanese about money and her husband gets the support dial.
        var afternoon = Jst(2026, 12, 8, 14, 0);

        var japanese = Router.Route(Query(SupportCategory.Dv, SupportCategory.Poverty), afternoon).Single(r => r.Service.Id == "houterasu");
        var english = Router.Route(Query(SupportCategory.Dv, SupportCategory.Poverty) with { Language = "en" }, afternoon).Single(r => r.Service.Id == "houterasu");

        Assert.Equal("0570-078374", japanese.Channel.Number);
        Assert.False(japanese.Status.HoursKnown);
        Assert.Contains("en", english.Channel.Languages);
        Assert.True(english.Status.IsOpen);
    }

    [Fact]
    public void A_line_for_people_up_to_18_is_offered_to_a_high_schooler_but_not_to_someone_only_known_as_18_to_29()
    {
        var evening = Jst(2026, 11, 24, 17, 0);

        var highSchool = Router.Route(Query(SupportCategory.Loneliness) with { AgeBand = AgeBand.HighSchool }, evening);
        var university = Router.Route(Query(SupportCategory.Loneliness) with { AgeBand = AgeBand.YoungAdult }, evening);
        var exactly18 = Router.Route(Query(SupportCategory.Loneliness) with { Age = 18 }, evening);

        Assert.Contains(highSchool, r => r.Service.Id == "childline");
        Assert.DoesNotContain(university, r => r.Service.Id == "childline");
        Assert.Contains(exactly18, r => r.Service.Id == "childline");
    }

    [Fact]
    public void OpenServices_ComeBeforeUnknownHours_OnlineResources_AndClosedOnes()
    {
        var result = Router.Route(Query(SupportCategory.Bullying, SupportCategory.School) with { Age = 14 }, Jst(2026, 11, 24, 17, 0));

        var tiers = result.Select(r => r.Status switch
        {
            { IsOpen: true } when r.Channel.IsRealTime => 0,
            { HoursKnown: false } => 1,
            { IsOpen: true } => 2,
            _ => 3,
        }).ToList();
        Assert.Equal(tiers.Order(), tiers);
        Assert.Contains(result, r => r.Service.Id == "childline" && r.Status.IsOpen);
        Assert.Contains(result, r => r.Service.Id == "kodomo-jinken-110" && r.Status.IsOpen);
        Assert.Contains(result, r => r.Service.Id == "mex" && r.Reasons.HasFlag(RouteReasons.OnlineResource));
    }

    [Fact]
    public void PrimaryCategory_OutranksAServiceMatchingOnlyALaterCategory()
    {
        var result = Router.Route(Query(SupportCategory.SexualViolence, SupportCategory.Loneliness) with { Age = 22 }, Jst(2026, 11, 24, 18, 0)).ToList();

        var sexualCrime = result.FindIndex(r => r.Service.Id == "seihanzai-8103");
        var listening = result.FindIndex(r => r.Service.Id == "inochi-no-denwa"); // open, but loneliness only
        Assert.True(sexualCrime >= 0 && listening >= 0);
        Assert.True(sexualCrime < listening);
        Assert.True(result[sexualCrime].Reasons.HasFlag(RouteReasons.PrimaryCategory));
    }

    [Theory]
    [InlineData(25, null)]
    [InlineData(null, AgeBand.Adult)]
    public void Adults_DoNotGetChildrensServices(int? age, AgeBand? band)
    {
        var result = Router.Route(Query(SupportCategory.Bullying, SupportCategory.Family, SupportCategory.Abuse) with { Age = age, AgeBand = band }, Jst(2026, 11, 24, 17, 0));

        Assert.DoesNotContain(result, r => r.Service.Id is "childline" or "kodomo-sos-dial" or "mex" or "oyako-soudan-line");
        Assert.Contains(result, r => r.Service.Id == "jido-sodanjo-189"); // no age limit: anyone may report abuse
    }

    [Fact]
    public void UniversityStudents_DoNotGetServicesForChildren()
    {
        var result = Router.Route(Query(SupportCategory.Bullying, SupportCategory.Family) with { AgeBand = AgeBand.YoungAdult }, Jst(2026, 11, 24, 17, 0));

        Assert.DoesNotContain(result, r => r.Service.Target.Children);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(25)]
    [InlineData(null)]
    public void ALineForParentsOfSickChildren_IsNotOfferedToAPersonAboutTheirOwnHealth(int? age)
    {
        var result = Router.Route(Query(SupportCategory.Health) with { Age = age }, Jst(2026, 11, 24, 20, 0));

        Assert.NotEmpty(result);
        Assert.DoesNotContain(result, r => r.Service.Id == "kodomo-iryou-8000");
    }

    [Fact]
    public void ALineForParentsOfSickChildren_IsOfferedToSomeoneAskingAboutAChild()
    {
        var result = Router.Route(Query(SupportCategory.OtherPerson, SupportCategory.Health) with { Age = 22 }, Jst(2026, 11, 24, 20, 0));

        Assert.Contains(result, r => r.Service.Id == "kodomo-iryou-8000");
    }

    [Fact]
    public void AnAdultAskingAboutAChild_GetsTheChildrensServices()
    {
        var result = Router.Route(Query(SupportCategory.OtherPerson, SupportCategory.Bullying) with { Age = 40 }, Jst(2026, 11, 24, 17, 0));

        Assert.Contains(result, r => r.Service.Id == "kodomo-sos-dial");
    }

    [Fact]
    public void NineteenYearOld_IsPastChildLinesAgeLimit()
    {
        var result = Router.Route(Query(SupportCategory.Loneliness) with { Age = 19 }, Jst(2026, 11, 24, 17, 0));

        Assert.DoesNotContain(result, r => r.Service.Id == "childline");
    }

    [Fact]
    public void PrefectureServices_AppearOnlyForThatPrefecture_AndRankFirst()
    {
        var hokkaido = Router.Route(Query(SupportCategory.Suicidal) with { PrefectureCode = "01" }, Jst(2026, 11, 24, 12, 0));
        var tokyo = Router.Route(Query(SupportCategory.Suicidal) with { PrefectureCode = "13" }, Jst(2026, 11, 24, 12, 0));
        var unknown = Router.Route(Query(SupportCategory.Suicidal), Jst(2026, 11, 24, 12, 0));

        Assert.Equal("hokkaido-inochi-no-denwa", hokkaido[0].Service.Id);
        Assert.True(hokkaido[0].Reasons.HasFlag(RouteReasons.LocalRegion));
        Assert.DoesNotContain(tokyo, r => r.Service.Id == "hokkaido-inochi-no-denwa");
        Assert.DoesNotContain(unknown, r => r.Service.Region.Scope != RegionScope.National);
    }

    [Fact]
    public void MunicipalService_IsOfferedInItsPrefecture()
    {
        var result = Router.Route(Query(SupportCategory.Loneliness) with { PrefectureCode = "06" }, Jst(2026, 11, 24, 12, 0));

        var chat = Assert.Single(result, r => r.Service.Id == "yamagata-tsunagari-yorisoi-chat");
        Assert.Equal("@733gquft", chat.Channel.Handle);
    }

    [Fact]
    public void Fukushima_GetsTheDisasterAreaLineOfYorisoi()
    {
        var fukushima = Router.Route(Query(SupportCategory.Poverty) with { PrefectureCode = "07" }, Jst(2026, 11, 24, 12, 0));
        var elsewhere = Router.Route(Query(SupportCategory.Poverty) with { PrefectureCode = "27" }, Jst(2026, 11, 24, 12, 0));

        Assert.Equal("0120-279-226", fukushima.Single(r => r.Service.Id == "yorisoi-hotline").Channel.Number);
        Assert.Equal("0120-279-338", elsewhere.Single(r => r.Service.Id == "yorisoi-hotline").Channel.Number);
    }

    [Fact]
    public void PreferredChannel_IsChosenInsideAService_AndLiftsItsRank()
    {
        var result = Router.Route(Query(SupportCategory.Dv) with { PreferredChannel = ChannelKind.Chat }, Jst(2026, 11, 24, 12, 0));

        var plus = result.Single(r => r.Service.Id == "dv-soudan-plus");
        Assert.Equal(ChannelKind.Chat, plus.Channel.Kind);
        Assert.False(plus.Status.HoursKnown); // chat hours are DATED in the reference
        Assert.True(plus.Reasons.HasFlag(RouteReasons.PreferredChannel));

        var phone = Router.Route(Query(SupportCategory.Dv), Jst(2026, 11, 24, 12, 0)).Single(r => r.Service.Id == "dv-soudan-plus");
        Assert.Equal("0120-279-889", phone.Channel.Number);
    }

    [Fact]
    public void FreeDial_IsShownInsteadOfThePaidNaviDial()
    {
        var evening = Router.Route(Query(SupportCategory.Suicidal) with { Age = 30 }, Jst(2026, 11, 24, 18, 0)).Single(r => r.Service.Id == "inochi-no-denwa");
        var noon = Router.Route(Query(SupportCategory.Suicidal) with { Age = 30 }, Jst(2026, 11, 24, 12, 0)).Single(r => r.Service.Id == "inochi-no-denwa");

        Assert.Equal("0120-783-556", evening.Channel.Number);
        Assert.True(evening.Status.IsOpen);
        Assert.Equal("0120-783-556", noon.Channel.Number); // closed, but opens at 16:00; the navi dial's hours are unknown
        Assert.Equal(Jst(2026, 11, 24, 16, 0), noon.Status.OpensAt);
    }

    [Fact]
    public void NeverOffered_EmergencyNumbers_ExpiredServices_PartialCoverage_WindowsOnlyOutsideWindows()
    {
        foreach (var category in SupportCategories.All)
        {
            var result = Router.Route(Query(category), Jst(2026, 11, 24, 12, 0));

            Assert.DoesNotContain(result, r => r.Service.IsEmergency);
            Assert.DoesNotContain(result, r => r.Service.Status == ServiceStatus.Expired);
            Assert.DoesNotContain(result, r => r.Service.Id == "kyukyu-anshin-7119");
            Assert.DoesNotContain(result, r => r.Service.Id == "kodoku-koritsu-9999");
        }
    }

    [Fact]
    public void WindowsOnlyService_IsOfferedInsideItsWindow()
    {
        var result = Router.Route(Query(SupportCategory.Loneliness), Jst(2024, 5, 4, 2, 0));

        var dial = Assert.Single(result, r => r.Service.Id == "kodoku-koritsu-9999");
        Assert.True(dial.Status.IsOpen);
    }

    [Fact]
    public void DatedService_IsOfferedWithUnknownHours()
    {
        var result = Router.Route(Query(SupportCategory.Work) with { Age = 24 }, Jst(2026, 11, 24, 19, 0));

        var hotline = Assert.Single(result, r => r.Service.Id == "roudou-jouken-hotline");
        Assert.False(hotline.Status.HoursKnown);
        Assert.True(hotline.Reasons.HasFlag(RouteReasons.HoursUnknown));
    }

    [Fact]
    public void MaxResults_LimitsTheList()
    {
        Assert.Equal(3, Router.Route(new RouteQuery { Categories = [SupportCategory.Family] }, Jst(2026, 11, 24, 12, 0)).Count);
        Assert.Single(Router.Route(new RouteQuery { Categories = [SupportCategory.Family], MaxResults = 1 }, Jst(2026, 11, 24, 12, 0)));
    }

    public static TheoryData<RiskLevel, SupportCategory, int?, string?> CrisisCases()
    {
        var data = new TheoryData<RiskLevel, SupportCategory, int?, string?>();
        foreach (var level in new[] { RiskLevel.High, RiskLevel.Critical })
        {
            foreach (var category in SupportCategories.All)
            {
                data.Add(level, category, null, null);
            }

            data.Add(level, SupportCategory.Work, 35, "13");
            data.Add(level, SupportCategory.Bullying, 13, "01");
            data.Add(level, SupportCategory.Health, 70, "47");
            data.Add(level, SupportCategory.School, 8, "07");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrisisCases))]
    public void HighAndCriticalRisk_AlwaysIncludeAServiceOpenAroundTheClockNow(RiskLevel level, SupportCategory category, int? age, string? prefecture)
    {
        // Every 45 minutes for two weeks over the year end (holidays, closures), plus a holiday week in May.
        var starts = new[] { Jst(2026, 12, 24), Jst(2027, 4, 28) };
        foreach (var start in starts)
        {
            for (var now = start; now < start.AddDays(14); now = now.AddMinutes(45))
            {
                foreach (var max in new[] { 1, 3 })
                {
                    var query = new RouteQuery { Categories = [category], Age = age, PrefectureCode = prefecture, RiskLevel = level, MaxResults = max };

                    var result = Router.Route(query, now);

                    Assert.True(result.Count <= max);
                    Assert.True(result.Any(OpenAroundTheClock), $"{level} {category} at {now:yyyy-MM-dd HH:mm}");
                }
            }
        }
    }

    [Fact]
    public void CriticalRisk_WithAnAdult_WhoPrefersLine_StillGetsAPhoneOpenNow()
    {
        var result = Router.Route(new RouteQuery
        {
            Categories = [SupportCategory.Loneliness],
            Age = 27,
            PreferredChannel = ChannelKind.Line,
            RiskLevel = RiskLevel.Critical,
            MaxResults = 1,
        }, Jst(2026, 11, 24, 12, 0));

        var only = Assert.Single(result);
        Assert.True(OpenAroundTheClock(only));
        Assert.True(only.Service.Helps(SupportCategory.Suicidal));
    }

    [Fact]
    public void LowRisk_DoesNotForceACrisisLine()
    {
        var result = Router.Route(new RouteQuery { Categories = [SupportCategory.Work], Age = 30, RiskLevel = RiskLevel.Low }, Jst(2026, 11, 24, 12, 0));

        Assert.DoesNotContain(result, r => r.Reasons.HasFlag(RouteReasons.CrisisGuarantee));
    }

    [Fact]
    public void AroundTheClockCrisisContacts_AreOpenNow_AndFitRegionAndAge()
    {
        var child = National.AroundTheClockCrisisContacts(Jst(2027, 1, 1, 3, 0), ageBand: AgeBand.JuniorHighSchool);
        var adultInHokkaido = National.AroundTheClockCrisisContacts(Jst(2027, 1, 1, 3, 0), prefectureCode: "01", age: 30);

        Assert.Contains(child, r => r.Service.Id == "yorisoi-hotline");
        Assert.Contains(child, r => r.Service.Id == "kodomo-sos-dial");
        Assert.Equal("hokkaido-inochi-no-denwa", adultInHokkaido[0].Service.Id);
        Assert.DoesNotContain(adultInHokkaido, r => r.Service.Id == "kodomo-sos-dial");
        Assert.All(child.Concat(adultInHokkaido), r => Assert.True(OpenAroundTheClock(r)));
    }
}
