using ChatSupport.TestSupport;
using Microsoft.Playwright;

namespace ChatSupport.EndToEnd.Tests;

/// <summary>
/// The real host on Kestrel (loopback, a free port) and Debian's Chromium driven by Playwright.
/// No browser is downloaded: the executable comes from CHATSUPPORT_CHROMIUM or /usr/bin/chromium.
/// </summary>
public abstract class BrowserHost(ChatSupportFactory factory) : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ChatSupportFactory Factory { get; } = factory;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await OnStartedAsync();

        var chromium = Environment.GetEnvironmentVariable("CHATSUPPORT_CHROMIUM");
        if (string.IsNullOrEmpty(chromium))
        {
            chromium = "/usr/bin/chromium";
        }

        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}. Run tests/run.sh, which installs Debian's chromium, or set CHATSUPPORT_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>Runs once the host is up, before the browser starts.</summary>
    protected virtual Task OnStartedAsync() => Task.CompletedTask;
}

/// <summary>The host with the consultation bot, for Web Chat.</summary>
public sealed class BrowserFixture() : BrowserHost(new ChatSupportFactory());
