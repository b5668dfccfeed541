using System.Text.Json.Nodes;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// The loop every prompt shares: ask, recognize the answer, validate it, ask again with the retry
/// prompt, and end with the value. A concrete prompt only says how to ask (<see cref="OnPromptAsync"/>)
/// and how to read an answer (<see cref="OnRecognizeAsync"/>). Begin it with
/// <see cref="DialogContext.PromptAsync"/> and <see cref="PromptOptions"/>.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string StateKey = "state";
    private const string AttemptCountKey = "attemptCount";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    /// <summary>The locale used when the activity has none (for button titles and recognizers). Default "ja-JP".</summary>
    public string DefaultLocale { get; set; } = "ja-JP";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException(
                $"Prompt '{Id}' must be begun with PromptOptions, e.g. dc.PromptAsync(\"{Id}\", PromptOptions.FromText(\"…\")).",
                nameof(options));
        }

        if (promptOptions.MaxAttempts is < 1)
        {
            throw new ArgumentException($"Prompt '{Id}': MaxAttempts must be at least 1 (or null for no limit).", nameof(options));
        }

        OnValidateOptions(promptOptions);
        var instance = dc.ActiveDialog!;
        instance.Set(OptionsKey, promptOptions);
        var state = new JsonObject { [AttemptCountKey] = 0 };
        instance.State[StateKey] = state;
        await OnPromptAsync(dc.Context, state, promptOptions, false, cancellationToken);
        return EndOfTurn;
    }

    /// <summary>Reads the answer. Activities other than messages are ignored and the prompt keeps waiting.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var options = ReadOptions(instance);
        var state = ReadState(instance);
        var attempt = (state[AttemptCountKey]?.GetValue<int>() ?? 0) + 1;
        state[AttemptCountKey] = attempt;

        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken);
        var sentBefore = SendCounter.Count(dc.Context);
        var isValid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempt), cancellationToken);

        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        if (options.MaxAttempts is { } max && attempt >= max)
        {
            return await dc.EndDialogAsync(new PromptNotRecognized(Id, attempt, dc.Context.Activity.Text), cancellationToken);
        }

        // A validator that sent its own explanation replaces the retry prompt.
        if (SendCounter.Count(dc.Context) == sentBefore)
        {
            await OnPromptAsync(dc.Context, state, options, true, cancellationToken);
        }

        return EndOfTurn;
    }

    /// <summary>Something pushed on top of the prompt has ended: ask again and keep waiting.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, ReadState(instance), ReadOptions(instance), false, cancellationToken);
    }

    /// <summary>Sends the question (<paramref name="isRetry"/>: after an answer that did not do).</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

    /// <summary>Reads the answer in <c>turnContext.Activity</c>.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>Checks the options when the prompt begins; throw an <see cref="ArgumentException"/> naming the fix.</summary>
    protected virtual void OnValidateOptions(PromptOptions options)
    {
    }

    /// <summary>A copy of the prompt (or retry prompt) to send, or null when there is none.</summary>
    protected static Activity? SelectPrompt(PromptOptions options, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry ? options.RetryPrompt ?? options.Prompt : options.Prompt;
        return activity?.Clone();
    }

    /// <summary>The language of this turn ("ja", "en" …): the activity's locale, else <see cref="DefaultLocale"/>.</summary>
    protected string Language(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var locale = string.IsNullOrWhiteSpace(turnContext.Activity.Locale) ? DefaultLocale : turnContext.Activity.Locale;
        var dash = locale.IndexOfAny(['-', '_']);
        return (dash > 0 ? locale[..dash] : locale).ToLowerInvariant();
    }

    private PromptOptions ReadOptions(DialogInstance instance) =>
        instance.Get<PromptOptions>(OptionsKey)
        ?? throw new InvalidOperationException($"Prompt '{Id}': the saved stack entry has no options. Begin prompts with DialogContext.PromptAsync.");

    private static JsonObject ReadState(DialogInstance instance)
    {
        if (instance.State[StateKey] is JsonObject state)
        {
            return state;
        }

        state = new JsonObject { [AttemptCountKey] = 0 };
        instance.State[StateKey] = state;
        return state;
    }
}

/// <summary>Counts the activities sent in a turn, so a prompt can tell whether its validator answered.</summary>
internal static class SendCounter
{
    private const string Key = "ChatSupport.Dialogs.SendCounter";

    public static int Count(ITurnContext turnContext)
    {
        var counter = turnContext.TurnState.Get<Counter>(Key);
        if (counter is null)
        {
            counter = new Counter();
            turnContext.TurnState.Set(Key, counter);
            turnContext.OnSendActivities(async (context, activities, next) =>
            {
                var responses = await next();
                counter.Value += activities.Count;
                return responses;
            });
        }

        return counter.Value;
    }

    private sealed class Counter
    {
        public int Value { get; set; }
    }
}
