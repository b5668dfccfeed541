using ChatSupport.Domain.Triage;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// ETH-07: wraps an advisor with a timeout and a circuit breaker (Polly). Never throws for a failed call: timeouts,
/// errors and an open circuit become advice with that outcome, logged without any text (ETH-11). Invalid output is
/// logged too but does not count towards the breaker (the endpoint is up; the model misbehaved).
/// </summary>
public sealed class GuardedTriageAdvisor : ITriageAdvisor
{
    private readonly ITriageAdvisor _inner;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;
    private readonly ChatSupport.Domain.Telemetry.ChatSupportTelemetry? _telemetry;

    public GuardedTriageAdvisor(ITriageAdvisor inner, TriageOptions options, ILogger<GuardedTriageAdvisor> logger, TimeProvider? clock = null, ChatSupport.Domain.Telemetry.ChatSupportTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        _inner = inner;
        _logger = logger;
        _telemetry = telemetry;
        var breakDuration = TimeSpan.FromSeconds(Math.Max(0.5, options.CircuitBreakSeconds));
        var builder = new ResiliencePipelineBuilder();
        if (clock is not null)
        {
            builder.TimeProvider = clock;
        }

        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = Math.Clamp(options.CircuitFailureRatio, 0.01, 1.0),
                MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(0.5, options.CircuitSamplingSeconds)),
                BreakDuration = breakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && !(e is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                OnOpened = _ =>
                {
                    TriageLog.CircuitOpened(_logger, breakDuration.TotalSeconds);
                    _telemetry?.TriageCircuit(open: true);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    TriageLog.CircuitClosed(_logger);
                    _telemetry?.TriageCircuit(open: false);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds))
            .Build();
    }

    public string PromptVersion => _inner.PromptVersion;

    public string Model => _inner.Model;

    public async Task<TriageAdvice> AdviseAsync(TriageInput input, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var span = ChatSupport.Domain.Telemetry.ChatSupportTelemetry.Source.StartActivity("triage.call");
        var advice = await CallAsync(input, cancellationToken).ConfigureAwait(false);
        var outcome = OutcomeTag(advice.Outcome);
        span?.SetTag("triage.outcome", outcome);
        _telemetry?.TriageCall(outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return advice;
    }

    /// <summary>The metric tag of an outcome (a closed set).</summary>
    public static string OutcomeTag(TriageOutcome outcome) => outcome switch
    {
        TriageOutcome.Judged => "judged",
        TriageOutcome.InvalidOutput => "invalid_output",
        TriageOutcome.Timeout => "timeout",
        TriageOutcome.Error => "error",
        TriageOutcome.CircuitOpen => "circuit_open",
        TriageOutcome.Withheld => "withheld",
        _ => "other",
    };

    private async Task<TriageAdvice> CallAsync(TriageInput input, CancellationToken cancellationToken)
    {
        TriageAdvice advice;
        try
        {
            advice = await _pipeline.ExecuteAsync(async ct => await _inner.AdviseAsync(input, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            TriageLog.CallFailed(_logger, TriageOutcome.CircuitOpen, nameof(BrokenCircuitException));
            return TriageAdvice.Failed(TriageOutcome.CircuitOpen);
        }
        catch (TimeoutRejectedException)
        {
            TriageLog.CallFailed(_logger, TriageOutcome.Timeout, nameof(TimeoutRejectedException));
            return TriageAdvice.Failed(TriageOutcome.Timeout);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Only the exception type: an SDK message can echo the request or the answer.
            TriageLog.CallFailed(_logger, TriageOutcome.Error, e.GetType().Name);
            return TriageAdvice.Failed(TriageOutcome.Error);
        }

        if (advice.Outcome == TriageOutcome.InvalidOutput)
        {
            TriageLog.Rejected(_logger, advice.Rejection!.Value, _inner.PromptVersion);
        }

        return advice;
    }
}
