using ChatSupport.BotKit.Events;
using ChatSupport.Domain.Handoff.Events;
using Microsoft.AspNetCore.Components;

namespace ChatSupport.HandoffConsole.Components;

/// <summary>
/// Subscribes a page to handoff events on the bus and calls it back on its own renderer
/// (<c>InvokeAsync</c>); failures go to the component's error boundary, never to the publisher.
/// </summary>
public sealed class LiveEvents : IDisposable
{
    private readonly IDisposable _subscription;

    public LiveEvents(IEventBus bus, Func<Func<Task>, Task> invoke, Action<Exception> dispatchError, Func<HandoffEvent, bool> filter, Func<HandoffEvent, Task> onEvent)
    {
        ArgumentNullException.ThrowIfNull(bus);
        _subscription = bus.Subscribe<HandoffEvent>(async (e, _) =>
        {
            if (!filter(e))
            {
                return;
            }

            try
            {
                await invoke(() => onEvent(e));
            }
            catch (Exception ex)
            {
                dispatchError(ex);
            }
        });
    }

    public void Dispose() => _subscription.Dispose();
}

/// <summary>A component base with the signed-in counselor and live events.</summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private LiveEvents? _live;

    [CascadingParameter] private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthState { get; set; }

    [Inject] protected IEventBus Bus { get; set; } = null!;

    protected ChatSupport.Domain.Handoff.CounselorIdentity? Who { get; private set; }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task OnInitializedAsync()
    {
        Who = AuthState is null ? null : ConsolePolicies.Identity((await AuthState).User);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && Who is not null)
        {
            _live = new LiveEvents(Bus, InvokeAsync, e => _ = DispatchExceptionAsync(e), Accepts, async e =>
            {
                await OnLiveEventAsync(e);
                StateHasChanged();
            });
        }
    }

    protected abstract bool Accepts(HandoffEvent e);

    protected abstract Task OnLiveEventAsync(HandoffEvent e);
}
