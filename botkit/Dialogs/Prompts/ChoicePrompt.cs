using System.Text.Json.Nodes;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// Asks the person to pick one of <see cref="PromptOptions.Choices"/> and ends with a
/// <see cref="FoundChoice"/>. Accepts a button press, the option's text, a synonym, its number
/// (「2」「２番」「2つ目」"second") and, unless turned off, a partial match; see <see cref="ChoiceRecognizer"/>.
/// </summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    /// <summary>How options are shown when <see cref="PromptOptions.Style"/> is not set. Default: suggested actions.</summary>
    public ListStyle Style { get; set; } = ListStyle.SuggestedAction;

    /// <summary>Which kinds of answers count.</summary>
    public ChoiceRecognizerOptions RecognizerOptions { get; set; } = ChoiceRecognizerOptions.Default;

    protected override void OnValidateOptions(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Choices is not { Count: > 0 })
        {
            throw new ArgumentException($"ChoicePrompt '{Id}' needs PromptOptions.Choices with at least one Choice.", nameof(options));
        }
    }

    protected override async Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var prompt = ChoiceFactory.ForStyle(SelectPrompt(options, isRetry), options.Choices ?? [], options.Style ?? Style);
        await turnContext.SendActivityAsync(prompt, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(turnContext.Activity, options.Choices ?? [], RecognizerOptions);
        return Task.FromResult(found is null
            ? PromptRecognizerResult<FoundChoice>.Failure()
            : PromptRecognizerResult<FoundChoice>.Success(found));
    }
}
