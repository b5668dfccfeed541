using System.Net;
using System.Net.Http.Json;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Domain.Activities;

namespace ChatSupport.Bot.Tests.Consultation;

public sealed class ConsultationOverDirectLineTests
{
    [Fact]
    public async Task A_first_message_of_danger_gets_110_or_119_and_a_24_hour_contact_among_the_replies_to_it()
    {
        using var factory = new ChatSupportFactory();
        var client = await DirectLineClient.StartAsync(factory);
        var id = await client.SayAsync("死にたい。今から飛び降りる");

        var replies = (await client.GetActivitiesAsync()).Activities.Where(a => a.ReplyToId == id).ToList();
        var all = string.Join("\n", replies.Select(r => r.Text)) + string.Join("\n", replies.SelectMany(r => r.Attachments ?? []).Select(a => a.Content?.GetRawText()));
        Assert.True(all.Contains("110", StringComparison.Ordinal) || all.Contains("119", StringComparison.Ordinal));
        Assert.Contains("0120-279-338", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_posted_without_starting_the_conversation_is_still_answered()
    {
        using var factory = new ChatSupportFactory();
        var http = factory.CreateClientWith(ChatSupportFactory.Secret);
        var generated = await (await http.PostAsync("/v3/directline/tokens/generate", null)).Content.ReadFromJsonAsync<Channels.DirectLine.DirectLineConversation>();
        var client = factory.CreateClientWith(generated!.Token);

        var post = await client.PostAsJsonAsync($"/v3/directline/conversations/{generated.ConversationId}/activities", new { type = "message", text = "死にたい。今から飛び降りる" });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var json = await client.GetStringAsync($"/v3/directline/conversations/{generated.ConversationId}/activities");
        Assert.Contains("119", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_restart_the_conversation_continues_at_the_same_dialog_step()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db");
        string conversationId;
        string token;
        using (var first = new ChatSupportFactory(path))
        {
            var client = await DirectLineClient.StartAsync(first);
            await client.SayAsync("相談先を知りたい");
            await client.SayAsync("いじめ");
            Assert.Contains("年代", (await client.BotMessagesAsync()).Last().Text, StringComparison.Ordinal);
            (conversationId, token) = (client.ConversationId!, client.Token!);
        }

        using var second = new ChatSupportFactory(path);
        var http = second.CreateClientWith(token);
        var sent = await http.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities", new { type = "message", text = "中3" });
        var id = (await sent.Content.ReadFromJsonAsync<ResourceResponse>())!.Id;
        var json = await http.GetStringAsync($"/v3/directline/conversations/{conversationId}/activities?watermark={id.Split('|')[1].TrimStart('0')}");
        Assert.Contains("都道府県", json, StringComparison.Ordinal);
        Assert.Contains("いじめ", await http.GetStringAsync($"/v3/directline/conversations/{conversationId}/activities"), StringComparison.Ordinal);
    }
}
