using System.Globalization;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using static ChatSupport.Domain.Tests.Support.DirectoryTestData;

namespace ChatSupport.Domain.Tests.Support;

/// <summary>Checks on the embedded national data itself.</summary>
public class DirectoryDataTests
{
    [Fact]
    public void LoadDefault_LoadsTheEmbeddedData()
    {
        var directory = SupportDirectory.LoadDefault(localPath: null, new FixedTimeProvider(Jst(2026, 11, 25, 12)));

        Assert.True(directory.Services.Count >= 25);
        Assert.NotNull(directory.Find("yorisoi-hotline"));
    }

    [Fact]
    public void EveryEntry_HasAnHttpSourceAndAVerificationDate()
    {
        foreach (var service in National.AllEntries)
        {
            Assert.StartsWith("http", service.SourceUrl, StringComparison.Ordinal);
            Assert.Contains(service.SourceUrl, service.Sources);
            Assert.True(service.LastVerified >= new DateOnly(2026, 11, 22), service.Id);
        }
    }

    [Fact]
    public void EveryPhoneNumber_IsWellFormed()
    {
        var numbers = National.AllEntries.SelectMany(s => s.Channels).Where(c => c.Kind == ChannelKind.Phone).ToList();

        Assert.NotEmpty(numbers);
        Assert.All(numbers, c => Assert.Null(PhoneNumbers.Validate(c.Number)));
        Assert.All(numbers, c => Assert.Matches(@"^(#?\d+)$", c.DialString!));
    }

    [Theory]
    [InlineData("yorisoi-hotline", "0120-279-338")]
    [InlineData("inochi-no-denwa", "0120-783-556")]
    [InlineData("kodomo-sos-dial", "0120-0-78310")]
    [InlineData("childline", "0120-99-7777")]
    [InlineData("jido-sodanjo-189", "189")]
    [InlineData("dv-soudan-plus", "0120-279-889")]
    [InlineData("seihanzai-8103", "#8103")]
    public void KeyNumbers_MatchTheReference(string id, string number)
    {
        Assert.Contains(National.Find(id)!.Channels, c => c.Number == number);
    }

    [Fact]
    public void EmergencyNumbers_Are110And119_AlwaysOpen()
    {
        var numbers = National.EmergencyNumbers.SelectMany(s => s.Channels).Select(c => c.Number).ToList();

        Assert.Equal(["110", "119"], numbers);
        Assert.All(National.EmergencyNumbers, s => Assert.True(s.Channels[0].StatusAt(Jst(2026, 12, 31, 3)).Is24Hours));
    }

    [Fact]
    public void ExpiredEntries_AreKnownButNeverOffered()
    {
        var expired = National.AllEntries.Where(s => s.Status == ServiceStatus.Expired).ToList();

        Assert.Equal(2, expired.Count);
        Assert.All(expired, s => Assert.DoesNotContain(s, National.Services));
        Assert.All(expired, s => Assert.NotNull(s.ValidUntil));
    }

    [Fact]
    public void WindowsOnlyEntries_AreNeverAlwaysOpen()
    {
        var windowsOnly = National.Services.Where(s => s.Status == ServiceStatus.WindowsOnly).ToList();

        Assert.Contains(windowsOnly, s => s.Id == "kodoku-koritsu-9999");
        Assert.All(windowsOnly.SelectMany(s => s.Channels), c => Assert.Equal(HoursKind.WindowsOnly, c.Hours.Kind));
    }

    [Fact]
    public void UnverifiedServices_AreLeftOut()
    {
        // The reference verifies no contact for these, so they must not be in the data.
        var names = National.AllEntries.Select(s => s.Name.Ja).ToList();
        Assert.DoesNotContain(names, n => n.Contains("生きづらびっと", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("BOND", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("Cure Time", StringComparison.OrdinalIgnoreCase));
        // Conflicting LINE IDs of the MOJ children's rights line (Conflict 14).
        Assert.DoesNotContain(National.AllEntries.SelectMany(s => s.Channels), c => c.Handle is "@linejinkensoudan" or "@snsjinkensoudan");
        // Stale numbers listed in the reference's Conflict 2.
        Assert.DoesNotContain(National.AllEntries.SelectMany(s => s.Channels), c => c.Number is "0570-0-55210" or "0570-0783-55" or "0570-046-556");
    }

    [Fact]
    public void EveryCategory_HasAtLeastOneService()
    {
        foreach (var category in SupportCategories.All)
        {
            Assert.Contains(National.Services, s => !s.IsEmergency && s.Helps(category));
        }
    }

    [Fact]
    public void SuicidalCategory_HasAnAroundTheClockNationalContact()
    {
        Assert.Contains(National.Services, s => s.Region.Scope == RegionScope.National && s.Helps(SupportCategory.Suicidal)
            && s.Channels.Any(c => c.IsRealTime && c.Hours.Kind == HoursKind.Always));
    }

    [Fact]
    public void RegionalEntries_UseJisPrefectureCodes()
    {
        var hokkaido = National.Find("hokkaido-inochi-no-denwa")!;
        var yamagata = National.Find("yamagata-tsunagari-yorisoi-chat")!;

        Assert.Equal("北海道", Prefectures.FindByCode(hokkaido.Region.PrefectureCode)!.NameJa);
        Assert.Equal(RegionScope.Municipality, yamagata.Region.Scope);
        Assert.Equal("山形県", Prefectures.FindByCode(yamagata.Region.PrefectureCode)!.NameJa);
    }

    [Fact]
    public void Prefectures_AreThe47InJisOrder()
    {
        Assert.Equal(47, Prefectures.All.Count);
        Assert.Equal(Enumerable.Range(1, 47).Select(i => i.ToString("00", CultureInfo.InvariantCulture)), Prefectures.All.Select(p => p.Code));
        Assert.Equal("東京", Prefectures.FindByCode("13")!.ShortNameJa);
        Assert.Equal("沖縄県", Prefectures.FindByCode("47")!.NameJa);
    }

    [Fact]
    public void Template_IsValidYamlButItsExampleEntryIsRefused()
    {
        var template = File.ReadAllText(FindRepoFile("docs/directory-local-template.yaml"));

        var errors = DirectoryLoader.Parse("directory-local-template.yaml", template, Today).Errors;

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("example entry", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Template_WithTheExampleIdReplaced_IsValid()
    {
        var template = File.ReadAllText(FindRepoFile("docs/directory-local-template.yaml"))
            .Replace("id: example-", "id: filled-", StringComparison.Ordinal);

        var (services, errors) = DirectoryLoader.Parse("local.yaml", template, Today);

        Assert.Empty(errors);
        Assert.NotEmpty(services);
    }

    internal static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }

    [Fact]
    public void AnataNoIbasho_IsNamedNotLinked_AndIsThe24HourTextServiceOfferedAtNight()
    {
        // §11: 24 h, free, OFFICIAL; its chat address is not verified, so the person searches for the name.
        var ibasho = National.Find("anata-no-ibasho")!;
        var chat = Assert.Single(ibasho.Channels);
        Assert.Equal(ChannelKind.Chat, chat.Kind);
        Assert.Null(chat.Url);
        Assert.Null(chat.Handle);
        Assert.Equal("あなたのいばしょ", chat.AccountName);
        Assert.Equal(HoursKind.Always, chat.Hours.Kind);
        Assert.Contains(National.AroundTheClockCrisisContacts(Jst(2026, 11, 26, 2, 20)), r => r.Service.Id == "anata-no-ibasho");
    }

    [Fact]
    public void ContentReview_Corrections_FollowTheReference()
    {
        // #8103 connects to the police where the caller is; the female-officer note is Nagasaki's, not national.
        var line8103 = National.Find("seihanzai-8103")!;
        Assert.Contains("いまいる場所", line8103.Description.Ja, StringComparison.Ordinal);
        Assert.DoesNotContain("女性", line8103.Description.Ja, StringComparison.Ordinal);
        Assert.Contains("長崎", line8103.Channels[0].NoteJa, StringComparison.Ordinal);

        // Yamagata: for Yamagata City; only the AI answers 24 hours, staff weekdays 9–18.
        var yamagata = National.Find("yamagata-tsunagari-yorisoi-chat")!;
        Assert.StartsWith("山形市に住む", yamagata.Description.Ja, StringComparison.Ordinal);
        Assert.NotEqual(HoursKind.Always, yamagata.Channels[0].Hours.Kind);
        Assert.False(yamagata.Channels[0].StatusAt(Jst(2026, 11, 25, 23, 0)).IsOpen);
        Assert.True(yamagata.Channels[0].StatusAt(Jst(2026, 11, 25, 10, 0)).IsOpen);

        // The national portal's domain is in doubt (Conflict 5): held back until re-checked.
        Assert.DoesNotContain(National.AllEntries, s => s.Channels.Any(c => c.Url?.Contains("notalone", StringComparison.Ordinal) == true));

        // いのちの電話: it is the caller who need not give a name.
        Assert.Contains("あなたは名前を言わなくても", National.Find("inochi-no-denwa")!.Description.Ja, StringComparison.Ordinal);

        // ChildLine chat: 16–21 on calendar days, never shown as open at night.
        var childChat = National.Find("childline")!.Channels.Single(c => c.Kind == ChannelKind.Chat);
        Assert.Contains("16時〜21時", childChat.Hours.NoteJa, StringComparison.Ordinal);
        Assert.False(childChat.StatusAt(Jst(2026, 11, 26, 2, 20)).IsOpen);
    }

    [Theory]
    [InlineData(17, true)]
    [InlineData(18, false)]
    [InlineData(19, false)]
    public void ChildrensLines_AreForPeopleUnder18(int age, bool shown)
    {
        var router = new SupportRouter(National);
        var result = router.Route(new RouteQuery { Categories = [SupportCategory.Bullying], MaxResults = 0, Age = age }, Jst(2026, 11, 26, 2, 20));
        Assert.Equal(shown, result.Any(r => r.Service.Id == "kodomo-sos-dial"));
    }

    [Fact]
    public void A_service_named_in_a_message_is_found_with_its_status_now()
    {
        var router = new SupportRouter(National);
        string Fold(string t) => ChatSupport.BotKit.Text.TextNormalizer.Normalize(t);

        var evening = router.Named("チャイルドラインってまだやってる時間？", Fold, new RouteQuery(), Jst(2026, 12, 8, 17, 30));
        var named = Assert.Single(evening);
        Assert.Equal("childline", named.Service.Id);
        Assert.True(named.Status.IsOpen);

        var morning = router.Named("チャイルドラインって何時から？", Fold, new RouteQuery(), Jst(2026, 12, 7, 7, 40));
        Assert.False(Assert.Single(morning).Status.IsOpen);

        Assert.Empty(router.Named("学校の友達に電話した", Fold, new RouteQuery(), Jst(2026, 12, 7, 7, 40)));

        // The regional line named in full is what was asked, not the national one whose name it contains.
        var hokkaido = router.Named("北海道いのちの電話って夜中もやってる？", Fold, new RouteQuery { PrefectureCode = "01" }, Jst(2026, 12, 9, 2, 30));
        Assert.Equal("hokkaido-inochi-no-denwa", Assert.Single(hokkaido).Service.Id);
    }

    [Theory]
    [InlineData("#8103って子どもでもかけていいの？", "seihanzai-8103")]
    [InlineData("＃9110って今かかる？", "police-consultation-9110")]
    [InlineData("189って何？電話したら家に来るん？", "jido-sodanjo-189")]
    public void A_service_named_by_its_short_dial_is_found(string text, string id)
    {
        var router = new SupportRouter(National);
        var named = router.Named(text, ChatSupport.BotKit.Text.TextNormalizer.Normalize, new RouteQuery(), Jst(2026, 12, 9, 2, 30));
        Assert.Contains(named, r => r.Service.Id == id);
    }

    [Theory]
    [InlineData("0120-189-783ってどこの番号？")]
    [InlineData("9110円のバッグ買った？")]
    [InlineData("あと1890円しかない")]
    public void A_number_inside_another_is_not_a_short_dial(string text)
    {
        var router = new SupportRouter(National);
        var named = router.Named(text, ChatSupport.BotKit.Text.TextNormalizer.Normalize, new RouteQuery(), Jst(2026, 12, 9, 2, 30));
        Assert.DoesNotContain(named, r => r.Service.Id is "jido-sodanjo-189" or "police-consultation-9110");
    }
}
