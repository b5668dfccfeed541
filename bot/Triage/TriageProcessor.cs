using System.Diagnostics;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;

namespace ChatSupport.Bot.Triage;

/// <summary>What happened to one queued message (for tests and metrics).</summary>
public enum TriageProcessResult
{
    Stopped,
    OptedOut,
    RuleAlreadyCritical,
    NoJudgement,
    Recorded,
    RaisedAndHandedOff,
    Raised,
}

/// <summary>
/// Handles one queued message in the background: checks the kill switch (ETH-03) and the opt-out (ETH-04), skips a
/// conversation already critical (ETH-05), asks the advisor, combines with never-lower (ETH-02), records the judgement
/// for review (ETH-08), and when the AI raises the conversation to the handoff level asks for a handoff marked
/// <see cref="HandoffReason.AiSuggested"/> with the raised priority. Never sends anything to the person (ETH-01).
/// </summary>
public sealed class TriageProcessor(
    ITriageAdvisor advisor,
    ITriageReviewStore reviews,
    ITriageOptOuts optOuts,
    TriageKillSwitch killSwitch,
    TimeProvider clock,
    ILogger<TriageProcessor> logger,
    IHandoffRequests? handoff = null,
    RiskLevel autoHandoffLevel = RiskLevel.High)
{
    public async Task<TriageProcessResult> ProcessAsync(TriageWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (killSwitch.IsStopped)
        {
            TriageLog.Skipped(logger, item.ConversationId, "stopped");
            return TriageProcessResult.Stopped;
        }

        if (await optOuts.IsOptedOutAsync(item.ChannelId, item.UserId, cancellationToken).ConfigureAwait(false))
        {
            TriageLog.Skipped(logger, item.ConversationId, "opted-out");
            return TriageProcessResult.OptedOut;
        }

        if (item.RuleLevel == RiskLevel.Critical)
        {
            // ETH-05: nothing left to raise, so nothing is sent.
            TriageLog.Skipped(logger, item.ConversationId, "rule-critical");
            return TriageProcessResult.RuleAlreadyCritical;
        }

        var started = Stopwatch.GetTimestamp();
        var advice = await advisor.AdviseAsync(new TriageInput(item.Messages, item.RuleLevel, item.RuleCategories), cancellationToken).ConfigureAwait(false);
        if (advice.Outcome != TriageOutcome.Judged || advice.Judgement is null)
        {
            return TriageProcessResult.NoJudgement;
        }

        // ETH-03: a stop during the call discards its answer too.
        if (killSwitch.IsStopped)
        {
            return TriageProcessResult.Stopped;
        }

        var combined = TriageCombination.Combine(item.RuleLevel, advice.Judgement);
        var excerpt = Redactor.AlreadyRedacted(string.Join('\n', item.Messages.Select(m => m.Value)));
        await reviews.AddAsync(new NewTriageRecord(item.ConversationId, clock.GetUtcNow(), item.RuleLevel, advice.Judgement, combined.Final, combined.RaisedByAi, excerpt), cancellationToken).ConfigureAwait(false);
        TriageLog.Judged(logger, item.ConversationId, item.RuleLevel, advice.Judgement.Level, combined.Final, advice.Judgement.PromptVersion, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        if (!combined.RaisedByAi)
        {
            return TriageProcessResult.Recorded;
        }

        // ETH-02: exactly what a rule result of this level gets in the queue, marked as AI-suggested.
        var handOff = handoff is not null && combined.Final >= autoHandoffLevel;
        if (handOff)
        {
            IReadOnlyList<SupportCategory> categories = [.. item.RuleCategories.Union(advice.Judgement.Categories).Order()];
            await handoff!.RequestAsync(new HandoffRequest(item.Conversation, HandoffReason.AiSuggested, combined.Final, categories, []), cancellationToken).ConfigureAwait(false);
        }

        TriageLog.Raised(logger, item.ConversationId, item.RuleLevel, combined.Final, handOff);
        return handOff ? TriageProcessResult.RaisedAndHandedOff : TriageProcessResult.Raised;
    }
}
