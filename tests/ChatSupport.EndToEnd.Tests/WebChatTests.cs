using Microsoft.Playwright;

namespace ChatSupport.EndToEnd.Tests;

/// <summary>Drives the official Web Chat bundle against our Direct Line server, as a young person would.</summary>
public sealed class WebChatTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Every wait is for something to appear, never a fixed pause; this is only the ceiling before a wait counts as
    // failed. Chromium, Kestrel and Web Chat on two loaded cores reached 20 s without anything being wrong.
    private const int Timeout = 60_000;

    [Fact]
    public async Task A_person_greets_sees_the_welcome_presses_a_choice_and_quick_exit_leaves_no_trace()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        await page.RouteAsync("https://www.google.co.jp/**", route => route.FulfillAsync(new() { Body = "<html><body>neutral</body></html>", ContentType = "text/html" }));
        await page.GotoAsync(fixture.BaseUrl + "/");

        // Web Chat renders and the bot's welcome arrives over the WebSocket stream.
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.WaitForAsync(new() { Timeout = Timeout });
        var transcript = page.Locator(".webchat__basic-transcript");
        await Expect(transcript).ToContainTextAsync("ボット", new() { Timeout = Timeout });
        await Expect(transcript).ToContainTextAsync("110", new() { Timeout = Timeout });

        // Typing こんにちは: the bot answers with a new bubble of its own (the person's own bubble or the welcome's
        // buttons, already there, prove nothing).
        const string botBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
        var welcome = await page.Locator(botBubble).CountAsync();
        Assert.True(welcome > 0);
        await input.FillAsync("こんにちは");
        await input.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "([selector, count]) => document.querySelectorAll(selector).length > count",
            new object[] { botBubble, welcome },
            new() { Timeout = Timeout });
        var choice = page.GetByRole(AriaRole.Button, new() { Name = "相談先を知りたい" }).Last;
        await choice.WaitForAsync(new() { Timeout = Timeout });

        // Pressing a suggested action moves the conversation to its next step.
        // (「どんなこと」 is already in the welcome, so the new bot bubble is waited for, not the text.)
        var before = await page.Locator(botBubble).CountAsync();
        await choice.ClickAsync();
        await page.WaitForFunctionAsync(
            "([selector, count]) => document.querySelectorAll(selector).length > count",
            new object[] { botBubble, before },
            new() { Timeout = Timeout });
        await Expect(transcript).ToContainTextAsync("どんなことで困って", new() { Timeout = Timeout });

        // Quick exit: reachable by keyboard, clears storage and leaves for a neutral page.
        await page.EvaluateAsync("() => { sessionStorage.setItem('probe', '1'); localStorage.setItem('probe', '1'); }");
        Assert.Equal("BUTTON", await page.Locator("#quick-exit").EvaluateAsync<string>("e => e.tagName"));
        await page.Locator("#quick-exit").PressAsync("Enter");
        // Leaving is what counts, not how fast the neutral page finishes loading.
        await page.WaitForURLAsync("https://www.google.co.jp/**", new() { Timeout = Timeout, WaitUntil = WaitUntilState.Commit });

        await page.GotoAsync(fixture.BaseUrl + "/app.css");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => sessionStorage.length + localStorage.length"));
    }

    [Fact]
    public async Task Finding_support_by_pressing_buttons_ends_with_a_service_card_that_can_be_called()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        await page.GotoAsync(fixture.BaseUrl + "/");
        var transcript = page.Locator(".webchat__basic-transcript");
        await Expect(transcript).ToContainTextAsync("ボット", new() { Timeout = Timeout });

        foreach (var (button, next) in new[]
        {
            ("相談先を知りたい", "どんなことで困っていますか"),
            ("いじめ", "年代"),
            ("高校生", "相談先です"),
        })
        {
            var choice = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).Last;
            await choice.WaitForAsync(new() { Timeout = Timeout });
            await choice.ClickAsync();
            await Expect(transcript).ToContainTextAsync(next, new() { Timeout = Timeout });
        }

        var call = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^電話する") }).First;
        await call.WaitForAsync(new() { Timeout = Timeout });
        await Expect(transcript).ToContainTextAsync("受付", new() { Timeout = Timeout });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "chatsupport-service-card.png"), FullPage = true });
        Assert.Empty(violations); // the page's Content-Security-Policy blocks nothing Web Chat needs
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
