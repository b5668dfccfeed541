using System.Net;
using System.Net.Http.Json;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.TestSupport;

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
    public async Task A_person_writing_in_English_reads_every_step_of_the_handoff_in_English()
    {
        using var factory = new ChatSupportFactory();
        await Handoff.ConsoleClient.AddAccountAsync(factory, "tanaka", "counselor");
        var counselor = await Handoff.ConsoleClient.SignInAsync(factory, "tanaka");
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync("English");
        await person.SayAsync("talk to a person");
        var first = await person.BotMessagesAsync();
        Assert.True(first.Exists(m => m.Text!.Contains("connect you to a counselor", StringComparison.Ordinal)), string.Join("\n---\n", first.Select(m => m.Text)));
        Assert.DoesNotContain(first.Skip(2), m => m.Text!.Contains("毎日", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await counselor.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null)).StatusCode);
        Assert.Contains(await person.BotMessagesAsync(m => m.Text!.Contains("connected to a counselor", StringComparison.Ordinal)), m => m.Text!.StartsWith("You are now connected", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await counselor.PostAsync($"/api/console/conversations/{person.ConversationId}/end", null)).StatusCode);
        var after = await person.BotMessagesAsync(m => m.Text!.Contains("end of the conversation with the counselor", StringComparison.Ordinal));
        Assert.DoesNotContain(after, m => m.Text!.Contains("相談員との会話はここまで", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_consultation_bot_hands_over_to_a_counselor_and_asks_one_feedback_question_when_it_resumes()
    {
        using var factory = new ChatSupportFactory();
        await Handoff.ConsoleClient.AddAccountAsync(factory, "tanaka", "counselor");
        var counselor = await Handoff.ConsoleClient.SignInAsync(factory, "tanaka");
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync("人と話したい");
        Assert.Contains(await person.BotMessagesAsync(), m => m.Text!.Contains("相談員（人）につなぎます", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await counselor.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null)).StatusCode);
        var before = (await person.BotMessagesAsync()).Count;
        await person.SayAsync("学校に行けなくて");
        Assert.Equal(before, (await person.BotMessagesAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, (await counselor.PostAsJsonAsync($"/api/console/conversations/{person.ConversationId}/messages", new { text = "教えてくれてありがとう。" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await counselor.PostAsync($"/api/console/conversations/{person.ConversationId}/end", null)).StatusCode);

        // The bot takes the conversation back in a turn of its own, after the closing message.
        var after = await person.BotMessagesAsync(m => m.Text!.Contains("役に立ちましたか", StringComparison.Ordinal));
        Assert.Contains(after, m => m.Text == "教えてくれてありがとう。");
        var closing = after.FindIndex(m => m.Text!.Contains("相談員との会話はここまでです", StringComparison.Ordinal));
        var feedback = after.FindIndex(m => m.Text!.Contains("役に立ちましたか", StringComparison.Ordinal));
        Assert.InRange(closing, 0, feedback - 1);

        await person.SayAsync("役に立った");
        var last = await person.BotMessagesAsync();
        Assert.Contains(last, m => m.Text!.Contains("教えてくれて、ありがとう", StringComparison.Ordinal));
        Assert.True(last[^1].SuggestedActions!.Actions.Exists(a => a.Title == "相談先を知りたい"));
    }

    [Fact]
    public async Task A_critical_message_puts_the_conversation_first_in_the_counselors_queue()
    {
        using var factory = new ChatSupportFactory();
        await Handoff.ConsoleClient.AddAccountAsync(factory, "sato", "supervisor");
        var calm = await DirectLineClient.StartAsync(factory);
        await calm.SayAsync("人と話したい");
        var danger = await DirectLineClient.StartAsync(factory);
        await danger.SayAsync("もう無理。今から薬を全部飲む");

        var supervisor = await Handoff.ConsoleClient.SignInAsync(factory, "sato");
        var queue = await (await supervisor.GetAsync("/api/console/queue")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var items = queue.EnumerateArray().ToList();
        Assert.Equal(danger.ConversationId, items[0].GetProperty("conversationId").GetString());
        Assert.Equal("critical", items[0].GetProperty("priority").GetString());
        Assert.Contains(items, i => i.GetProperty("conversationId").GetString() == calm.ConversationId);
    }

    [Fact]
    public async Task Danger_while_waiting_for_a_counselor_gets_the_crisis_reply_at_once_and_raises_the_queue_priority()
    {
        using var factory = new ChatSupportFactory();
        await Handoff.ConsoleClient.AddAccountAsync(factory, "sato", "supervisor");
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync("人と話したい");
        var supervisor = await Handoff.ConsoleClient.SignInAsync(factory, "sato");
        var before = await (await supervisor.GetAsync("/api/console/queue")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("none", before.EnumerateArray().Single().GetProperty("priority").GetString());

        var id = await person.SayAsync("もう待てない。今から飛び降りる");

        var replies = (await person.GetActivitiesAsync()).Activities.Where(a => a.ReplyToId == id).ToList();
        Assert.Contains(replies, r => r.Text!.Contains("119", StringComparison.Ordinal));
        var after = await (await supervisor.GetAsync("/api/console/queue")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var item = after.EnumerateArray().Single();
        Assert.Equal(person.ConversationId, item.GetProperty("conversationId").GetString());
        Assert.Equal("critical", item.GetProperty("priority").GetString());

        // The next message while waiting goes to the console AND gets an answer (never silent): here the safety
        // question once more, since it was not answered; never the menu.
        var ordinary = await person.SayAsync("まだかな");
        var answer = Assert.Single((await person.GetActivitiesAsync()).Activities, a => a.ReplyToId == ordinary && a.Type == ActivityTypes.Message);
        Assert.Contains("安全", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(answer.SuggestedActions!.Actions, a => a.Title == "相談先を知りたい");
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
        // The age was the last thing find-support needed: the services come.
        Assert.Contains("24時間子供SOSダイヤル", json, StringComparison.Ordinal);
        Assert.Contains("いじめ", await http.GetStringAsync($"/v3/directline/conversations/{conversationId}/activities"), StringComparison.Ordinal);
    }
}
