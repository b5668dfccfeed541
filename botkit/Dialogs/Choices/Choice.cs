using System.Text.Json.Serialization;
using ChatSupport.BotKit.Activities;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>One option of a <see cref="ChoicePrompt"/>.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value, params string[] synonyms)
    {
        Value = value;
        Synonyms = synonyms.Length > 0 ? [.. synonyms] : null;
    }

    /// <summary>The option's text: the button title and the value returned in <see cref="FoundChoice.Value"/>.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Other words that pick this option (「いじめ」 for 「いじめのこと」, "bullying" …).</summary>
    public List<string>? Synonyms { get; set; }

    /// <summary>The button to render instead of the default imBack button (a postBack with its own value, say).</summary>
    public CardAction? Action { get; set; }
}

/// <summary>The option a person picked.</summary>
/// <param name="Value">The picked <see cref="Choice.Value"/>.</param>
/// <param name="Index">Its zero-based position in the list.</param>
/// <param name="Score">How sure the match is, 0..1: 1 for a button, the exact text or the number; less for partial matches.</param>
/// <param name="Synonym">The option text or synonym that matched (normalized).</param>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym = null);

/// <summary>How a prompt shows its options.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListStyle>))]
public enum ListStyle
{
    /// <summary>Suggested-action buttons under the message (Web Chat) / quick replies (LINE). The default.</summary>
    SuggestedAction,

    /// <summary>A hero card with one button per option.</summary>
    HeroCard,

    /// <summary>A numbered list in the message text.</summary>
    List,

    /// <summary>Nothing: the prompt text already names the options.</summary>
    None,
}
