using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// The turn step that routes a person's activity while a human has the conversation.
/// <list type="bullet">
/// <item>A counselor holds it: the message goes to the console live and the turn stops (the bot says
/// nothing; the channel has already stored the message).</item>
/// <item>It waits in the queue and nobody holds it: the message goes to the console AND the bot answers
/// (never silent): a <see cref="HandoffWaiting"/> is put in turn state and the turn continues, so the
/// bot runs its crisis path, keeps listening and says honestly who can answer and when.</item>
/// <item>「キャンセル」 while waiting ends the wait.</item>
/// </list>
/// Proactive turns (counselor messages) and conversations the bot holds pass through.
/// </summary>
public sealed class HandoffRelayMiddleware(HandoffQueries handoff, HandoffRequests person) : ITurnMiddleware
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
        if (session.State != HandoffState.Waiting)
        {
            return;
        }

        // Nobody holds the conversation yet: the bot keeps answering until a counselor takes it.
        turnContext.TurnState.Set(await person.Availability.WaitingAsync(session, cancellationToken).ConfigureAwait(false));
        await next(cancellationToken).ConfigureAwait(false);
    }
}
