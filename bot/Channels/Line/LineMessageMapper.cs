using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatSupport.BotKit.Activities;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>
/// Turns the bot's activities into LINE message objects (<c>Message</c> of the project's LINE contract,
/// tools/ChatSupport.LineSimulator/line-contract.yaml): text
/// becomes text messages, hero cards become Flex bubbles (a carousel when there are several) with
/// tel: and https: URI buttons, suggested actions become quick replies on the activity's last
/// message. LINE's documented limits (the contract states the same numbers) are applied here, never left to the API.
/// </summary>
public static class LineMessageMapper
{
    public const int MaxMessagesPerCall = 5;
    public const int MaxQuickReplyItems = 13;
    public const int MaxTextLength = 5000;
    public const int MaxBubblesPerCarousel = 12;
    public const int MaxAltTextLength = 400;
    public const int MaxQuickReplyLabelLength = 20;
    public const int MaxButtonLabelLength = 40;
    public const int MaxPostbackDataLength = 300;
    public const int MaxMessageActionTextLength = 300;

    /// <summary>Shown with quick replies when the activity itself has no text.</summary>
    public static string ChooseText { get; set; } = BotTexts.Default.Get("channel.choose", false);

    /// <summary>The LINE messages for one activity, in order; empty for activities that show nothing.</summary>
    public static List<JsonObject> ToMessages(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var messages = new List<JsonObject>();
        if (!activity.IsType(ActivityTypes.Message))
        {
            return messages;
        }

        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            foreach (var part in SplitText(activity.Text, MaxTextLength))
            {
                messages.Add(new JsonObject { ["type"] = "text", ["text"] = part });
            }
        }

        var bubbles = (activity.Attachments ?? [])
            .Where(a => a.ContentType == AttachmentContentTypes.HeroCard && a.Content is { ValueKind: JsonValueKind.Object })
            .Select(a => a.Content!.Value.Deserialize<HeroCard>(ActivityJson.Options))
            .Where(card => card is not null)
            .Select(card => (Card: card!, Bubble: Bubble(card!)))
            .Where(x => x.Bubble is not null)
            .ToList();
        for (var start = 0; start < bubbles.Count; start += MaxBubblesPerCarousel)
        {
            var group = bubbles.Skip(start).Take(MaxBubblesPerCarousel).ToList();
            JsonNode contents = group.Count == 1
                ? group[0].Bubble!
                : new JsonObject { ["type"] = "carousel", ["contents"] = new JsonArray([.. group.Select(g => (JsonNode)g.Bubble!)]) };
            var alt = string.Join(" / ", group.Select(g => g.Card.Title).Where(t => !string.IsNullOrWhiteSpace(t)));
            messages.Add(new JsonObject
            {
                ["type"] = "flex",
                ["altText"] = Truncate(string.IsNullOrWhiteSpace(alt) ? activity.Text ?? ChooseText : alt, MaxAltTextLength),
                ["contents"] = contents,
            });
        }

        var items = (activity.SuggestedActions?.Actions ?? [])
            .Select(a => Action(a, MaxQuickReplyLabelLength))
            .Where(a => a is not null)
            .Take(MaxQuickReplyItems)
            .Select(a => (JsonNode)new JsonObject { ["type"] = "action", ["action"] = a })
            .ToList();
        if (items.Count > 0)
        {
            if (messages.Count == 0)
            {
                messages.Add(new JsonObject { ["type"] = "text", ["text"] = ChooseText });
            }

            messages[^1]["quickReply"] = new JsonObject { ["items"] = new JsonArray([.. items]) };
        }

        return messages;
    }

    /// <summary>The messages of several activities, in calls of at most five messages.</summary>
    public static List<JsonArray> ToCalls(IEnumerable<Activity> activities)
    {
        var all = activities.SelectMany(ToMessages).ToList();
        var calls = new List<JsonArray>();
        for (var start = 0; start < all.Count; start += MaxMessagesPerCall)
        {
            calls.Add(new JsonArray([.. all.Skip(start).Take(MaxMessagesPerCall).Select(m => (JsonNode)m)]));
        }

        return calls;
    }

    /// <summary>A LINE action for a Bot Framework card action, or null when LINE cannot show it (an unsafe URI scheme, no title).</summary>
    public static JsonObject? Action(CardAction action, int maxLabel)
    {
        ArgumentNullException.ThrowIfNull(action);
        var title = action.Title ?? ValueText(action);
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var label = Truncate(title, maxLabel);
        var value = ValueText(action) ?? title;
        switch (action.Type)
        {
            case ActionTypes.OpenUrl:
            case ActionTypes.Call:
                var uri = action.Type == ActionTypes.Call && !value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? "tel:" + value : value;
                return IsAllowedUri(uri) ? new JsonObject { ["type"] = "uri", ["label"] = label, ["uri"] = uri } : null;
            case ActionTypes.PostBack:
            case ActionTypes.MessageBack:
                return new JsonObject
                {
                    ["type"] = "postback",
                    ["label"] = label,
                    ["data"] = Truncate(value, MaxPostbackDataLength),
                    ["displayText"] = Truncate(action.DisplayText ?? title, MaxMessageActionTextLength),
                };
            default:
                return new JsonObject { ["type"] = "message", ["label"] = label, ["text"] = Truncate(value, MaxMessageActionTextLength) };
        }
    }

    /// <summary>A Flex bubble for a hero card: title, status, details, and one button per card action.</summary>
    public static JsonObject? Bubble(HeroCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var body = new JsonArray();
        if (!string.IsNullOrWhiteSpace(card.Title))
        {
            body.Add(new JsonObject { ["type"] = "text", ["text"] = card.Title, ["weight"] = "bold", ["size"] = "md", ["wrap"] = true });
        }

        if (!string.IsNullOrWhiteSpace(card.Subtitle))
        {
            body.Add(new JsonObject { ["type"] = "text", ["text"] = card.Subtitle, ["size"] = "sm", ["color"] = "#1D6F42", ["wrap"] = true });
        }

        if (!string.IsNullOrWhiteSpace(card.Text))
        {
            body.Add(new JsonObject { ["type"] = "text", ["text"] = card.Text, ["size"] = "sm", ["color"] = "#555555", ["wrap"] = true });
        }

        var buttons = new JsonArray();
        foreach (var button in card.Buttons ?? [])
        {
            if (Action(button, MaxButtonLabelLength) is { } action)
            {
                buttons.Add(new JsonObject { ["type"] = "button", ["style"] = buttons.Count == 0 ? "primary" : "secondary", ["height"] = "sm", ["action"] = action });
            }
        }

        if (body.Count == 0 && buttons.Count == 0)
        {
            return null;
        }

        var bubble = new JsonObject { ["type"] = "bubble" };
        if (body.Count > 0)
        {
            bubble["body"] = new JsonObject { ["type"] = "box", ["layout"] = "vertical", ["spacing"] = "sm", ["contents"] = body };
        }

        if (buttons.Count > 0)
        {
            bubble["footer"] = new JsonObject { ["type"] = "box", ["layout"] = "vertical", ["spacing"] = "sm", ["contents"] = buttons };
        }

        return bubble;
    }

    /// <summary>Only https:, http:, tel: and line: links are offered to the person.</summary>
    public static bool IsAllowedUri(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
        && (parsed.Scheme is "https" or "http" or "tel" or "line");

    private static string? ValueText(CardAction action) => action.Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => null,
        { } v => v.GetRawText(),
        null => null,
    };

    /// <summary>Cuts at a text-element boundary so no surrogate pair or combined character is broken.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var builder = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (builder.Length + element.Length > max - 1)
            {
                break;
            }

            builder.Append(element);
        }

        return builder.Append('…').ToString();
    }

    private static IEnumerable<string> SplitText(string text, int max)
    {
        var start = 0;
        while (text.Length - start > max)
        {
            var cut = start + max;
            if (char.IsLowSurrogate(text[cut]))
            {
                cut--;
            }

            yield return text[start..cut];
            start = cut;
        }

        yield return text[start..];
    }
}
