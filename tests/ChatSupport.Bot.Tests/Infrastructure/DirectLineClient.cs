using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.BotKit.Activities;
using ChatSupport.TestSupport;

namespace ChatSupport.Bot.Tests.Infrastructure;

/// <summary>A small Direct Line 3.0 client over the test server, as Web Chat would use it.</summary>
public sealed class DirectLineClient(ChatSupportFactory factory)
{
    public HttpClient Http { get; } = factory.CreateClient();

    public string? Token { get; private set; }

    public string? ConversationId { get; private set; }

    public string? StreamUrl { get; private set; }

    public static async Task<DirectLineClient> StartAsync(ChatSupportFactory factory)
    {
        var client = new DirectLineClient(factory);
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new("Bearer", ChatSupportFactory.Secret);
        var generated = await client.Http.SendAsync(generate);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var conversation = (await generated.Content.ReadFromJsonAsync<DirectLineConversation>())!;
        client.Token = conversation.Token;

        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", client.Token);
        var started = await client.Http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var body = (await started.Content.ReadFromJsonAsync<DirectLineConversation>())!;
        client.ConversationId = body.ConversationId;
        client.StreamUrl = body.StreamUrl;
        return client;
    }

    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? json = null, string? credential = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", credential ?? Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return Http.SendAsync(request);
    }

    public async Task<string> SayAsync(string text, object? channelData = null)
    {
        var activity = new Dictionary<string, object?> { ["type"] = "message", ["from"] = new { id = "whoever" }, ["text"] = text, ["locale"] = "ja-JP" };
        if (channelData is not null)
        {
            activity["channelData"] = channelData;
        }

        var response = await SendRawAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", JsonSerializer.Serialize(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ResourceResponse>())!.Id;
    }

    public async Task<(List<Activity> Activities, string? Watermark)> GetActivitiesAsync(string? watermark = null)
    {
        var path = $"/v3/directline/conversations/{ConversationId}/activities" + (watermark is null ? string.Empty : $"?watermark={watermark}");
        var response = await SendRawAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var activities = document.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => ActivityJson.Deserialize(a.GetRawText()))
            .ToList();
        var mark = document.RootElement.TryGetProperty("watermark", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString() : null;
        return (activities, mark);
    }

    /// <summary>All bot messages so far, oldest first.</summary>
    public async Task<List<Activity>> BotMessagesAsync() =>
        (await GetActivitiesAsync()).Activities.Where(a => a.From?.Role == RoleTypes.Bot && a.Type == ActivityTypes.Message).ToList();

    /// <summary>
    /// Bot messages once one matches <paramref name="until"/> (for what the bot sends in a turn of its own, after
    /// an event such as the end of a handoff); all messages so far if none does within <paramref name="timeout"/>.
    /// </summary>
    public async Task<List<Activity>> BotMessagesAsync(Func<Activity, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var messages = await BotMessagesAsync();
            if (messages.Exists(m => until(m)) || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(20);
        }
    }
}
