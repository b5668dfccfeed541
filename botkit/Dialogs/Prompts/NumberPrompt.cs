using System.Numerics;
using System.Text.Json.Nodes;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// Asks for a number and ends with the first number in the answer: 「17」, 「１７」, 「17歳」, 「十七歳」,
/// "I'm 17". For integer types a fraction such as 「2.5」 is not an answer; a number out of the
/// type's range is not either.
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    private static readonly bool IsIntegral = T.IsZero(T.CreateTruncating(0.5m));

    protected override async Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (SelectPrompt(options, isRetry) is { } prompt)
        {
            await turnContext.SendActivityAsync(prompt, cancellationToken);
        }
    }

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Task.FromResult(Recognize(turnContext.Activity.Text));
    }

    internal static PromptRecognizerResult<T> Recognize(string? text)
    {
        if (NumberRecognizer.RecognizeFirst(text) is not { } number || (IsIntegral && !decimal.IsInteger(number)))
        {
            return PromptRecognizerResult<T>.Failure();
        }

        try
        {
            return PromptRecognizerResult<T>.Success(T.CreateChecked(number));
        }
        catch (OverflowException)
        {
            return PromptRecognizerResult<T>.Failure();
        }
    }
}
