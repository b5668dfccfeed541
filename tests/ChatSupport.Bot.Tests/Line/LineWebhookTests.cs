using System.Net;
using System.Text;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatSupport.Bot.Tests.Line;

public sealed class LineWebhookTests
{
    [Fact]
    public void Signature_is_base64_hmac_sha256_of_the_raw_body_and_checks_in_constant_time()
    {
        var body = Encoding.UTF8.GetBytes("{\"destination\":\"U1\",\"events\":[]}");
        var signature = LineSignature.Compute("secret", body);
        Assert.True(LineSignature.Verify("secret", body, signature));
        Assert.False(LineSignature.Verify("other", body, signature));
        Assert.False(LineSignature.Verify("secret", body, null));
        Assert.False(LineSignature.Verify("secret", body, "not base64!"));
        Assert.False(LineSignature.Verify("secret", body, Convert.ToBase64String(new byte[16])));
        body[^2] = (byte)' ';
        Assert.False(LineSignature.Verify("secret", body, signature));
    }

    [Fact]
    public async Task A_correctly_signed_webhook_is_accepted_and_wrong_or_missing_signatures_get_401()
    {
        using var host = new LineTestHost();
        var user = LineSimulatorUser();
        var body = Encoding.UTF8.GetBytes(host.Simulator.Body(host.Simulator.TextEvent(user, "こんにちは")));

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Simulator.PostAsync(body, sign: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Simulator.PostAsync(body, signature: LineSignature.Compute("wrong-secret", body))).StatusCode);
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"active\"", "\"standby\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Simulator.PostAsync(altered, signature: LineSignature.Compute(LineTestHost.ChannelSecret, body))).StatusCode);
        Assert.Empty(await host.Get<LineStore>().CountEventsAsync());

        Assert.Equal(HttpStatusCode.OK, (await host.Simulator.PostAsync(body)).StatusCode);
        await host.WaitForMessagesAsync(user, 1);
        var counts = await host.Get<LineStore>().CountEventsAsync();
        Assert.Equal(1, counts.Values.Sum());
    }

    [Theory]
    [InlineData("{\"events\":[")]
    [InlineData("[]")]
    [InlineData("{\"destination\":\"U1\"}")]
    [InlineData("{\"events\":{}}")]
    public async Task Malformed_json_with_a_valid_signature_gets_400(string json)
    {
        using var host = new LineTestHost();
        var response = await host.Simulator.PostAsync(Encoding.UTF8.GetBytes(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Non_utf8_bytes_get_400_and_never_reach_the_bot()
    {
        using var host = new LineTestHost();
        var response = await host.Simulator.PostAsync([0x7B, 0x22, 0x65, 0xFF, 0xFE, 0x22, 0x3A, 0x5B, 0x5D, 0x7D]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await host.Get<LineStore>().CountEventsAsync());
    }

    [Fact]
    public async Task Unknown_event_types_and_events_without_an_id_are_skipped_without_a_reply()
    {
        using var host = new LineTestHost();
        var user = LineSimulatorUser();
        var unknown = host.Simulator.TextEvent(user, "x");
        unknown["type"] = "somethingNew";
        var noId = host.Simulator.TextEvent(user, "y");
        noId.Remove("webhookEventId");
        var group = host.Simulator.TextEvent(user, "z");
        group["source"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "group", ["groupId"] = "C123", ["userId"] = user };

        Assert.Equal(HttpStatusCode.OK, (await host.Simulator.SendAsync(unknown, noId, group)).StatusCode);
        await host.WaitIdleAsync();
        var counts = await host.Get<LineStore>().CountEventsAsync();
        Assert.Equal(2, counts["skipped"]);
        Assert.Empty(host.Simulator.Calls);
    }

    [Fact]
    public async Task A_thousand_events_in_one_body_are_stored_and_answered_once_each_in_order()
    {
        using var host = new LineTestHost();
        var users = Enumerable.Range(0, 10).Select(_ => LineSimulatorUser()).ToList();
        var events = Enumerable.Range(0, 1000).Select(i => host.Simulator.StickerEvent(users[i % 10])).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await host.Simulator.SendAsync(events)).StatusCode);
        await host.WaitIdleAsync(TimeSpan.FromSeconds(120));
        foreach (var user in users)
        {
            // Each sticker is answered once: the kind "only text is read" message and the open question again.
            var messages = host.Simulator.MessagesTo(user);
            Assert.Equal(200, messages.Count);
            Assert.Equal(100, messages.Count(m => m["text"]?.GetValue<string>().Contains("スタンプや画像", StringComparison.Ordinal) == true));
        }

        Assert.All(host.Simulator.Calls, c => Assert.Empty(c.SchemaErrors));
    }

    [Fact]
    public async Task Without_a_secret_and_token_the_webhook_answers_404_and_nothing_about_LINE_starts()
    {
        using var factory = new ChatSupportFactory();
        var client = factory.CreateClient();
        var response = await client.PostAsync(LineWebhook.Path, new StringContent("{\"events\":[]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(factory.Services.GetService<LineAdapter>());
        Assert.Null(factory.Services.GetService<LineEventProcessor>());
        Assert.DoesNotContain(factory.Services.GetServices<IHostedService>(), s => s is LineEventProcessor);
    }

    private static string LineSimulatorUser() => ChatSupport.Tools.Line.LineSimulator.NewUserId();
}
