using ChatSupport.BotKit.Activities;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>Renders a prompt message with its options in a <see cref="ListStyle"/>.</summary>
public static class ChoiceFactory
{
    /// <summary>
    /// A copy of <paramref name="prompt"/> (or an empty message) with the options added in the
    /// given style. The prompt itself is not changed.
    /// </summary>
    public static Activity ForStyle(Activity? prompt, IReadOnlyList<Choice> choices, ListStyle style)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var activity = prompt?.Clone() ?? Activity.CreateMessage();
        activity.Type ??= ActivityTypes.Message;
        switch (style)
        {
            case ListStyle.SuggestedAction:
                activity.SuggestedActions = new SuggestedActions { Actions = ToActions(choices) };
                break;
            case ListStyle.HeroCard:
                var card = new HeroCard { Text = activity.Text, Buttons = ToActions(choices) };
                activity.Text = null;
                activity.Attachments = [.. activity.Attachments ?? [], card.ToAttachment()];
                break;
            case ListStyle.List:
                var lines = choices.Select((c, i) => $"{i + 1}. {Title(c)}");
                activity.Text = string.IsNullOrEmpty(activity.Text)
                    ? string.Join('\n', lines)
                    : activity.Text + "\n\n" + string.Join('\n', lines);
                break;
            case ListStyle.None:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown list style.");
        }

        return activity;
    }

    /// <summary>One button per option: the option's own <see cref="Choice.Action"/>, or an imBack button that sends the option's text.</summary>
    public static List<CardAction> ToActions(IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return [.. choices.Select(c => c.Action ?? CardAction.ImBack(c.Value, c.Value))];
    }

    private static string Title(Choice choice) => choice.Action?.Title ?? choice.Value;
}
