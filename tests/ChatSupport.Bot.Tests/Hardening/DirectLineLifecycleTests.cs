using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>
/// Audit findings on the person's side of Direct Line: quick exit left the token working, streams outlived their
/// token, and a message stored just before a crash was never answered.
/// </summary>
public sealed class DirectLineLifecycleTests : IDisposable
{
    private readonly ChatSupportFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Quick_exit_revokes_the_token_for_reading_posting_refreshing_and_streaming_and_ends_open_streams()
    {
        var person = await DirectLineClient.StartAsync(_factory);
        await person.SayAsync("こんにちは");
        var other = await DirectLineClient.StartAsync(_factory);
        using var socket = await ConnectAsync(person.StreamUrl!);

        // What the page's quick-exit button sends (fetch with keepalive), before it leaves for a neutral site.
        var exit = await person.SendRawAsync(HttpMethod.Post, "/api/webchat/exit");
        Assert.Equal(HttpStatusCode.NoContent, exit.StatusCode);

        var closed = await ReadUntilClosedAsync(socket);
        Assert.Equal("conversation closed", closed);

        var activities = $"/v3/directline/conversations/{person.ConversationId}/activities";
        Assert.Equal(HttpStatusCode.Forbidden, (await person.SendRawAsync(HttpMethod.Get, activities)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.SendRawAsync(HttpMethod.Post, activities, """{"type":"message","text":"まだいる？"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.SendRawAsync(HttpMethod.Post, "/v3/directline/tokens/refresh")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{person.ConversationId}")).StatusCode);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(person.StreamUrl!));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        // Nothing was stored after the exit, and another person's conversation goes on.
        var stored = await _factory.Services.GetRequiredService<Domain.Storage.ITranscriptStore>().ReadAsync(person.ConversationId!, 0, 100);
        Assert.DoesNotContain(stored, e => e.Activity.Text == "まだいる？");
        await other.SayAsync("わたしは続けます");
        Assert.Contains(await other.BotMessagesAsync(), m => m.Text is { Length: > 0 });
    }

    [Fact]
    public async Task Quick_exit_with_a_forged_token_is_refused_and_revokes_nothing()
    {
        var person = await DirectLineClient.StartAsync(_factory);
        var forged = person.Token![..^4] + (person.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Forbidden, (await person.SendRawAsync(HttpMethod.Post, "/api/webchat/exit", credential: forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{person.ConversationId}/activities")).StatusCode);
    }

    [Fact]
    public async Task A_stream_ends_when_its_token_expires_and_a_refreshed_token_opens_a_new_one()
    {
        var person = await DirectLineClient.StartAsync(_factory);
        using var socket = await ConnectAsync(person.StreamUrl!);

        // Web Chat refreshes its token before expiry; the old stream URL still carries the old token.
        _factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var refreshed = await person.SendRawAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var fresh = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<DirectLineConversation>(refreshed.Content))!.Token;
        Assert.Equal(WebSocketState.Open, socket.State);

        _factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal("token expired", await ReadUntilClosedAsync(socket));

        // Reconnecting as DirectLineJS does: ask for the conversation with the fresh token, get a new stream URL.
        var again = await person.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{person.ConversationId}?watermark=0", credential: fresh);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var url = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<DirectLineConversation>(again.Content))!.StreamUrl!;
        using var second = await ConnectAsync(url);
        Assert.Equal(WebSocketState.Open, second.State);
    }

    [Fact]
    public async Task A_message_stored_just_before_a_crash_is_answered_after_the_restart()
    {
        var crashed = new ChatSupportFactory();
        string conversationId;
        long stored;
        try
        {
            var person = await DirectLineClient.StartAsync(crashed);
            conversationId = person.ConversationId!;
            await person.SayAsync("こんにちは");
            var before = (await person.BotMessagesAsync()).Count;

            // The state a crash leaves between storing the person's message and running its turn: the message and its
            // pending mark are in the store (one transaction), no reply is.
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Text = "ねえ、聞いてほしいことがある",
                Locale = "ja-JP",
                ChannelId = DirectLineAdapter.ChannelId,
                Conversation = new ConversationAccount(conversationId),
                From = (await person.GetActivitiesAsync()).Activities.First(a => a.From?.Role == RoleTypes.User).From,
                Recipient = Channels.ChannelAdapter.BotAccount(),
                ServiceUrl = "urn:chatsupport:directline",
            };
            stored = (await crashed.Services.GetRequiredService<DirectLineSessions>().AppendPendingAsync(conversationId, activity)).Sequence;
            Assert.Equal(before, (await person.BotMessagesAsync()).Count);
            Assert.Equal(1, await PendingCountAsync(crashed.DatabasePath));
        }
        finally
        {
            await crashed.DisposeAsync();
        }

        await using var restarted = new ChatSupportFactory(crashed.DatabasePath);
        _ = restarted.Server;
        var transcript = restarted.Services.GetRequiredService<Domain.Storage.ITranscriptStore>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        IReadOnlyList<Domain.Storage.TranscriptEntry> after;
        do
        {
            await Task.Delay(50);
            after = await transcript.ReadAsync(conversationId, stored, 100);
        }
        while (!after.Any(IsBotMessage) && DateTime.UtcNow < deadline);

        Assert.Contains(after, IsBotMessage);
        Assert.Equal(0, await PendingCountAsync(crashed.DatabasePath));
    }

    [Fact]
    public async Task Answered_messages_leave_nothing_pending_so_a_restart_repeats_nothing()
    {
        var person = await DirectLineClient.StartAsync(_factory);
        await person.SayAsync("こんにちは");
        await person.SayAsync("ちょっと疲れた");
        Assert.Equal(0, await PendingCountAsync(_factory.DatabasePath));
        var replies = (await person.BotMessagesAsync()).Count;
        Assert.True(replies >= 2);

        await using var restarted = new ChatSupportFactory(_factory.DatabasePath);
        Assert.Equal(0, await restarted.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DirectLineRecovery>().Single().RunOnceAsync(CancellationToken.None));
        Assert.Equal(replies, (await person.BotMessagesAsync()).Count);
    }

    [Fact]
    public async Task A_message_answered_just_before_a_crash_that_left_its_mark_is_not_answered_twice()
    {
        var person = await DirectLineClient.StartAsync(_factory);
        await person.SayAsync("こんにちは");
        await person.SayAsync("ちょっと疲れた");
        var replies = (await person.BotMessagesAsync()).Count;

        // The crash came after the reply was stored and before the pending mark was cleared.
        var transcript = _factory.Services.GetRequiredService<Domain.Storage.ITranscriptStore>();
        var message = (await transcript.ReadAsync(person.ConversationId!, 0, 100)).Last(e => e.Direction == Domain.Storage.TranscriptDirection.Inbound && e.Activity.Text == "ちょっと疲れた");
        await using (var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO directline_pending (conversation_id, seq, stored_at) VALUES ($c, $s, $at);";
            command.Parameters.AddWithValue("$c", person.ConversationId);
            command.Parameters.AddWithValue("$s", message.Sequence);
            command.Parameters.AddWithValue("$at", message.StoredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync();
        }

        // The restarted node's pass (at start, or this one) clears the mark without running the turn again.
        await using var restarted = new ChatSupportFactory(_factory.DatabasePath);
        await restarted.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DirectLineRecovery>().Single().RunOnceAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (await PendingCountAsync(_factory.DatabasePath) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, await PendingCountAsync(_factory.DatabasePath));
        Assert.Equal(replies, (await person.BotMessagesAsync()).Count);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_live_conversation_works_an_unknown_one_is_404_and_one_revoked_by_another_node_is_refused(StoreProvider provider)
    {
        // Each request reads the conversation and its revocation in one query; this holds the answers the two
        // separate lookups gave, on both stores.
        await using var factory = new ChatSupportFactory(botMode: "echo") { Settings = await TestStores.HostSettingsAsync(provider) };
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync("こんにちは");
        Assert.Contains(await person.BotMessagesAsync(), m => m.Text is { Length: > 0 });
        var activities = $"/v3/directline/conversations/{person.ConversationId}/activities";

        var secret = factory.CreateClientWith(ChatSupportFactory.Secret);
        Assert.Equal(HttpStatusCode.NotFound, (await secret.GetAsync("/v3/directline/conversations/never-started/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secret.GetAsync(activities)).StatusCode);

        // A generated token whose conversation was never started still opens it on the first read.
        var generated = await (await secret.PostAsync("/v3/directline/tokens/generate", null)).Content.ReadFromJsonAsync<DirectLineConversation>();
        var quiet = factory.CreateClientWith(generated!.Token!);
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync($"/v3/directline/conversations/{generated.ConversationId}/activities")).StatusCode);

        // Another node takes the quick exit: this node has nothing remembered and must read the refusal from the store.
        var services = factory.Services;
        var otherNode = new DirectLineSessions(
            services.GetRequiredService<StoreDatabase>(), services.GetRequiredService<SqliteTranscriptStore>(), TimeProvider.System);
        await otherNode.RevokeAsync(person.ConversationId!);

        Assert.Equal(HttpStatusCode.Forbidden, (await person.SendRawAsync(HttpMethod.Get, activities)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.SendRawAsync(HttpMethod.Post, activities, """{"type":"message","text":"まだいる？"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{person.ConversationId}")).StatusCode);
        var stored = await services.GetRequiredService<Domain.Storage.ITranscriptStore>().ReadAsync(person.ConversationId!, 0, 100);
        Assert.DoesNotContain(stored, e => e.Activity.Text == "まだいる？");

        // The token of a conversation revoked before it was ever started is refused too, not started quietly.
        var unstarted = await (await secret.PostAsync("/v3/directline/tokens/generate", null)).Content.ReadFromJsonAsync<DirectLineConversation>();
        await otherNode.RevokeAsync(unstarted!.ConversationId!);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClientWith(unstarted.Token!).GetAsync($"/v3/directline/conversations/{unstarted.ConversationId}/activities")).StatusCode);
    }

    private static bool IsBotMessage(Domain.Storage.TranscriptEntry e) =>
        e.Activity.From?.Role == RoleTypes.Bot && e.Activity.Type == ActivityTypes.Message;

    private static async Task<long> PendingCountAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM directline_pending;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<WebSocket> ConnectAsync(string streamUrl)
    {
        var uri = new Uri(streamUrl);
        var ws = _factory.Server.CreateWebSocketClient();
        return await ws.ConnectAsync(new Uri(_factory.Server.BaseAddress, uri.PathAndQuery), CancellationToken.None);
    }

    /// <summary>Reads what the server sends until it closes the stream; returns its close reason.</summary>
    private static async Task<string?> ReadUntilClosedAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return socket.CloseStatusDescription;
            }
        }
    }
}
