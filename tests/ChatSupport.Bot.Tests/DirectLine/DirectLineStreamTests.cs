using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.TestSupport;

namespace ChatSupport.Bot.Tests.DirectLine;

public sealed class DirectLineStreamTests : IDisposable
{
    private readonly ChatSupportFactory _factory = new(botMode: "echo");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_stream_delivers_the_echo_of_a_posted_message_and_the_reply_with_watermarks()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        using var socket = await ConnectAsync(client.StreamUrl!);

        var id = await client.SayAsync("やあ", new { clientActivityID = "c-1" });
        var seen = await ReadActivitiesAsync(socket, 2);

        Assert.Equal(id, seen[0].GetProperty("id").GetString());
        Assert.Equal("c-1", seen[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("bot", seen[1].GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("やあ", seen[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_stream_from_a_watermark_replays_what_came_after_it()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        await client.SayAsync("one");
        await client.SayAsync("two");
        var url = client.StreamUrl!.Replace("watermark=0", "watermark=2", StringComparison.Ordinal);

        using var socket = await ConnectAsync(url);
        var seen = await ReadActivitiesAsync(socket, 2);

        Assert.Equal(2, seen.Count);
        Assert.All(seen, a => Assert.Equal("two", a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_stream_with_another_conversations_token_is_refused()
    {
        var alice = await DirectLineClient.StartAsync(_factory);
        var bob = await DirectLineClient.StartAsync(_factory);
        var url = bob.StreamUrl!.Replace(bob.ConversationId!, alice.ConversationId!, StringComparison.Ordinal);

        // Refused at the handshake with 403 (not any failure: a crash in the handler would also throw here).
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(url));
        Assert.Contains("status code: 403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_vanishes_does_not_disturb_the_conversation()
    {
        var client = await DirectLineClient.StartAsync(_factory);
        var socket = await ConnectAsync(client.StreamUrl!);
        socket.Abort();
        socket.Dispose();

        await client.SayAsync("still here");
        var (activities, _) = await client.GetActivitiesAsync();
        Assert.Equal(2, activities.Count(a => a.Text == "still here"));
    }

    private Task<WebSocket> ConnectAsync(string streamUrl) => DirectLineStream.ConnectAsync(_factory, streamUrl);

    private static async Task<List<JsonElement>> ReadActivitiesAsync(WebSocket socket, int count)
    {
        var result = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (result.Count < count)
        {
            result.AddRange((await DirectLineStream.ReceiveAsync(socket, timeout.Token)).Where(a => a.GetProperty("type").GetString() == "message"));
        }

        return result;
    }
}
