using System.Text.Json.Nodes;
using ChatSupport.BotKit.Text;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// Asks a yes/no question with two buttons and ends with a bool. Understands, in Japanese and
/// English whatever the locale: はい/うん/ええ/そう/いいよ/お願いします/OK/yes/y/yeah/sure and
/// いいえ/ううん/いや/違う/結構です/no/n/nope, the button titles, and 1/2 for the buttons. Answers
/// that are ambiguous in Japanese (「いいです」「大丈夫」 can mean yes or no thanks) are not guessed:
/// the prompt asks again.
/// </summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    /// <summary>Recognized as yes (normalized with <see cref="TextNormalizer"/>, so katakana and full-width forms match too).</summary>
    public static IReadOnlyList<string> YesWords { get; } =
    [
        "はい", "うん", "ええ", "そう", "そうです", "そうだよ", "そうだね", "いいよ", "いいですよ", "お願いします", "おねがいします",
        "お願い", "はいお願いします", "もちろん", "了解", "了解です", "りょうかい", "わかった", "分かった", "オッケー", "おけ",
        "ok", "okay", "yes", "y", "yeah", "yep", "sure",
    ];

    /// <summary>Recognized as no.</summary>
    public static IReadOnlyList<string> NoWords { get; } =
    [
        "いいえ", "ううん", "いや", "いえ", "いやだ", "やだ", "違う", "ちがう", "違います", "ちがいます", "結構です", "けっこうです",
        "いらない", "no", "n", "nope", "nah", "no thanks",
    ];

    /// <summary>Button titles per language; the prompt's language picks one pair, else "ja".</summary>
    public Dictionary<string, (string Yes, string No)> ButtonTitles { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ja"] = ("はい", "いいえ"),
        ["en"] = ("Yes", "No"),
    };

    /// <summary>How the two buttons are shown when <see cref="PromptOptions.Style"/> is not set. Default: suggested actions.</summary>
    public ListStyle Style { get; set; } = ListStyle.SuggestedAction;

    protected override async Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var prompt = ChoiceFactory.ForStyle(SelectPrompt(options, isRetry), ButtonChoices(turnContext), options.Style ?? Style);
        await turnContext.SendActivityAsync(prompt, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var buttons = ButtonChoices(turnContext);
        Choice[] choices =
        [
            new(buttons[0].Value, [.. YesWords, .. ButtonTitles.Values.Select(t => t.Yes)]),
            new(buttons[1].Value, [.. NoWords, .. ButtonTitles.Values.Select(t => t.No)]),
        ];
        var found = ChoiceRecognizer.Recognize(turnContext.Activity, choices, new ChoiceRecognizerOptions { AllowPartialMatch = false });
        return Task.FromResult(found is null
            ? PromptRecognizerResult<bool>.Failure()
            : PromptRecognizerResult<bool>.Success(found.Index == 0));
    }

    private List<Choice> ButtonChoices(ITurnContext turnContext)
    {
        var (yes, no) = ButtonTitles.TryGetValue(Language(turnContext), out var titles) ? titles
            : ButtonTitles.TryGetValue("ja", out var ja) ? ja
            : ("はい", "いいえ");
        return [new Choice(yes), new Choice(no)];
    }
}
