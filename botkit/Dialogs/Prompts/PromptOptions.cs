using System.Text.Json;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// What a prompt asks and how. Saved on the dialog stack as JSON, so everything here must be plain
/// data (activities, choices, JSON): a prompt asked before a restart is answered after it.
/// </summary>
public sealed class PromptOptions
{
    /// <summary>The question.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Sent instead of <see cref="Prompt"/> after an answer that was not understood or not valid; defaults to <see cref="Prompt"/>.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>The options of a <see cref="ChoicePrompt"/>.</summary>
    public List<Choice>? Choices { get; set; }

    /// <summary>How to show <see cref="Choices"/>; defaults to the prompt's own style (suggested actions).</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Data for a custom validator (a range, a pattern …), read from <see cref="PromptValidatorContext{T}.Options"/>.</summary>
    public JsonElement? Validations { get; set; }

    /// <summary>
    /// After this many answers that were not understood or not valid, the prompt stops asking and
    /// ends with <see cref="PromptNotRecognized"/>, so the caller can offer something else (the menu,
    /// a person). Null (the default) asks until it gets an answer.
    /// </summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Options with a text question (and, if given, a text retry).</summary>
    public static PromptOptions FromText(string prompt, string? retryPrompt = null) => new()
    {
        Prompt = Activity.CreateMessage(prompt),
        RetryPrompt = retryPrompt is null ? null : Activity.CreateMessage(retryPrompt),
    };
}

/// <summary>
/// The result a prompt ends with when <see cref="PromptOptions.MaxAttempts"/> answers in a row were
/// not understood: check for it in the next waterfall step (<c>step.Result is PromptNotRecognized</c>).
/// </summary>
/// <param name="PromptId">The prompt that gave up.</param>
/// <param name="Attempts">How many answers it got.</param>
/// <param name="LastText">The last answer's text, for a caller that wants to keep listening. Never log it.</param>
public sealed record PromptNotRecognized(string PromptId, int Attempts, string? LastText);

/// <summary>What a prompt's recognizer made of an answer.</summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T? Value { get; set; }

    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };

    public static PromptRecognizerResult<T> Failure() => new();
}

/// <summary>Checks a recognized answer; return false to ask again (send your own message first to replace the retry prompt).</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

/// <summary>What a <see cref="PromptValidator{T}"/> sees.</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
    {
        Context = context;
        Recognized = recognized;
        Options = options;
        AttemptCount = attemptCount;
    }

    public ITurnContext Context { get; }

    /// <summary>The recognizer's result; check <see cref="PromptRecognizerResult{T}.Succeeded"/> first.</summary>
    public PromptRecognizerResult<T> Recognized { get; }

    public PromptOptions Options { get; }

    /// <summary>How many answers the prompt has received, this one included (1 on the first answer).</summary>
    public int AttemptCount { get; }
}
