using ChatSupport.Domain.Turns;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// The hook where the bot resumes after a counselor ended a conversation (not when it was closed):
/// called inside the same proactive turn, right after the person got the closing message, so the
/// bot can ask its optional feedback question with its own dialogs and state. Register any number in DI.
/// </summary>
public interface IHandoffEndedHandler
{
    Task OnBotResumedAsync(ITurnContext turnContext, HandoffSession session, CancellationToken cancellationToken);
}
