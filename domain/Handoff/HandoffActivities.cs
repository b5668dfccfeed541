using System.Text.Json;
using ChatSupport.Domain.Activities;
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

    public const string StateAccepted = "accepted";
    public const string StateFailed = "failed";
    public const string StateCompleted = "completed";

    /// <summary>channelData key of our own markers: <c>{"chatsupport":{"sender":"counselor"}}</c>.</summary>
    public const string ChannelDataKey = "chatsupport";
    public const string CounselorSender = "counselor";

    /// <summary>
    /// <c>handoff.initiate</c>: the context (risk level, categories, matched terms, reason, preference)
    /// as the value, and the transcript so far as an attachment named "Transcript" (activity ids and texts).
    /// </summary>
    public static Activity Initiate(ConversationReference reference, HandoffSession session, IEnumerable<Activity> transcript)
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
                Content = JsonSerializer.SerializeToElement(new { activities = transcript.ToList() }, ActivityJson.Options),
            },
        ];
        return activity;
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
