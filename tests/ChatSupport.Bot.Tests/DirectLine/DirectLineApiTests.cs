using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.TestSupport;

namespace ChatSupport.Bot.Tests.DirectLine;

public sealed class DirectLineApiTests : IDisposable
{
    private readonly ChatSupportFactory _factory = new(botMode: "echo");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Generate_with_the_secret_returns_a_token_for_one_new_conversation()
    {
        var http = _factory.CreateClientWith(ChatSupportFactory.Secret);
        var response = await http.PostAsync("/v3/directline/tokens/generate", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("conversationId").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Missing_authorization_gets_401_with_the_spec_error_shape()
    {
        var response = await _factory.CreateClient().PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unauthorized", body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_wrong_secret_is_refused()
    {
        var response = await _factory.CreateClientWith("not-the-secret").PostAsync("/v3/directline/tokens/generate", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_token_cannot_generate_more_tokens()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        var response = await client.SendRawAsync(HttpMethod.Post, "/v3/directline/tokens/generate");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Starting_twice_with_the_same_token_answers_200_the_second_time()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        var again = await client.SendRawAsync(HttpMethod.Post, "/v3/directline/conversations");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<DirectLineConversation>();
        Assert.Equal(client.ConversationId, body!.ConversationId);
        Assert.StartsWith("ws://", body.StreamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_is_stored_with_an_id_and_answered_and_the_watermark_pages_through()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        var id = await client.SayAsync("こんにちは", new { clientActivityID = "abc" });

        var (activities, watermark) = await client.GetActivitiesAsync();
        var echo = Assert.Single(activities, a => a.Id == id);
        Assert.Equal("こんにちは", echo.Text);
        Assert.Equal("user", echo.From!.Role);
        Assert.NotNull(echo.Timestamp);
        Assert.Equal("abc", echo.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        var reply = Assert.Single(activities, a => a.From?.Role == RoleTypes.Bot);
        Assert.Equal(id, reply.ReplyToId);
        Assert.Equal("こんにちは", reply.Text);

        var (none, sameWatermark) = await client.GetActivitiesAsync(watermark);
        Assert.Empty(none);
        Assert.Equal(watermark, sameWatermark);

        await client.SayAsync("二通目");
        var (next, _) = await client.GetActivitiesAsync(watermark);
        Assert.Equal(["二通目", "二通目"], next.Select(a => a.Text));
    }

    [Fact]
    public async Task The_client_cannot_pose_as_another_user()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        await client.SayAsync("hi");
        var (activities, _) = await client.GetActivitiesAsync();
        var sent = activities.First(a => a.From?.Role == RoleTypes.User);
        Assert.NotEqual("whoever", sent.From!.Id);
    }

    [Fact]
    public async Task A_token_never_reads_or_writes_another_conversation()
    {
        var alice = await DirectLineClient.StartAsync(_factory);
        var bob = await DirectLineClient.StartAsync(_factory);
        await bob.SayAsync("bob's secret");

        var read = await alice.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{bob.ConversationId}/activities");
        var write = await alice.SendRawAsync(HttpMethod.Post, $"/v3/directline/conversations/{bob.ConversationId}/activities", """{"type":"message","text":"x"}""");
        var reconnect = await alice.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{bob.ConversationId}");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.DoesNotContain("bob's secret", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_expire_after_30_minutes_unless_refreshed()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        _factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var refresh = await client.SendRawAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var refreshed = (await refresh.Content.ReadFromJsonAsync<DirectLineConversation>())!;
        Assert.Equal(client.ConversationId, refreshed.ConversationId);

        _factory.Clock.Advance(TimeSpan.FromMinutes(15));
        var old = await client.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.Forbidden, old.StatusCode);
        var error = await old.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TokenExpired", error.GetProperty("error").GetProperty("code").GetString());

        var fresh = await client.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", credential: refreshed.Token);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        var lateRefresh = await client.SendRawAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.Forbidden, lateRefresh.StatusCode);
    }

    [Fact]
    public async Task Reconnect_returns_a_new_stream_url_from_the_given_watermark()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        await client.SayAsync("a");
        var response = await client.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<DirectLineConversation>())!;
        Assert.Contains("watermark=1", body.StreamUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "BadArgument")]
    [InlineData("""{"text":"no type"}""", "MissingProperty")]
    [InlineData("""{"type":"contactRelationUpdate"}""", "BadArgument")]
    [InlineData("", "MissingProperty")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""", "BadArgument")]
    public async Task Bad_activities_get_400_and_change_nothing(string body, string code)
    {
        var client = await DirectLineClient.StartAsync(_factory);
        var before = (await client.GetActivitiesAsync()).Activities.Count;

        var response = await client.SendRawAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, (await client.GetActivitiesAsync()).Activities.Count);
    }

    [Fact]
    public async Task An_oversized_activity_gets_413()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        var text = new string('あ', 200_000);
        var response = await client.SendRawAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", JsonSerializer.Serialize(new { type = "message", text }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_long_message_is_stored_whole_and_the_bot_says_it_read_only_the_start()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        var text = new string('い', 5000);
        var id = await client.SayAsync(text);

        var (activities, _) = await client.GetActivitiesAsync();
        Assert.Equal(5000, activities.Single(a => a.Id == id).Text!.Length);
        var replies = activities.Where(a => a.From?.Role == RoleTypes.Bot).ToList();
        Assert.Contains(replies, r => r.Text!.Contains("2000", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Text!.Length == 2000);
    }

    [Fact]
    public async Task Unknown_conversations_with_the_secret_get_404()
    {
        var http = _factory.CreateClientWith(ChatSupportFactory.Secret);
        var response = await http.GetAsync("/v3/directline/conversations/nope/activities");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        var http = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task The_web_chat_page_and_its_token_endpoint_never_expose_the_secret()
    {
        var http = _factory.CreateClient();
        var page = await http.GetStringAsync("/");
        var token = await http.PostAsync("/api/webchat/token", null);

        Assert.Contains("すぐに閉じる", page, StringComparison.Ordinal);
        var headers = (await http.GetAsync("/")).Headers;
        Assert.Contains("script-src 'self'", headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("/lib/webchat.js", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var body = await token.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ChatSupportFactory.Secret, body + page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/lib/webchat.js")).StatusCode);
    }
}
