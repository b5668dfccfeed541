using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChatSupport.TestSupport;

namespace ChatSupport.Bot.Tests.Infrastructure;

/// <summary>A Direct Line WebSocket stream over the test server, read as Web Chat reads it.</summary>
public static class DirectLineStream
{
    public static async Task<WebSocket> ConnectAsync(ChatSupportFactory node, string streamUrl)
    {
        ArgumentNullException.ThrowIfNull(node);
        var client = node.Server.CreateWebSocketClient();
        return await client.ConnectAsync(new Uri(node.Server.BaseAddress, new Uri(streamUrl).PathAndQuery), CancellationToken.None);
    }

    /// <summary>The activities of the next activity set the stream sends (empty keep-alive messages are passed over).</summary>
    public static async Task<List<JsonElement>> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (message.Length > 0)
            {
                using var document = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
                return [.. document.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
            }
        }
    }
}
