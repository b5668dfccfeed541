using ChatSupport.Domain.Activities;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Turns;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// The turn step that routes a person's activity while a human has the conversation: while it
/// waits or a counselor holds it, the message goes to the console live and the turn stops (the bot
/// says nothing; the channel has already stored the message). 「キャンセル」 while waiting ends the
/// wait. Proactive turns (counselor messages) and conversations the bot holds pass through, and so does a
/// high or critical message while the conversation still waits (the crisis reply never waits for a person).
/// </summary>
public sealed class HandoffRelayMiddleware(HandoffQueries handoff, HandoffRequests person, RiskEngine? risk = null) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id;
        var fromPerson = activity.From?.Role is null or RoleTypes.User;
        if (!fromPerson || string.IsNullOrEmpty(conversationId)
            || !(activity.IsType(ActivityTypes.Message) || activity.IsType(ActivityTypes.Typing)))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var session = await handoff.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (session is null || !session.State.IsWithHuman())
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (activity.IsType(ActivityTypes.Typing))
        {
            await person.PersonTypedAsync(conversationId, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (session.State == HandoffState.Waiting && handoff.Texts.IsCancel(activity.Text))
        {
            var reply = await person.CancelByPersonAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (reply is not null)
            {
                await turnContext.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        await person.PersonMessagedAsync(conversationId, activity.Id, cancellationToken).ConfigureAwait(false);

        // Danger while still waiting: nobody has the conversation yet, so the bot's crisis reply (110/119 and
        // 24-hour contacts) must not wait for a counselor, and its handoff request raises the queue priority.
        if (session.State == HandoffState.Waiting && risk is not null && risk.Assess(FullMessageText.Of(turnContext)).Level >= RiskLevel.High)
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
    }
}
