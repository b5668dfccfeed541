using ChatSupport.TestSupport;

namespace ChatSupport.Bot.Tests.Handoff;

/// <summary>
/// Tests against the real host whose bot asks for handoffs (<see cref="ConsoleClient.NewFactory"/>), with the given
/// console accounts made by the accounts command before each test; xUnit makes one instance, so one host, per test.
/// </summary>
public abstract class ConsoleHostTests(params (string User, string Role)[] accounts) : IAsyncLifetime
{
    protected ChatSupportFactory App { get; } = ConsoleClient.NewFactory();

    public async Task InitializeAsync()
    {
        _ = App.Server;
        foreach (var (user, role) in accounts)
        {
            await ConsoleClient.AddAccountAsync(App, user, role);
        }
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}
