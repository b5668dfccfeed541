using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Triage;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// ETH-04: records a person's 「AIを使わないで」 at any point of the conversation, before anything can end the turn:
/// it runs ahead of the handoff relay, which ends the turn while the person waits for a counselor or talks with one,
/// so an opt-out said then is kept too. The choice is stored per channel and person (SQLite) and lasts; the AI
/// context window of the conversation is forgotten at once. The turn then goes on as usual (the bot confirms when
/// it owns the conversation; a counselor reads the message when a human has it). Runs whether or not the triage is
/// enabled, so the choice also holds if a deployment turns it on later.
/// </summary>
public sealed class TriageConsentMiddleware(ITriageOptOuts optOuts, TimeProvider clock, ILogger<TriageConsentMiddleware> logger, ITriageMemory memory) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var fromPerson = activity.From?.Role is null or RoleTypes.User;
        if (fromPerson && activity.Type == ActivityTypes.Message && activity.Conversation?.Id is { } conversationId
            && TriageOptOut.IsOptOutRequest(activity.Text))
        {
            await optOuts.OptOutAsync(activity.ChannelId ?? string.Empty, activity.From?.Id ?? string.Empty, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            memory.Forget(conversationId);
            TriageLog.OptedOut(logger, conversationId);
        }

        await next(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What the AI triage keeps of a conversation in memory (its last redacted messages and the names met).</summary>
public interface ITriageMemory
{
    /// <summary>Forgets the conversation at once (after an opt-out, ETH-04).</summary>
    void Forget(string conversationId);
}

/// <summary>The triage is off: nothing is kept, so there is nothing to forget.</summary>
public sealed class NoTriageMemory : ITriageMemory
{
    public static readonly NoTriageMemory Instance = new();

    private NoTriageMemory()
    {
    }

    public void Forget(string conversationId)
    {
    }
}
