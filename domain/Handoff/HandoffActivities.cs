using System.Text.Json;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// The Bot Framework handoff protocol's event activities (names as in Bot Builder's
/// HandoffEventNames: <c>handoff.initiate</c>, <c>handoff.status</c>) and our sender marker for
/// counselor messages, so a transcript reader can tell bot and counselor apart.
/// </summary>
public static class HandoffActivities
{
    public const string InitiateHandoff = "handoff.initiate";
    public const string HandoffStatus = "handoff.status";

    /// <summary>Our own event in the transcript: the person left with the quick-exit button (never sent to anyone).</summary>
    public const string PersonLeftEvent = "chatsupport.personLeft";

    public const string StateAccepted = "accepted";
    public const string StateFailed = "failed";
    public const string StateCompleted = "completed";

    /// <summary>channelData key of our own markers: <c>{"chatsupport":{"sender":"counselor"}}</c>.</summary>
    public const string ChannelDataKey = "chatsupport";
    public const string CounselorSender = "counselor";

    /// <summary>At most this many activities travel in a <c>handoff.initiate</c> transcript attachment.</summary>
    public const int TranscriptMaxActivities = 50;

    /// <summary>At most this many UTF-8 bytes of text travel in a <c>handoff.initiate</c> transcript attachment.</summary>
    public const int TranscriptMaxTextBytes = 16 * 1024;

    /// <summary>One message's text is cut at this many characters inside the attachment (the transcript keeps it whole).</summary>
    public const int TranscriptMaxTextLength = 2000;

    /// <summary>
    /// <c>handoff.initiate</c>: the context (risk level, categories, matched terms, reason, preference)
    /// as the value, and an attachment named "Transcript" holding <see cref="TranscriptExcerpt"/> of
    /// <paramref name="history"/>: the messages the person saw or wrote since the last handoff, bounded.
    /// </summary>
    public static Activity Initiate(ConversationReference reference, HandoffSession session, IEnumerable<Activity> history)
    {
        var context = new
        {
            riskLevel = session.Priority.ToWire(),
            reason = session.Reason.ToString(),
            categories = session.Categories.Select(c => c.ToWire()).ToArray(),
            matchedTerms = session.MatchedTerms,
            preference = session.Preference,
        };
        var activity = reference.CreateMessage();
        activity.Type = ActivityTypes.Event;
        activity.Name = InitiateHandoff;
        activity.Value = JsonSerializer.SerializeToElement(context, ActivityJson.Options);
        activity.Attachments =
        [
            new Attachment
            {
                ContentType = "application/json",
                Name = "Transcript",
                Content = JsonSerializer.SerializeToElement(new { activities = TranscriptExcerpt(history) }, ActivityJson.Options),
            },
        ];
        return activity;
    }

    /// <summary>
    /// The person-visible messages after the last handoff event of <paramref name="history"/> (oldest first),
    /// newest kept when over <see cref="TranscriptMaxActivities"/> or <see cref="TranscriptMaxTextBytes"/>.
    /// Each is a fresh, flat copy (type, id, time, sender, text, the counselor marker): never attachments,
    /// values or earlier transcripts, so repeated handoffs cannot copy copies and the store grows linearly.
    /// </summary>
    public static IReadOnlyList<Activity> TranscriptExcerpt(IEnumerable<Activity> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var all = history as IReadOnlyList<Activity> ?? history.ToList();
        var start = 0;
        for (var i = all.Count - 1; i >= 0; i--)
        {
            if (all[i].IsType(ActivityTypes.Event) && all[i].Name is InitiateHandoff or HandoffStatus)
            {
                start = i + 1;
                break;
            }
        }

        var kept = new List<Activity>();
        var bytes = 0;
        for (var i = all.Count - 1; i >= start && kept.Count < TranscriptMaxActivities; i--)
        {
            var source = all[i];
            if (!source.IsType(ActivityTypes.Message) || string.IsNullOrEmpty(source.Text))
            {
                continue;
            }

            var text = source.Text.Length > TranscriptMaxTextLength ? source.Text[..TranscriptMaxTextLength] + "…" : source.Text;
            bytes += System.Text.Encoding.UTF8.GetByteCount(text);
            if (bytes > TranscriptMaxTextBytes)
            {
                break;
            }

            var copy = new Activity
            {
                Type = ActivityTypes.Message,
                Id = source.Id,
                Timestamp = source.Timestamp,
                From = source.From is null ? null : new ChannelAccount(source.From.Id ?? string.Empty, null, source.From.Role),
                Text = text,
            };
            if (IsFromCounselor(source))
            {
                copy.ChannelData = JsonSerializer.SerializeToElement(
                    new Dictionary<string, object> { [ChannelDataKey] = new { sender = CounselorSender } }, ActivityJson.Options);
            }

            kept.Add(copy);
        }

        kept.Reverse();
        return kept;
    }

    /// <summary><c>handoff.status</c> with <c>{"state": "accepted|failed|completed", "message": …}</c>.</summary>
    public static Activity Status(ConversationReference reference, string state, string? message = null)
    {
        var activity = reference.CreateMessage();
        activity.Type = ActivityTypes.Event;
        activity.Name = HandoffStatus;
        activity.Value = JsonSerializer.SerializeToElement(new { state, message }, ActivityJson.Options);
        return activity;
    }

    /// <summary>The transcript's record that the person left with the quick-exit button.</summary>
    public static Activity PersonLeft(ConversationReference reference)
    {
        var activity = reference.CreateMessage();
        activity.Type = ActivityTypes.Event;
        activity.Name = PersonLeftEvent;
        return activity;
    }

    public static bool IsPersonLeft(Activity activity) =>
        activity.IsType(ActivityTypes.Event) && activity.Name == PersonLeftEvent;

    /// <summary>A counselor's message to the person, marked so the transcript knows who wrote it.</summary>
    public static Activity CounselorMessage(ConversationReference reference, string text)
    {
        var activity = reference.CreateMessage(text);
        activity.ChannelData = JsonSerializer.SerializeToElement(
            new Dictionary<string, object> { [ChannelDataKey] = new { sender = CounselorSender } }, ActivityJson.Options);
        return activity;
    }

    public static bool IsFromCounselor(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(ChannelDataKey, out var ours)
        && ours.ValueKind == JsonValueKind.Object
        && ours.TryGetProperty("sender", out var sender)
        && sender.ValueKind == JsonValueKind.String
        && sender.GetString() == CounselorSender;
}
