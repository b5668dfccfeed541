using System.Collections.Concurrent;
using ChatSupport.Domain.Handoff;
using ChatSupport.HandoffConsole;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ChatSupport.Bot.ConsoleAccess;

/// <summary>
/// Records that a counselor's console is open (<see cref="ICounselorPresence"/>), at most once per
/// <see cref="MinInterval"/> per counselor on this node, so console API calls cost no extra write each.
/// A failure to record is logged without names and tried again at the next call.
/// </summary>
public sealed class ConsolePresenceTracker(ICounselorPresence presence, TimeProvider clock, ILogger<ConsolePresenceTracker> logger)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    public async Task SeenAsync(string userName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_last.TryGetValue(userName, out var last) && now - last < MinInterval && now >= last)
        {
            return;
        }

        _last[userName] = now;
        try
        {
            await presence.SeenAsync(userName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _last.TryRemove(userName, out _);
            logger.LogWarning("Console presence could not be recorded: {ExceptionType}.", ex.GetType().FullName);
        }
    }
}

/// <summary>
/// While a console page is connected (a Blazor circuit with its connection up), says every
/// <see cref="CounselorPresence.Heartbeat"/> that its counselor is in the console. When the browser closes,
/// the laptop sleeps or the node dies, the beats stop and the counselor stops counting as on duty within
/// <see cref="CounselorPresence.Window"/>, even if they never pressed 離席.
/// </summary>
public sealed class ConsolePresenceCircuitHandler(AuthenticationStateProvider authentication, ConsolePresenceTracker tracker, TimeProvider clock) : CircuitHandler, IDisposable
{
    private CancellationTokenSource? _beating;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Stop();
        var beating = new CancellationTokenSource();
        _beating = beating;
        _ = BeatAsync(beating.Token);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    public void Dispose() => Stop();

    private void Stop()
    {
        var beating = Interlocked.Exchange(ref _beating, null);
        beating?.Cancel();
        beating?.Dispose();
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
            var who = ConsolePolicies.Identity(state.User);
            if (who is null)
            {
                return;
            }

            using var timer = new PeriodicTimer(CounselorPresence.Heartbeat, clock);
            do
            {
                await tracker.SeenAsync(who.UserName, cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // The connection went down or the circuit closed.
        }
        catch (ObjectDisposedException)
        {
            // The circuit's services were disposed while a beat was on its way.
        }
    }
}
