using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;

namespace ChatSupport.Bot.Triage;

/// <summary>ETH-11: triage logs carry ids, levels, codes, counts and durations, never text.</summary>
internal static partial class TriageLog
{
    [LoggerMessage(7001, LogLevel.Information, "AI triage judged conversation {ConversationId}: rule {RuleLevel}, AI {AiLevel}, final {FinalLevel}, prompt {PromptVersion}, {ElapsedMs} ms", EventName = "TriageJudged")]
    public static partial void Judged(ILogger logger, string conversationId, RiskLevel ruleLevel, RiskLevel aiLevel, RiskLevel finalLevel, string promptVersion, long elapsedMs);

    [LoggerMessage(7002, LogLevel.Warning, "AI triage raised conversation {ConversationId} from {RuleLevel} to {FinalLevel}; handoff requested: {HandoffRequested}", EventName = "TriageRaised")]
    public static partial void Raised(ILogger logger, string conversationId, RiskLevel ruleLevel, RiskLevel finalLevel, bool handoffRequested);

    [LoggerMessage(7003, LogLevel.Warning, "AI triage answer rejected ({Rejection}) for prompt {PromptVersion}; the rule level stands", EventName = "TriageOutputRejected")]
    public static partial void Rejected(ILogger logger, TriageRejection rejection, string promptVersion);

    [LoggerMessage(7004, LogLevel.Warning, "AI triage call failed ({Outcome}, {ErrorType}); the rule level stands", EventName = "TriageCallFailed")]
    public static partial void CallFailed(ILogger logger, TriageOutcome outcome, string errorType);

    [LoggerMessage(7005, LogLevel.Warning, "AI triage circuit opened for {BreakSeconds} s after repeated failures", EventName = "TriageCircuitOpened")]
    public static partial void CircuitOpened(ILogger logger, double breakSeconds);

    [LoggerMessage(7006, LogLevel.Information, "AI triage circuit closed", EventName = "TriageCircuitClosed")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(7007, LogLevel.Debug, "AI triage skipped for conversation {ConversationId}: {Reason}", EventName = "TriageSkipped")]
    public static partial void Skipped(ILogger logger, string conversationId, string reason);

    [LoggerMessage(7008, LogLevel.Information, "A person opted out of the AI triage in conversation {ConversationId}", EventName = "TriageOptOut")]
    public static partial void OptedOut(ILogger logger, string conversationId);

    [LoggerMessage(7009, LogLevel.Warning, "AI triage queue full: the oldest waiting message was dropped", EventName = "TriageQueueDropped")]
    public static partial void Dropped(ILogger logger);

    [LoggerMessage(7010, LogLevel.Error, "AI triage failed to process a message of conversation {ConversationId} ({ErrorType})", EventName = "TriageProcessingFailed")]
    public static partial void ProcessingFailed(ILogger logger, string conversationId, string errorType);

    [LoggerMessage(7011, LogLevel.Information, "AI triage retention: erased the texts of {Count} reviewed judgements", EventName = "TriageRetention")]
    public static partial void Erased(ILogger logger, int count);

    [LoggerMessage(7012, LogLevel.Information, "AI triage is {State} (kill switch)", EventName = "TriageKillSwitch")]
    public static partial void Switched(ILogger logger, string state);

    [LoggerMessage(7013, LogLevel.Warning, "AI triage prompt {PromptVersion} withheld: the redaction check found {Count} item(s) of personal data left ({Kinds}); nothing was sent", EventName = "TriageWithheld")]
    public static partial void Withheld(ILogger logger, string promptVersion, int count, string kinds);

    [LoggerMessage(7014, LogLevel.Information, "AI triage call: prompt {PromptVersion}, model {Model}, {Outcome}, {ElapsedMs} ms, tokens in {InputTokens} out {OutputTokens}", EventName = "TriageCallAudit")]
    public static partial void Audited(ILogger logger, string promptVersion, string model, string outcome, long elapsedMs, int inputTokens, int outputTokens);
}
