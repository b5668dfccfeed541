using System.Text;
using System.Text.Json;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Handoff;

namespace ChatSupport.Domain.Tests.Handoff;

public sealed class HandoffTranscriptExcerptTests
{
    private static Activity Message(string text, string role = RoleTypes.User) =>
        new() { Type = ActivityTypes.Message, Id = Guid.NewGuid().ToString("N"), From = new ChannelAccount("x", "name", role), Text = text };

    [Fact]
    public void Only_messages_after_the_last_handoff_event_are_kept_as_flat_copies()
    {
        var earlier = Activity.CreateEvent(HandoffActivities.InitiateHandoff);
        earlier.Attachments = [new Attachment { Name = "Transcript", Content = JsonSerializer.SerializeToElement(new { activities = new[] { "old" } }) }];
        var withCard = Message("カードつき", RoleTypes.Bot);
        withCard.Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.hero", Content = JsonSerializer.SerializeToElement(new { title = "t" }) }];
        var history = new List<Activity>
        {
            Message("前の話"),
            earlier,
            Message("人と話したい"),
            Activity.CreateTyping(),
            withCard,
            Activity.CreateEvent("something"),
        };

        var excerpt = HandoffActivities.TranscriptExcerpt(history);

        Assert.Equal(new[] { "人と話したい", "カードつき" }, excerpt.Select(a => a.Text ?? string.Empty));
        Assert.All(excerpt, a => Assert.Null(a.Attachments));
        Assert.All(excerpt, a => Assert.Null(a.From!.Name));
    }

    [Fact]
    public void The_excerpt_is_capped_in_count_and_bytes_keeping_the_newest()
    {
        var many = Enumerable.Range(0, 500).Select(i => Message($"メッセージ{i}")).ToList();
        var counted = HandoffActivities.TranscriptExcerpt(many);
        Assert.Equal(HandoffActivities.TranscriptMaxActivities, counted.Count);
        Assert.Equal("メッセージ499", counted[^1].Text);

        var lengthy = Enumerable.Range(0, 40).Select(i => Message(new string('あ', 5000) + i)).ToList();
        var bounded = HandoffActivities.TranscriptExcerpt(lengthy);
        Assert.NotEmpty(bounded);
        Assert.True(bounded.Sum(a => Encoding.UTF8.GetByteCount(a.Text!)) <= HandoffActivities.TranscriptMaxTextBytes);
        Assert.All(bounded, a => Assert.True(a.Text!.Length <= HandoffActivities.TranscriptMaxTextLength + 1));
    }

    [Fact]
    public void A_counselor_message_keeps_its_sender_marker()
    {
        var reference = new ConversationReference { Conversation = new ConversationAccount("c"), ChannelId = "directline" };
        var counselor = HandoffActivities.CounselorMessage(reference, "こんばんは");
        var excerpt = HandoffActivities.TranscriptExcerpt([counselor]);
        Assert.True(HandoffActivities.IsFromCounselor(excerpt.Single()));
    }
}
