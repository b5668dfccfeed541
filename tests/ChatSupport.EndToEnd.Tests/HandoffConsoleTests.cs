using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatSupport.EndToEnd.Tests;

/// <summary>The real host on Kestrel with a bot that asks for a human (as the consultation bot does), and Debian's Chromium.</summary>
public sealed class HandoffBrowserFixture() : BrowserHost(new ChatSupportFactory { ExtraServices = s => s.AddSingleton<IBot, HandoffTestBot>() })
{
    public const string Password = "correct horse battery staple";

    /// <summary>Creates a counselor account with the command an operator runs (<c>accounts add … --password-stdin</c>).</summary>
    public async Task AddCounselorAsync(string user)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ChatSupport:Storage:ConnectionString"] = $"Data Source={Factory.DatabasePath}" })
            .Build();
        Assert.Equal(0, await AccountsCommand.RunAsync(["add", "--user", user, "--role", "counselor", "--password-stdin"], new StringReader(Password), TextWriter.Null, TextWriter.Null, configuration));
    }

    protected override Task OnStartedAsync() => AddCounselorAsync("sato");
}

/// <summary>A person in Web Chat and a counselor in the console, in two browser contexts.</summary>
public sealed class HandoffConsoleTests(HandoffBrowserFixture fixture) : IClassFixture<HandoffBrowserFixture>
{
    // Every wait below is for something to appear (an event), never a fixed pause; this is only the ceiling before a
    // wait counts as failed. Under a loaded machine (Chromium, Kestrel and a Blazor circuit on two cores) 20 s was
    // reached without anything being wrong.
    private const int Timeout = 60_000;
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string Payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

    [Fact]
    public async Task An_open_console_page_keeps_its_counselor_on_duty_and_closing_it_without_away_stops_that()
    {
        await fixture.AddCounselorAsync("kato");
        var directory = fixture.Factory.Services.GetRequiredService<ICounselorDirectory>();

        await using var counselorContext = await fixture.Browser.NewContextAsync(new() { Locale = "ja-JP" });
        var console = await counselorContext.NewPageAsync();
        await console.GotoAsync(fixture.BaseUrl + "/console/login");
        await console.Locator("#user").FillAsync("kato");
        await console.Locator("#password").FillAsync(HandoffBrowserFixture.Password);
        await console.Locator("#sign-in").ClickAsync();
        await ArriveAsync(console, "/console$");
        await Expect(console.Locator("#my-status")).ToHaveTextAsync("受付可能", new() { Timeout = Timeout });

        // Time passes beyond the presence window while the page stays open: its heartbeat keeps kato in the console.
        fixture.Factory.Clock.Advance(CounselorPresence.Window + TimeSpan.FromSeconds(5));
        Assert.True(await EventuallyAsync(async () => (await directory.FindAsync("kato"))!.CanTakeConversations), "the open console page did not keep its counselor present");

        // The counselor closes the browser without pressing 離席: once the window passes, kato no longer counts.
        // (Each look moves the clock on again, so a heartbeat still running would keep kato present and fail the test.)
        await counselorContext.CloseAsync();
        Assert.True(await EventuallyAsync(async () =>
        {
            fixture.Factory.Clock.Advance(CounselorPresence.Window + TimeSpan.FromSeconds(5));
            await Task.Delay(200);
            return !(await directory.FindAsync("kato"))!.CanTakeConversations;
        }, attempts: 10), "a closed console still counted as on duty");
        Assert.Equal(CounselorStatus.Available, (await directory.FindAsync("kato"))!.Status);
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int attempts = 300)
    {
        for (var i = 0; i < attempts; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    [Fact]
    public async Task A_person_asks_for_a_human_a_counselor_takes_the_chat_they_talk_the_counselor_ends_and_the_bot_resumes()
    {
        await using var personContext = await fixture.Browser.NewContextAsync(new() { Locale = "ja-JP" });
        await using var counselorContext = await fixture.Browser.NewContextAsync(new() { Locale = "ja-JP" });

        // The person asks for a human in Web Chat, and writes something that looks like markup.
        var person = await personContext.NewPageAsync();
        await person.GotoAsync(fixture.BaseUrl + "/");
        var input = person.Locator("[data-id='webchat-sendbox-input']");
        await input.WaitForAsync(new() { Timeout = Timeout });

        // What the bot (or the counselor through it) says is looked for in the bot's bubbles only, never in the
        // person's own text.
        // The bot's welcome shows the stream is live before the person types (a message typed while Web Chat still
        // connects can fail to send on a slow machine, and then nothing would ever answer it).
        await BotSaysAsync(person, HandoffTestBot.Welcome);
        await SayAsync(input, HandoffTestBot.AskForHuman);
        await BotSaysAsync(person, "わたし（ボット）がここで返事をします");
        await SayAsync(input, Payload);

        // The counselor signs in, sees the waiting person and takes the chat.
        var console = await counselorContext.NewPageAsync();
        await console.GotoAsync(fixture.BaseUrl + "/console/login");
        await console.Locator("#user").FillAsync("sato");
        await console.Locator("#password").FillAsync(HandoffBrowserFixture.Password);
        await console.Locator("#sign-in").ClickAsync();
        await ArriveAsync(console, "/console$");
        var claim = console.Locator("#queue .claim").First;
        await claim.WaitForAsync(new() { Timeout = Timeout });
        await Expect(console.Locator("#queue")).ToContainTextAsync("window.__xss", new() { Timeout = Timeout });
        await claim.ClickAsync();
        await ArriveAsync(console, "/console/conversations/[^/]+$");
        var transcript = console.Locator("#transcript");
        await Expect(transcript).ToContainTextAsync(HandoffTestBot.AskForHuman, new() { Timeout = Timeout });
        await BotSaysAsync(person, "相談員とつながりました");

        // The markup the person wrote is shown as text and never runs.
        await Expect(transcript).ToContainTextAsync(Payload, new() { Timeout = Timeout });
        Assert.Equal(0, await transcript.Locator("img, script").CountAsync());
        Assert.True(await console.EvaluateAsync<bool>("() => window.__xss === undefined"));

        // They exchange messages, live both ways.
        await console.Locator("#reply").FillAsync("こんばんは、相談員の佐藤です。話してくれてありがとう。");
        await console.Locator("#send").ClickAsync();
        await BotSaysAsync(person, "相談員の佐藤です");
        await SayAsync(input, "最近ずっと眠れなくて");
        await Expect(transcript).ToContainTextAsync("最近ずっと眠れなくて", new() { Timeout = Timeout });
        Assert.True(await person.EvaluateAsync<bool>("() => window.__xss === undefined"));

        // The counselor ends; the person is told, and the bot answers again.
        await console.Locator("#end").ClickAsync();
        await BotSaysAsync(person, "ここからは、またボットがお話しします");
        await SayAsync(input, "わかった");
        await BotSaysAsync(person, "ボット: わかった");
    }

    /// <summary>
    /// Waits until the page's address matches <paramref name="path"/> (a regular expression), by looking at the
    /// address again and again rather than waiting for a navigation event: the console moves inside its live page
    /// (no load event), and a move that happens while a navigation waiter is set up can be missed. When the address
    /// never matches, the failure says where the page is and what it shows.
    /// </summary>
    private static async Task ArriveAsync(IPage page, string path)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(path), new() { Timeout = Timeout });
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"Still at {page.Url}, not {path}. The page shows: {shown[..Math.Min(shown.Length, 800)]}");
        }
    }

    /// <summary>
    /// Waits for a bot bubble with <paramref name="text"/> (never the person's own text). When it does not come, the
    /// failure says what Web Chat shows instead (a message that failed to send, a connection notice, the last bubbles).
    /// </summary>
    private static async Task BotSaysAsync(IPage person, string text)
    {
        try
        {
            await person.Locator(BotBubble).Filter(new() { HasText = text }).First.WaitForAsync(new() { Timeout = Timeout });
        }
        catch (TimeoutException)
        {
            var shown = await person.Locator("#webchat").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"The bot did not say 「{text}」 within {Timeout / 1000} s. Web Chat shows: {shown[Math.Max(0, shown.Length - 1200)..]}");
        }
    }

    private static async Task SayAsync(ILocator input, string text)
    {
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
