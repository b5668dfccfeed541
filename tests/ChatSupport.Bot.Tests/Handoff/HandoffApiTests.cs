using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Handoff;
using ChatSupport.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Handoff;

public sealed class HandoffApiTests() : ConsoleHostTests(("sato", "counselor"), ("suzuki", "counselor"), ("boss", "supervisor"))
{
    [Fact]
    public async Task A_counselor_who_is_away_cannot_take_a_conversation_until_available_again()
    {
        var person = await DirectLineClient.StartAsync(App);
        await person.SayAsync(HandoffTestBot.AskForHuman);
        var sato = await ConsoleClient.SignInAsync(App, "sato");

        Assert.Equal(HttpStatusCode.NoContent, (await sato.PutAsJsonAsync("/api/console/me/status", new { status = "away" })).StatusCode);
        var refused = await sato.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("離席中", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await sato.PutAsJsonAsync("/api/console/me/status", new { status = "available" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sato.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null)).StatusCode);
    }

    [Fact]
    public async Task A_counselor_who_signed_out_or_closed_the_console_is_not_promised_to_the_person()
    {
        const string NobodyNow = "いまは対応できる相談員がいません";
        var sato = await ConsoleClient.SignInAsync(App, "sato");
        var boss = await ConsoleClient.SignInAsync(App, "boss");
        Assert.Equal(HttpStatusCode.NoContent, (await boss.PutAsJsonAsync("/api/console/me/status", new { status = "away" })).StatusCode);

        // Signed in and calling the console: on duty.
        var first = await DirectLineClient.StartAsync(App);
        await first.SayAsync(HandoffTestBot.AskForHuman);
        Assert.DoesNotContain(await first.BotMessagesAsync(), m => m.Text!.Contains(NobodyNow, StringComparison.Ordinal));

        // The console closed without 離席: after the presence window the status still says available, but nobody is promised.
        App.Clock.Advance(CounselorPresence.Window + TimeSpan.FromSeconds(5));
        var counselors = await (await boss.GetAsync("/api/console/dashboard")).JsonAsync();
        var satoRow = counselors.GetProperty("counselors").EnumerateArray().Single(c => c.GetProperty("user").GetString() == "sato");
        Assert.Equal("available", satoRow.GetProperty("status").GetString());
        Assert.False(satoRow.GetProperty("inConsole").GetBoolean());
        var second = await DirectLineClient.StartAsync(App);
        await second.SayAsync(HandoffTestBot.AskForHuman);
        Assert.Contains(await second.BotMessagesAsync(), m => m.Text!.Contains(NobodyNow, StringComparison.Ordinal));

        // Back in the console (any console call), then signing out: away, and nobody is promised again.
        Assert.Equal(HttpStatusCode.OK, (await sato.GetAsync("/api/console/me")).StatusCode);
        var third = await DirectLineClient.StartAsync(App);
        await third.SayAsync(HandoffTestBot.AskForHuman);
        Assert.DoesNotContain(await third.BotMessagesAsync(), m => m.Text!.Contains(NobodyNow, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await sato.DeleteAsync("/api/console/session")).StatusCode);
        var fourth = await DirectLineClient.StartAsync(App);
        await fourth.SayAsync(HandoffTestBot.AskForHuman);
        Assert.Contains(await fourth.BotMessagesAsync(), m => m.Text!.Contains(NobodyNow, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quick_exit_ends_a_wait_and_tells_the_counselor_who_holds_the_chat()
    {
        var sato = await ConsoleClient.SignInAsync(App, "sato");
        var boss = await ConsoleClient.SignInAsync(App, "boss");

        // Waiting: the chat leaves the queue (nobody would read a reply), and the audit log keeps why.
        var waiting = await DirectLineClient.StartAsync(App);
        await waiting.SayAsync(HandoffTestBot.AskForHuman);
        Assert.Contains((await (await sato.GetAsync("/api/console/queue")).JsonAsync()).EnumerateArray(), e => e.GetProperty("conversationId").GetString() == waiting.ConversationId);
        Assert.Equal(HttpStatusCode.NoContent, (await waiting.SendRawAsync(HttpMethod.Post, "/api/webchat/exit")).StatusCode);
        Assert.DoesNotContain((await (await sato.GetAsync("/api/console/queue")).JsonAsync()).EnumerateArray(), e => e.GetProperty("conversationId").GetString() == waiting.ConversationId);
        var audit = await (await boss.GetAsync($"/api/console/audit?conversationId={waiting.ConversationId}")).JsonAsync();
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.PersonLeft && e.GetProperty("detail").GetString() == "waiting");

        // Held: the counselor's transcript says the person left, so they do not write into a chat nobody reads.
        var held = await DirectLineClient.StartAsync(App);
        await held.SayAsync(HandoffTestBot.AskForHuman);
        await (await sato.PostAsync($"/api/console/conversations/{held.ConversationId}/claim", null)).JsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await held.SendRawAsync(HttpMethod.Post, "/api/webchat/exit")).StatusCode);
        var messages = await (await sato.GetAsync($"/api/console/conversations/{held.ConversationId}/messages")).JsonAsync();
        var last = messages.EnumerateArray().Last();
        Assert.Equal("system", last.GetProperty("from").GetString());
        Assert.Contains("すぐに閉じる", last.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/console/queue")]
    [InlineData("POST", "/api/console/conversations/abc/claim")]
    [InlineData("GET", "/api/console/conversations/abc/messages")]
    [InlineData("POST", "/api/console/conversations/abc/messages")]
    [InlineData("POST", "/api/console/conversations/abc/end")]
    [InlineData("GET", "/api/console/audit")]
    public async Task Anonymous_calls_get_401(string method, string path)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { text = "x" }) });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var forged = new HttpRequestMessage(new HttpMethod(method), path);
        forged.Headers.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task A_person_asks_for_a_human_a_counselor_takes_it_they_talk_the_counselor_ends_and_the_bot_resumes()
    {
        var sato = await ConsoleClient.SignInAsync(App, "sato");
        var person = await DirectLineClient.StartAsync(App);
        await person.SayAsync(HandoffTestBot.AskForHuman);
        Assert.Contains(await person.BotMessagesAsync(), m => m.Text!.Contains("相談員（人）につなぎます", StringComparison.Ordinal));

        var queue = await (await sato.GetAsync("/api/console/queue")).JsonAsync();
        var item = queue.EnumerateArray().Single(e => e.GetProperty("conversationId").GetString() == person.ConversationId);
        Assert.Equal("none", item.GetProperty("priority").GetString());
        Assert.Equal("directline", item.GetProperty("channel").GetString());
        Assert.True(item.GetProperty("waitingSince").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(HandoffTestBot.AskForHuman, item.GetProperty("preview").GetString());

        await (await sato.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null)).JsonAsync();
        Assert.Contains(await person.BotMessagesAsync(), m => m.Text == "相談員とつながりました。ここからは、人があなたのメッセージを読んで返事をします。");

        // While the counselor holds it the bot says nothing.
        var botCountBefore = (await person.BotMessagesAsync()).Count;
        await person.SayAsync("ずっと眠れなくて");
        Assert.Equal(botCountBefore, (await person.BotMessagesAsync()).Count);

        await (await sato.PostAsJsonAsync($"/api/console/conversations/{person.ConversationId}/messages", new { text = "話してくれてありがとう。いつ頃からですか？" })).JsonAsync();
        var delivered = (await person.BotMessagesAsync()).Last();
        Assert.Equal("話してくれてありがとう。いつ頃からですか？", delivered.Text);
        Assert.True(HandoffActivities.IsFromCounselor(delivered));

        var messages = await (await sato.GetAsync($"/api/console/conversations/{person.ConversationId}/messages")).JsonAsync();
        var lines = messages.EnumerateArray().Select(m => (From: m.GetProperty("from").GetString(), Text: m.GetProperty("text").GetString())).ToList();
        Assert.Contains(("user", "ずっと眠れなくて"), lines);
        Assert.Contains(("counselor", "話してくれてありがとう。いつ頃からですか？"), lines);
        Assert.Contains(lines, l => l.From == "bot");
        Assert.All(messages.EnumerateArray(), m => Assert.True(m.TryGetProperty("timestamp", out _)));

        await (await sato.PostAsync($"/api/console/conversations/{person.ConversationId}/end", null)).JsonAsync();
        Assert.Contains(await person.BotMessagesAsync(), m => m.Text!.Contains("ここからは、またボットがお話しします", StringComparison.Ordinal));
        await person.SayAsync("ありがとう");
        Assert.Equal("ボット: ありがとう", (await person.BotMessagesAsync()).Last().Text);

        // The handoff protocol events are in the transcript, but never sent to the person's client:
        // they carry the risk context and a transcript copy meant for counselors.
        Assert.DoesNotContain((await person.GetActivitiesAsync()).Activities, a => a.Name?.StartsWith("handoff.", StringComparison.Ordinal) == true);
        var stored = await App.Services.GetRequiredService<ChatSupport.Domain.Storage.ITranscriptStore>().ReadAsync(person.ConversationId!, 0, 1000);
        var events = stored.Select(e => e.Activity).Where(a => a.IsType(ActivityTypes.Event)).ToList();
        Assert.Contains(events, e => e.Name == "handoff.initiate");
        Assert.Equal(["accepted", "completed"], events.Where(e => e.Name == "handoff.status").Select(e => e.Value!.Value.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Two_counselors_take_at_once_one_gets_200_the_other_409_and_403_on_the_transcript()
    {
        var person = await DirectLineClient.StartAsync(App);
        await person.SayAsync(HandoffTestBot.CriticalText);
        var sato = await ConsoleClient.SignInAsync(App, "sato");
        var suzuki = await ConsoleClient.SignInAsync(App, "suzuki", bearer: true);

        var queue = await (await suzuki.GetAsync("/api/console/queue")).JsonAsync();
        var item = queue.EnumerateArray().Single(e => e.GetProperty("conversationId").GetString() == person.ConversationId);
        Assert.Equal("critical", item.GetProperty("priority").GetString());
        Assert.Equal("死にたい", item.GetProperty("matchedTerms")[0].GetString());

        var path = $"/api/console/conversations/{person.ConversationId}/claim";
        var answers = await Task.WhenAll(sato.PostAsync(path, null), suzuki.PostAsync(path, null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());

        var loser = answers[0].StatusCode == HttpStatusCode.OK ? suzuki : sato;
        var winner = ReferenceEquals(loser, sato) ? suzuki : sato;
        Assert.Equal(HttpStatusCode.Forbidden, (await loser.GetAsync($"/api/console/conversations/{person.ConversationId}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await loser.PostAsJsonAsync($"/api/console/conversations/{person.ConversationId}/messages", new { text = "横から" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await loser.PostAsync($"/api/console/conversations/{person.ConversationId}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await winner.GetAsync($"/api/console/conversations/{person.ConversationId}/messages")).StatusCode);

        var boss = await ConsoleClient.SignInAsync(App, "boss");
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync($"/api/console/conversations/{person.ConversationId}/messages")).StatusCode);
        var audit = await (await boss.GetAsync($"/api/console/audit?conversationId={person.ConversationId}")).JsonAsync();
        var actions = audit.EnumerateArray().Select(a => (a.GetProperty("actor").GetString(), a.GetProperty("action").GetString())).ToList();
        Assert.Contains(("boss", "observe"), actions);
        Assert.Contains(actions, a => a.Item2 == "denied");
        Assert.Contains(actions, a => a.Item2 == "claim");
        Assert.Equal(HttpStatusCode.Forbidden, (await winner.GetAsync("/api/console/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await winner.GetAsync("/api/console/dashboard")).StatusCode);

        var dashboard = await (await boss.GetAsync("/api/console/dashboard")).JsonAsync();
        Assert.Equal(1, dashboard.GetProperty("active").GetInt32());
    }

    [Fact]
    public async Task Bad_input_gets_clear_errors_and_changes_nothing()
    {
        var person = await DirectLineClient.StartAsync(App);
        await person.SayAsync(HandoffTestBot.AskForHuman);
        var sato = await ConsoleClient.SignInAsync(App, "sato");
        var id = person.ConversationId;

        // Not held yet: sending is a conflict, not a delivery.
        Assert.Equal(HttpStatusCode.Conflict, (await sato.PostAsJsonAsync($"/api/console/conversations/{id}/messages", new { text = "まだ" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sato.PostAsync("/api/console/conversations/nope/claim", null)).StatusCode);

        await (await sato.PostAsync($"/api/console/conversations/{id}/claim", null)).JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await sato.PostAsJsonAsync($"/api/console/conversations/{id}/messages", new { text = "   " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sato.PostAsJsonAsync($"/api/console/conversations/{id}/messages", new { text = new string('あ', 2001) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sato.PostAsync($"/api/console/conversations/{id}/messages", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.DoesNotContain(await person.BotMessagesAsync(), m => m.Text!.StartsWith("あああ", StringComparison.Ordinal));

        await (await sato.PostAsync($"/api/console/conversations/{id}/end", null)).JsonAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await sato.PostAsync($"/api/console/conversations/{id}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await sato.PostAsync($"/api/console/conversations/{id}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await sato.PostAsJsonAsync($"/api/console/conversations/{id}/messages", new { text = "遅れて" })).StatusCode);
        Assert.Single(await person.BotMessagesAsync(), m => m.Text!.Contains("ここからは、またボットがお話しします", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_person_can_cancel_while_waiting()
    {
        var person = await DirectLineClient.StartAsync(App);
        await person.SayAsync(HandoffTestBot.AskForHuman);
        await person.SayAsync("キャンセル");
        Assert.Contains("待つのをやめました", (await person.BotMessagesAsync()).Last().Text, StringComparison.Ordinal);
        var sato = await ConsoleClient.SignInAsync(App, "sato");
        var queue = await (await sato.GetAsync("/api/console/queue")).JsonAsync();
        Assert.DoesNotContain(queue.EnumerateArray(), e => e.GetProperty("conversationId").GetString() == person.ConversationId);
        await person.SayAsync("やっぱり大丈夫");
        Assert.Equal("ボット: やっぱり大丈夫", (await person.BotMessagesAsync()).Last().Text);
    }

    [Fact]
    public async Task Sign_in_returns_a_cookie_and_a_token_locks_after_five_failures_and_the_token_works_as_bearer()
    {
        var client = App.CreateClient();
        var both = await (await client.PostAsJsonAsync("/api/console/session", new { user = "sato", password = ConsoleClient.Password })).JsonAsync();
        Assert.False(string.IsNullOrEmpty(both.GetProperty("token").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/console/queue")).StatusCode);

        var bearer = await ConsoleClient.SignInAsync(App, "suzuki", bearer: true);
        var me = await (await bearer.GetAsync("/api/console/me")).JsonAsync();
        Assert.Equal("counselor", me.GetProperty("role").GetString());

        var stranger = App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsJsonAsync("/api/console/session", new { user = "boss", password = "wrong password!" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsJsonAsync("/api/console/session", new { user = "boss", password = ConsoleClient.Password })).StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await stranger.PostAsJsonAsync("/api/console/session", new { user = "boss", password = ConsoleClient.Password })).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_console_api()
    {
        var doc = await (await App.CreateClient().GetAsync("/openapi/console.json")).JsonAsync();
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/console/queue", out _));
        Assert.True(paths.TryGetProperty("/api/console/conversations/{conversationId}/claim", out _));
        Assert.False(paths.TryGetProperty("/v3/directline/conversations", out _));
    }
}
