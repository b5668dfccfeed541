using System.Text.Json;
using System.Text.Json.Nodes;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.State;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>One step of a waterfall: ask, or act on the previous step's result and move on.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);

/// <summary>
/// A dialog that runs its steps in order. A step usually sends a prompt and returns what the prompt
/// returned; when the prompt ends, the next step runs with <see cref="WaterfallStepContext.Result"/>
/// set to the prompt's result. After the last step the dialog ends with the last result.
/// The step index, <see cref="WaterfallStepContext.Values"/> and options are kept in the stack,
/// so a waterfall continues at the same step after a restart.
/// </summary>
public class WaterfallDialog : Dialog
{
    internal const string StepIndexKey = "stepIndex";
    internal const string ValuesKey = "values";
    internal const string OptionsKey = "options";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = steps?.ToList() ?? [];
    }

    public int StepCount => _steps.Count;

    /// <summary>Appends a step.</summary>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = ToNode(options);
        state[ValuesKey] = new JsonObject();
        return await RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>Non-message activities (typing, events) are ignored; a message goes to the next step as its result.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }

        return await ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = dc.ActiveDialog!.Get(StepIndexKey, 0);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step; override to observe or wrap steps.</summary>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken) =>
        _steps[stepContext.Index](stepContext, cancellationToken);

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var instance = dc.ActiveDialog!;
        instance.State[StepIndexKey] = index;
        if (instance.State[ValuesKey] is not JsonObject values)
        {
            values = [];
            instance.State[ValuesKey] = values;
        }

        instance.State.TryGetPropertyValue(OptionsKey, out var options);
        var stepContext = new WaterfallStepContext(this, dc, options, values, index, reason, result);
        return await OnStepAsync(stepContext, cancellationToken);
    }

    private static JsonNode? ToNode(object? options) => options switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(options, options.GetType(), BotState.JsonOptions),
    };
}

/// <summary>
/// What a waterfall step sees: the previous result, the dialog's options and values, and the whole
/// <see cref="DialogContext"/> API (begin, prompt, end, replace, cancel) for the stack it runs on.
/// </summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, JsonNode? options, JsonObject values, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, dc.State, dc.Parent)
    {
        _waterfall = waterfall;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>Why the step runs (begun, continued by a message, resumed by a child, skipped to).</summary>
    public DialogReason Reason { get; }

    /// <summary>
    /// The previous step's result: what the prompt or child dialog ended with (a <see cref="FoundChoice"/>,
    /// a bool, a number, <see cref="PromptNotRecognized"/>…), the user's text when the previous step
    /// returned <see cref="Dialog.EndOfTurn"/>, or what <see cref="NextAsync"/> was given. Null in the first step.
    /// </summary>
    public object? Result { get; }

    /// <summary>The options the waterfall was begun with, as JSON; see <see cref="GetOptions{T}"/>.</summary>
    public JsonNode? Options { get; }

    /// <summary>
    /// Values shared by the steps of this waterfall run, saved with the conversation:
    /// <c>step.Values["topic"] = "いじめ";</c>. Read them with <see cref="GetValue{T}"/>.
    /// </summary>
    public JsonObject Values { get; }

    /// <summary>The options the waterfall was begun with, read as <typeparamref name="T"/>.</summary>
    public T? GetOptions<T>() => Options is null ? default : Options.Deserialize<T>(BotState.JsonOptions);

    /// <summary>Reads a value stored in <see cref="Values"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public T? GetValue<T>(string key, T? defaultValue = default) =>
        Values.TryGetPropertyValue(key, out var node) && node is not null
            ? node.Deserialize<T>(BotState.JsonOptions)
            : defaultValue;

    /// <summary>Stores any JSON-serializable value in <see cref="Values"/>.</summary>
    public void SetValue<T>(string key, T value) =>
        Values[key] = value is null ? null : JsonSerializer.SerializeToNode(value, BotState.JsonOptions);

    /// <summary>Skips to the next step at once, with <paramref name="result"/> as its <see cref="Result"/>. Call it at most once per step.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException(
                $"WaterfallStepContext.NextAsync(): already called in step {Index} of '{_waterfall.Id}'. Call it once and return its result.");
        }

        _nextCalled = true;
        return _waterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
