using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ChatSupport.Domain.Triage;
using Microsoft.SemanticKernel;
using OpenAI.Chat;

namespace ChatSupport.Bot.Triage;

/// <summary>What the kernel filters counted since the advisor was made (numbers only, ETH-11).</summary>
public sealed class TriageCallCounters
{
    private long _calls;
    private long _withheld;
    private long _failed;

    /// <summary>Calls that went to the endpoint.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Prompts the redaction check refused to send (ETH-05).</summary>
    public long Withheld => Interlocked.Read(ref _withheld);

    /// <summary>Calls that ended in an exception.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    internal void Call() => Interlocked.Increment(ref _calls);

    internal void Withhold() => Interlocked.Increment(ref _withheld);

    internal void Fail() => Interlocked.Increment(ref _failed);
}

/// <summary>
/// ETH-05, defence in depth: a Semantic Kernel prompt-render filter that runs the redactor's check over the rendered
/// prompt (every value the template filled in, after decoding) and refuses to send it when personal data is left:
/// the function then returns <see cref="Withheld"/> without calling the endpoint. The refusal is counted and logged
/// with the kinds and counts only, never the text (ETH-11).
/// </summary>
public sealed partial class RedactionCheckFilter(ILogger logger, TriageCallCounters counters, string promptVersion) : IPromptRenderFilter
{
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context).ConfigureAwait(false);
        var found = Redactor.FindPersonalData(ContentOf(context.RenderedPrompt));
        if (found.Count == 0)
        {
            return;
        }

        counters.Withhold();
        TriageLog.Withheld(logger, promptVersion, found.Values.Sum(), string.Join(",", found.OrderBy(f => f.Key).Select(f => $"{f.Key}:{f.Value}")));
        context.Result = new FunctionResult(context.Function, Withheld.Instance);
    }

    /// <summary>The text the model would read: the chat prompt's message tags removed, entities decoded.</summary>
    internal static string ContentOf(string? renderedPrompt) =>
        string.IsNullOrEmpty(renderedPrompt) ? string.Empty : WebUtility.HtmlDecode(MessageTag().Replace(renderedPrompt, "\n"));

    [GeneratedRegex(@"</?message(?:\s+role=""[a-z]+"")?\s*>", RegexOptions.CultureInvariant)]
    private static partial Regex MessageTag();

    /// <summary>The function's value when the prompt was withheld.</summary>
    public sealed class Withheld
    {
        public static readonly Withheld Instance = new();

        private Withheld()
        {
        }
    }
}

/// <summary>
/// A Semantic Kernel function-invocation filter: times every triage call and writes one audit line with the prompt
/// version, the configured model, the outcome (ok, withheld, or the exception type), the duration and the token
/// counts the server reported. Never the prompt or the answer (ETH-11).
/// </summary>
public sealed class TriageAuditFilter(ILogger logger, TriageCallCounters counters, string promptVersion, string model) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        string outcome;
        try
        {
            await next(context).ConfigureAwait(false);
            outcome = context.Result.GetValue<object>() is RedactionCheckFilter.Withheld ? "withheld" : "ok";
        }
        catch (Exception e)
        {
            counters.Call();
            counters.Fail();
            TriageLog.Audited(logger, promptVersion, model, e is OperationCanceledException ? "cancelled" : e.GetType().Name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, 0);
            throw;
        }

        if (outcome == "ok")
        {
            counters.Call();
        }

        var usage = context.Result.Metadata is { } metadata && metadata.TryGetValue("Usage", out var u) ? u as ChatTokenUsage : null;
        TriageLog.Audited(logger, promptVersion, model, outcome, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);
    }
}
