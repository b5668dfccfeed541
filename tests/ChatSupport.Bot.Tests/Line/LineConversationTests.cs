using System.Net;
using System.Text.Json.Nodes;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Storage;
using ChatSupport.Tools.Line;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ChatSupport.Bot.Tests.Line;

public sealed class LineConversationTests
{
    [Fact]
    public async Task The_welcome_says_plainly_that_no_counselor_can_take_a_chat_when_nobody_is_signed_in()
    {
        // Counselor hours are the default (every day, all day), but no counselor has the console open: the welcome must
        // not promise a person (docs/consultation.md, "Round 14").
        using var host = new LineTestHost();
        var sim = host.Simulator;
        var user = LineSimulator.NewUserId();

        Assert.Equal(HttpStatusCode.OK, (await sim.SendAsync(sim.FollowEvent(user))).StatusCode);
        var welcome = Text(await host.WaitForMessagesAsync(user, 2));

        Assert.Contains("いまは相談員（人）がつながれない", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain("人につなぎます", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain("受付時間は", welcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_follow_to_a_service_card_on_LINE_with_quick_replies_and_a_tel_button()
    {
        using var host = new LineTestHost();
        host.Settings["ChatSupport:Line:MarkAsRead"] = "true";
        var sim = host.Simulator;
        var user = LineSimulator.NewUserId();

        Assert.Equal(HttpStatusCode.OK, (await sim.SendAsync(sim.FollowEvent(user))).StatusCode);
        var welcome = await host.WaitForMessagesAsync(user, 2);
        Assert.Contains("ボット", Text(welcome), StringComparison.Ordinal);
        var menu = QuickReplies(welcome[^1]);
        Assert.Contains("相談先を知りたい", menu);
        Assert.InRange(menu.Count, 1, 13);

        var seen = welcome.Count;
        foreach (var (say, expect) in new[] { ("相談先を知りたい", "どんなことで困っていますか"), ("いじめ", "年代") })
        {
            await sim.SendAsync(sim.TextEvent(user, say));
            var all = await WaitForNewAsync(host, user, seen, m => Text(m).Contains(expect, StringComparison.Ordinal));
            seen = all.Count;
        }

        await sim.SendAsync(sim.TextEvent(user, "中2"));
        var withCard = await WaitForNewAsync(host, user, seen, m => m.Any(x => x["type"]!.GetValue<string>() == "flex"));
        var flex = withCard.Last(m => m["type"]!.GetValue<string>() == "flex");
        var uris = flex.ToJsonString();
        Assert.Contains("\"uri\":\"tel:", uris, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"button\"", uris, StringComparison.Ordinal);

        // Every call was a reply within the token's life, and every body conformed to the LINE contract.
        Assert.All(sim.Calls, c => Assert.Empty(c.SchemaErrors));
        Assert.All(sim.Calls.Where(c => c.Path.Contains("/message/", StringComparison.Ordinal)), c => Assert.True(c.Status == 200, c.Path + " " + c.Status));
        Assert.Contains(sim.Calls, c => c.Path.EndsWith("/reply", StringComparison.Ordinal));

        // The transcript holds the person's words and the bot's replies; the LINE user id appears nowhere in it.
        var conversationId = LineIds.ConversationId(user);
        var entries = await host.Get<ITranscriptStore>().ReadAsync(conversationId, 0, 1000);
        Assert.Contains(entries, e => e.Direction == TranscriptDirection.Inbound && e.Activity.Text == "いじめ");
        Assert.Contains(entries, e => e.Direction == TranscriptDirection.Outbound && e.Activity.Attachments is { Count: > 0 });
        Assert.DoesNotContain(entries, e => BotKit.Activities.ActivityJson.Serialize(e.Activity).Contains(user, StringComparison.Ordinal));

        // The person asks for a human; a counselor takes the chat in the console and answers; LINE gets it by push.
        seen = (await host.WaitForMessagesAsync(user, 1)).Count;
        await sim.SendAsync(sim.TextEvent(user, "人と話したい"));
        seen = (await WaitForNewAsync(host, user, seen, m => Text(m).Contains("相談員", StringComparison.Ordinal))).Count;

        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ChatSupport:Storage:ConnectionString"] = $"Data Source={host.DatabasePath}" })
            .Build();
        Assert.Equal(0, await Bot.Handoff.Accounts.AccountsCommand.RunAsync(["add", "--user", "kato", "--role", "counselor", "--password-stdin"], new StringReader("a long enough password\n"), new StringWriter(), new StringWriter(), configuration));
        var console = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await console.PostAsync("/api/console/session", System.Net.Http.Json.JsonContent.Create(new { user = "kato", password = "a long enough password" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await console.PostAsync($"/api/console/conversations/{conversationId}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await console.PostAsync($"/api/console/conversations/{conversationId}/messages", System.Net.Http.Json.JsonContent.Create(new { text = "相談員の加藤です。話してくれてありがとう。" }))).StatusCode);

        await WaitForNewAsync(host, user, seen, m => Text(m).Contains("相談員の加藤です", StringComparison.Ordinal));
        Assert.Contains(sim.Calls, c => c.Path.EndsWith("/push", StringComparison.Ordinal) && c.Status == 200);

        // While waiting the person saw LINE's loading animation; once the counselor had it open, their messages were marked read.
        Assert.Contains(sim.Calls, c => c.Path.EndsWith("/chat/loading/start", StringComparison.Ordinal));
        await Handoff.ConsoleClient.WaitUntilAsync(() => Task.FromResult(sim.Calls.Any(c => c.Path.EndsWith("/chat/markAsRead", StringComparison.Ordinal))), "mark-as-read after the claim");
        Assert.All(sim.Calls, c => Assert.Empty(c.SchemaErrors));
    }

    [Fact]
    public async Task Quick_reply_buttons_post_the_choice_and_postbacks_reach_the_dialog_as_the_choice()
    {
        using var host = new LineTestHost();
        var sim = host.Simulator;
        var user = LineSimulator.NewUserId();
        await sim.SendAsync(sim.FollowEvent(user));
        var welcome = await host.WaitForMessagesAsync(user, 2);
        var action = welcome[^1]["quickReply"]!["items"]!.AsArray().Select(i => i!["action"]!).First(a => a["label"]!.GetValue<string>() == "相談先を知りたい");
        Assert.Equal("message", action["type"]!.GetValue<string>());

        await sim.SendAsync(sim.PostbackEvent(user, action["text"]!.GetValue<string>()));
        await WaitForNewAsync(host, user, welcome.Count, m => Text(m).Contains("どんなことで困っていますか", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sticker_or_image_gets_a_kind_reply_that_only_text_is_read()
    {
        using var host = new LineTestHost();
        var sim = host.Simulator;
        var user = LineSimulator.NewUserId();
        await sim.SendAsync(sim.StickerEvent(user));
        var first = await host.WaitForMessagesAsync(user, 2);
        Assert.Contains("スタンプや画像", Text(first), StringComparison.Ordinal);
        Assert.Contains("相談先を知りたい", QuickReplies(first[^1])); // the open question again, with its buttons
        await sim.SendAsync(sim.ImageEvent(user));
        var second = await host.WaitForMessagesAsync(user, 4);
        Assert.Equal(4, second.Count);
        Assert.Contains("相談先を知りたい", QuickReplies(second[^1]));
    }

    [Fact]
    public async Task A_redelivered_event_is_processed_once_even_across_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db");
        var user = LineSimulator.NewUserId();
        JsonObject message;
        int sent;
        using (var first = new LineTestHost(path))
        {
            await first.Simulator.SendAsync(first.Simulator.FollowEvent(user));
            await first.WaitForMessagesAsync(user, 2);
            await first.WaitIdleAsync();
            message = first.Simulator.TextEvent(user, "相談先を知りたい");
            await first.Simulator.SendAsync(message);
            await first.Simulator.SendAsync(message);
            await first.WaitIdleAsync();
            sent = first.Simulator.MessagesTo(user).Count;
            Assert.True(sent > 2);
        }

        using var second = new LineTestHost(path);
        Assert.Equal(HttpStatusCode.OK, (await second.Simulator.SendAsync(LineSimulator.Redelivery(message))).StatusCode);
        await second.WaitIdleAsync();
        await Task.Delay(300);
        Assert.Empty(second.Simulator.Calls);
        var entries = await second.Get<ITranscriptStore>().ReadAsync(LineIds.ConversationId(user), 0, 1000);
        Assert.Single(entries, e => e.Direction == TranscriptDirection.Inbound && e.Activity.Text == "相談先を知りたい");
    }

    [Fact]
    public async Task Events_stored_before_a_crash_are_processed_after_the_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db");
        var user = LineSimulator.NewUserId();
        using (var crashed = new LineTestHost(path, runProcessor: false))
        {
            Assert.Equal(HttpStatusCode.OK, (await crashed.Simulator.SendAsync(crashed.Simulator.FollowEvent(user))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await crashed.Simulator.SendAsync(crashed.Simulator.TextEvent(user, "相談先を知りたい"))).StatusCode);
            await Task.Delay(200);
            Assert.Empty(crashed.Simulator.Calls);
            Assert.Equal(2, (await crashed.Get<LineStore>().CountEventsAsync())["pending"]);
        }

        using var restarted = new LineTestHost(path);
        _ = restarted.Services;
        await restarted.WaitIdleAsync();
        var texts = Text(restarted.Simulator.MessagesTo(user));
        Assert.Contains("ボット", texts, StringComparison.Ordinal);
        Assert.Contains("どんなことで困っていますか", texts, StringComparison.Ordinal);
        Assert.True(texts.IndexOf("ボット", StringComparison.Ordinal) < texts.IndexOf("どんなことで困っていますか", StringComparison.Ordinal), "one person's events are handled in order");

        // The reply tokens were issued by another simulator: LINE refuses them, and the messages are pushed.
        Assert.Contains(restarted.Simulator.Calls, c => c.Path.EndsWith("/push", StringComparison.Ordinal) && c.Status == 200);
    }

    [Fact]
    public async Task An_expired_reply_token_is_not_used_the_message_is_pushed_with_a_retry_key()
    {
        // The event was created 40 s before it arrived (the default token lifetime is 30 s).
        var lineClock = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(40));
        using var host = new LineTestHost(simulatorClock: lineClock);
        var user = LineSimulator.NewUserId();
        await host.Simulator.SendAsync(host.Simulator.FollowEvent(user));
        await host.WaitForMessagesAsync(user, 2);
        await host.WaitIdleAsync();
        Assert.DoesNotContain(host.Simulator.Calls, c => c.Path.EndsWith("/reply", StringComparison.Ordinal));
        var pushes = host.Simulator.Calls.Where(c => c.Path.EndsWith("/push", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pushes);
        Assert.All(pushes, p => Assert.True(Guid.TryParse(p.RetryKey, out _)));
        Assert.All(pushes, p => Assert.Equal(user, p.Body!["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_reply_token_LINE_refuses_falls_back_to_push()
    {
        using var host = new LineTestHost(configure: s => s.ReplyTokenLifetime = TimeSpan.FromSeconds(-1));
        var user = LineSimulator.NewUserId();
        await host.Simulator.SendAsync(host.Simulator.FollowEvent(user));
        var messages = await host.WaitForMessagesAsync(user, 2);
        Assert.Contains("ボット", Text(messages), StringComparison.Ordinal);
        Assert.Contains(host.Simulator.Calls, c => c.Path.EndsWith("/reply", StringComparison.Ordinal) && c.Status == 400);
        Assert.Contains(host.Simulator.Calls, c => c.Path.EndsWith("/push", StringComparison.Ordinal) && c.Status == 200);
    }

    [Fact]
    public async Task A_push_that_keeps_failing_is_retried_later_with_the_same_retry_key_and_delivered_once()
    {
        using var host = new LineTestHost();
        var user = LineSimulator.NewUserId();
        await host.Simulator.SendAsync(host.Simulator.FollowEvent(user));
        await host.WaitForMessagesAsync(user, 2);
        await host.WaitIdleAsync();
        var before = host.Simulator.Calls.Count;

        // More failures than one call's retries (4): the push stays queued and is tried again by the processor.
        host.Simulator.FailNext(500, 6, "/push");
        await ProactiveAsync(host, user, "カウンセラーの田中です。");
        await host.WaitIdleAsync();

        var pushes = host.Simulator.Calls.Skip(before).Where(c => c.Path.EndsWith("/push", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, pushes.Count);
        Assert.Single(pushes.Select(p => p.RetryKey).Distinct());
        Assert.Single(host.Simulator.MessagesTo(user), m => m["text"]?.GetValue<string>() == "カウンセラーの田中です。");
    }

    [Fact]
    public async Task A_push_whose_answer_was_lost_is_retried_with_its_key_and_LINE_s_409_means_sent_never_twice()
    {
        using var host = new LineTestHost();
        var user = LineSimulator.NewUserId();
        await host.Simulator.SendAsync(host.Simulator.FollowEvent(user));
        await host.WaitForMessagesAsync(user, 2);
        await host.WaitIdleAsync();

        host.Simulator.LoseNextAnswer(503, "/push");
        await ProactiveAsync(host, user, "カウンセラーからの返信です。");
        await host.WaitIdleAsync();

        var pushes = host.Simulator.Calls.Where(c => c.Path.EndsWith("/push", StringComparison.Ordinal)).ToList();
        Assert.Equal([503, 409], pushes.Select(p => p.Status));
        Assert.Equal(pushes[0].RetryKey, pushes[1].RetryKey);
        Assert.Single(host.Simulator.MessagesTo(user), m => m["text"]?.GetValue<string>() == "カウンセラーからの返信です。");
        var outbox = await host.Get<LineStore>().ListOutboxAsync(LineIds.ConversationId(user));
        Assert.Equal(("sent", "push"), (outbox[^1].State, outbox[^1].Method));
    }

    [Fact]
    public async Task Rate_limited_calls_back_off_and_succeed()
    {
        using var host = new LineTestHost();
        var user = LineSimulator.NewUserId();
        host.Simulator.FailNext(429, 2, "/reply");
        await host.Simulator.SendAsync(host.Simulator.FollowEvent(user));
        var messages = await host.WaitForMessagesAsync(user, 2);
        Assert.Contains("ボット", Text(messages), StringComparison.Ordinal);
        Assert.Equal([429, 429, 200], host.Simulator.Calls.Where(c => c.Path.EndsWith("/reply", StringComparison.Ordinal)).Select(c => c.Status).Take(3));
    }

    [Fact]
    public async Task After_unfollow_nothing_is_sent_and_the_conversation_is_marked()
    {
        using var host = new LineTestHost();
        var user = LineSimulator.NewUserId();
        await host.Simulator.SendAsync(host.Simulator.FollowEvent(user));
        await host.WaitForMessagesAsync(user, 2);
        await host.Simulator.SendAsync(host.Simulator.UnfollowEvent(user));
        await host.WaitIdleAsync();
        var before = host.Simulator.Calls.Count;

        await ProactiveAsync(host, user, "届かないはずのメッセージ");
        Assert.False(await host.Get<LineAdapter>().ShowLoadingAsync(LineIds.ConversationId(user), null, default));
        await host.WaitIdleAsync();
        Assert.Equal(before, host.Simulator.Calls.Count);
        var lineUser = await host.Get<LineStore>().FindUserAsync(LineIds.ConversationId(user));
        Assert.False(lineUser!.Following);
        var entries = await host.Get<ITranscriptStore>().ReadAsync(LineIds.ConversationId(user), 0, 100);
        Assert.Contains(entries, e => e.Activity.Name == "lineUnfollow");
    }

    [Fact]
    public async Task Typing_shows_the_loading_animation_and_mark_as_read_uses_the_newest_token_when_enabled()
    {
        using var host = new LineTestHost();
        host.Settings["ChatSupport:Line:MarkAsRead"] = "true";
        var user = LineSimulator.NewUserId();
        var conversationId = LineIds.ConversationId(user);
        await host.Simulator.SendAsync(host.Simulator.TextEvent(user, "こんにちは"));
        await host.WaitForMessagesAsync(user, 1);
        await host.WaitIdleAsync();

        var adapter = host.Get<LineAdapter>();
        await adapter.ContinueConversationAsync(
            LineAdapter.CreateReference(conversationId, LineIds.ActivityUserId(user)),
            (context, ct) => context.SendActivityAsync(BotKit.Activities.Activity.CreateTyping(), ct),
            default);
        var loading = Assert.Single(host.Simulator.Calls, c => c.Path.EndsWith("/loading/start", StringComparison.Ordinal));
        Assert.Equal(202, loading.Status);
        Assert.Empty(loading.SchemaErrors);

        Assert.True(await adapter.MarkAsReadAsync(conversationId, default));
        var read = Assert.Single(host.Simulator.Calls, c => c.Path.EndsWith("/markAsRead", StringComparison.Ordinal));
        Assert.StartsWith("r", read.Body!["markAsReadToken"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(await adapter.MarkAsReadAsync(conversationId, default));
    }

    [Fact]
    public async Task The_client_calls_reply_and_push_under_the_configured_api_base_url_with_the_bearer_token()
    {
        var seen = new List<string>();
        using var host = new LineTestHost();
        host.Simulator.Received += c => { lock (seen) { seen.Add(c.Path); } };
        var user = LineSimulator.NewUserId();
        await host.Simulator.SendAsync(host.Simulator.FollowEvent(user));
        await host.WaitForMessagesAsync(user, 2);
        await host.WaitIdleAsync();
        await ProactiveAsync(host, user, "push");
        Assert.Contains("/base/v2/bot/message/reply", seen);
        Assert.Contains("/base/v2/bot/message/push", seen);
        Assert.DoesNotContain(host.Simulator.Calls, c => c.Status == 401);
    }

    internal static Task ProactiveAsync(LineTestHost host, string user, string text) =>
        host.Get<LineAdapter>().ContinueConversationAsync(
            LineAdapter.CreateReference(LineIds.ConversationId(user), LineIds.ActivityUserId(user)),
            (context, ct) => context.SendActivityAsync(text, ct),
            default);

    private static async Task<IReadOnlyList<JsonObject>> WaitForNewAsync(LineTestHost host, string user, int seen, Func<IReadOnlyList<JsonObject>, bool> done)
    {
        var all = await host.WaitForNewMessagesAsync(user, seen, done);
        Assert.True(all.Count > seen && done(all.Skip(seen).ToList()), "The bot did not answer as expected; it sent: " + Text(all.Skip(seen).ToList()));
        return all;
    }

    private static string Text(IEnumerable<JsonObject> messages) => string.Join("\n", messages.Select(LineSimulator.Render));

    private static string Text(JsonObject message) => LineSimulator.Render(message);

    private static List<string> QuickReplies(JsonObject message) =>
        [.. (message["quickReply"]?["items"] as JsonArray ?? []).Select(i => i!["action"]!["label"]!.GetValue<string>())];
}
