using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// The triage's place in the turn pipeline (last middleware, right around the bot).
/// After the bot has replied and the rule-based path has run: the message is redacted (ETH-05) and queued for the
/// AI without waiting (ETH-02). Nothing is queued while the kill switch is on (ETH-03), for the opt-out message
/// itself, or for a person who opted out (ETH-04; <see cref="TriageConsentMiddleware"/> records the opt-out earlier
/// in the pipeline, before the handoff relay can end the turn).
/// </summary>
public sealed class TriageMiddleware(TriageQueue queue, TriageKillSwitch killSwitch, ITriageOptOuts optOuts, RiskEngine risk, TimeProvider clock, IOptions<TriageOptions> options) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var text = activity.Text;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(text) || activity.Conversation?.Id is not { } conversationId)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var channelId = activity.ChannelId ?? string.Empty;
        var userId = activity.From?.Id ?? string.Empty;
        await next(cancellationToken).ConfigureAwait(false);

        if (killSwitch.IsStopped || TriageOptOut.IsOptOutRequest(text))
        {
            return;
        }

        // ETH-04: nothing of a person who opted out is queued, not even kept in memory.
        if (await optOuts.IsOptedOutAsync(channelId, userId, cancellationToken).ConfigureAwait(false))
        {
            queue.Forget(conversationId);
            return;
        }

        // The rule result the bot acted on (the bot leaves the message's RiskAssessment and the ConversationRisk in the
        // turn state); the engine for other bots.
        var assessment = turnContext.TurnState.Get<RiskAssessment>() ?? risk.Assess(text);
        var conversationRisk = turnContext.TurnState.Get<ConversationRisk>();
        var ruleLevel = RiskLevels.Max(assessment.Level, conversationRisk?.Level ?? RiskLevel.None);
        IReadOnlyList<SupportCategory> categories = [.. (conversationRisk?.Categories ?? []).Union(assessment.Categories).Order()];

        var result = Redactor.Redact(text, queue.RedactionContextFor(conversationId));
        if (result.Failed)
        {
            // ETH-05: the redactor could not finish; nothing of this message is sent.
            return;
        }

        var redacted = result.Text.Value;
        if (redacted.Length > options.Value.MaxCharsPerMessage)
        {
            redacted = redacted[..Math.Max(1, options.Value.MaxCharsPerMessage)];
        }

        queue.Enqueue(activity.GetConversationReference(), channelId, userId, Redactor.AlreadyRedacted(redacted), ruleLevel, categories, clock.GetUtcNow());
    }
}
