using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using ChatSupport.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Triage;

/// <summary>Issue 7 item 6 in the console: the queue's <c>ai</c> field, the supervisor-only review API and page, the kill switch.</summary>
public sealed partial class TriageConsoleTests() : ConsoleHostTests(("sato", "counselor"), ("boss", "supervisor"))
{
    [Fact]
    public async Task Queue_items_carry_the_newest_ai_suggestion_or_null()
    {
        var withAi = await DirectLineClient.StartAsync(App);
        await withAi.SayAsync(HandoffTestBot.AskForHuman);
        var withoutAi = await DirectLineClient.StartAsync(App);
        await withoutAi.SayAsync(HandoffTestBot.AskForHuman);
        await SeedAsync(withAi.ConversationId!, RiskLevel.Low, RiskLevel.Medium, "疲労の訴えが続いている。", version: "v0");
        await SeedAsync(withAi.ConversationId!, RiskLevel.Medium, RiskLevel.High, "具体的な時刻に触れている。");

        var sato = await ConsoleClient.SignInAsync(App, "sato");
        var queue = await (await sato.GetAsync("/api/console/queue")).JsonAsync();
        var ai = Item(queue, withAi.ConversationId!).GetProperty("ai");
        Assert.Equal("high", ai.GetProperty("level").GetString());
        Assert.Equal(["suicidal"], ai.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("具体的な時刻に触れている。", ai.GetProperty("rationale").GetString());
        Assert.Equal(0.8, ai.GetProperty("confidence").GetDouble());
        Assert.Equal("v1", ai.GetProperty("promptVersion").GetString());
        Assert.Equal("fake-model-1", ai.GetProperty("model").GetString());
        Assert.True(ai.GetProperty("raisedByAi").GetBoolean());
        Assert.True(ai.TryGetProperty("createdAt", out _));
        Assert.Equal(JsonValueKind.Null, Item(queue, withoutAi.ConversationId!).GetProperty("ai").ValueKind);
        Assert.False(Item(queue, withoutAi.ConversationId!).GetProperty("aiSuggested").GetBoolean());
    }

    [Fact]
    public async Task An_ai_suggestion_raises_a_waiting_conversation_in_place_and_the_queue_shows_it_ETH02()
    {
        var person = await DirectLineClient.StartAsync(App);
        await person.SayAsync(HandoffTestBot.AskForHuman);
        var handoff = App.Services.GetRequiredService<HandoffQueries>();
        var session = await handoff.FindAsync(person.ConversationId!);

        await App.Services.GetRequiredService<IHandoffRequests>().RequestAsync(
            new HandoffRequest(session!.Reference, HandoffReason.AiSuggested, RiskLevel.High, [SupportCategory.Suicidal], []), default);

        var sato = await ConsoleClient.SignInAsync(App, "sato");
        var queue = await (await sato.GetAsync("/api/console/queue")).JsonAsync();
        var item = Assert.Single(queue.EnumerateArray(), e => e.GetProperty("conversationId").GetString() == person.ConversationId);
        Assert.Equal("high", item.GetProperty("priority").GetString());
        Assert.True(item.GetProperty("aiSuggested").GetBoolean());
        Assert.Equal("PersonAsked", item.GetProperty("reason").GetString());
    }

    public static TheoryData<string, string> ReviewEndpoints => new()
    {
        { "GET", "/api/console/triage/judgements" },
        { "GET", "/api/console/triage/judgements/1" },
        { "POST", "/api/console/triage/judgements/1/confirm" },
        { "POST", "/api/console/triage/judgements/1/override" },
        { "GET", "/api/console/triage/agreement" },
        { "GET", "/api/console/triage/export.csv" },
        { "GET", "/api/console/triage/kill-switch" },
        { "POST", "/api/console/triage/kill-switch/stop" },
        { "POST", "/api/console/triage/kill-switch/resume" },
    };

    [Theory]
    [MemberData(nameof(ReviewEndpoints))]
    public async Task Review_endpoints_answer_401_anonymous_403_to_counselors_ETH08(string method, string path)
    {
        await SeedAsync("conv-auth", RiskLevel.Medium, RiskLevel.High, "理由");
        var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Request(method, path))).StatusCode);

        foreach (var bearer in new[] { false, true })
        {
            var sato = await ConsoleClient.SignInAsync(App, "sato", bearer: bearer);
            Assert.Equal(HttpStatusCode.Forbidden, (await sato.SendAsync(Request(method, path))).StatusCode);
        }

        // Nothing changed: the judgement is still pending and the AI still runs.
        Assert.Null((await App.Services.GetRequiredService<TriageReviewService>().GetAsync(1, default))!.Review);
        Assert.False(App.Services.GetRequiredService<TriageStatus>().KillSwitch.IsStopped);
    }

    [Fact]
    public async Task A_supervisor_lists_confirms_overrides_with_a_reason_and_sees_agreement_and_csv_ETH08()
    {
        var first = await SeedAsync("conv-a", RiskLevel.Medium, RiskLevel.High, "具体的な計画がある。");
        var second = await SeedAsync("conv-b", RiskLevel.Low, RiskLevel.High, "強い孤立感。");
        var boss = await ConsoleClient.SignInAsync(App, "boss", bearer: true);

        var pending = await (await boss.GetAsync("/api/console/triage/judgements")).JsonAsync();
        var listed = pending.EnumerateArray().Single(j => j.GetProperty("id").GetInt64() == first);
        Assert.Equal(("medium", "high", "v1", "fake-model-1"), (listed.GetProperty("ruleLevel").GetString(), listed.GetProperty("aiLevel").GetString(), listed.GetProperty("promptVersion").GetString(), listed.GetProperty("model").GetString()));
        Assert.Equal("［名前］さんが怖い", listed.GetProperty("excerpt").GetString());

        var confirmed = await (await boss.PostAsync($"/api/console/triage/judgements/{first}/confirm", null)).JsonAsync();
        Assert.Equal("confirmed", confirmed.GetProperty("review").GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await boss.PostAsync($"/api/console/triage/judgements/{first}/confirm", null)).StatusCode);

        var noReason = await boss.PostAsJsonAsync($"/api/console/triage/judgements/{second}/override", new { level = "medium", reason = "  " });
        var problem = await noReason.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("修正するときは理由を書いてください。", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await boss.PostAsJsonAsync($"/api/console/triage/judgements/{second}/override", new { level = "huge", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boss.PostAsync("/api/console/triage/judgements/999/confirm", null)).StatusCode);

        var overridden = await (await boss.PostAsJsonAsync($"/api/console/triage/judgements/{second}/override", new { level = "medium", reason = "=本人は落ち着いていた" })).JsonAsync();
        Assert.Equal(("overridden", "medium", "boss"), (overridden.GetProperty("review").GetProperty("decision").GetString(), overridden.GetProperty("review").GetProperty("level").GetString(), overridden.GetProperty("review").GetProperty("reviewer").GetString()));
        Assert.Empty((await (await boss.GetAsync("/api/console/triage/judgements?status=pending")).JsonAsync()).EnumerateArray());
        Assert.Equal(2, (await (await boss.GetAsync("/api/console/triage/judgements?status=reviewed")).JsonAsync()).GetArrayLength());

        var agreement = Assert.Single((await (await boss.GetAsync("/api/console/triage/agreement")).JsonAsync()).EnumerateArray());
        Assert.Equal(("v1", 2, 0.5), (agreement.GetProperty("promptVersion").GetString(), agreement.GetProperty("total").GetInt32(), agreement.GetProperty("observedAgreement").GetDouble()));
        Assert.Equal(1, agreement.GetProperty("matrix")[3][3].GetInt32()); // AI high, supervisor high
        Assert.Equal(1, agreement.GetProperty("matrix")[3][2].GetInt32()); // AI high, supervisor medium
        Assert.True(agreement.TryGetProperty("kappa", out _));

        var csv = await boss.GetAsync("/api/console/triage/export.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("id,created_at,prompt_version", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("'=本人は落ち着いていた", text, StringComparison.Ordinal);
        Assert.DoesNotContain("［名前］さんが怖い", text, StringComparison.Ordinal);
        Assert.Contains("［名前］さんが怖い", await boss.GetStringAsync("/api/console/triage/export.csv?excerpts=true"), StringComparison.Ordinal);

        var audit = await (await boss.GetAsync("/api/console/audit")).JsonAsync();
        var actions = audit.EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("conversationId").GetString())).ToList();
        Assert.Contains(("triage-confirm", "conv-a"), actions);
        Assert.Contains(("triage-override", "conv-b"), actions);
        Assert.Contains(actions, a => a.Item1 == "triage-export");
    }

    [Fact]
    public async Task The_kill_switch_needs_a_reason_and_stop_and_resume_are_audit_logged_ETH03()
    {
        var boss = await ConsoleClient.SignInAsync(App, "boss");
        var killSwitch = App.Services.GetRequiredService<TriageStatus>().KillSwitch;
        var status = await (await boss.GetAsync("/api/console/triage/kill-switch")).JsonAsync();
        Assert.False(status.GetProperty("stopped").GetBoolean());
        Assert.False(status.GetProperty("enabled").GetBoolean());

        Assert.Equal(HttpStatusCode.BadRequest, (await boss.PostAsJsonAsync("/api/console/triage/kill-switch/stop", new { reason = "" })).StatusCode);
        Assert.False(killSwitch.IsStopped);

        var stopped = await (await boss.PostAsJsonAsync("/api/console/triage/kill-switch/stop", new { reason = "誤判定が続いたため" })).JsonAsync();
        Assert.True(stopped.GetProperty("stopped").GetBoolean());
        Assert.True(killSwitch.IsStopped);
        var line = stopped.GetProperty("audit")[0];
        Assert.Equal(("boss", "stop", "誤判定が続いたため"), (line.GetProperty("actor").GetString(), line.GetProperty("action").GetString(), line.GetProperty("reason").GetString()));

        var resumed = await (await boss.PostAsJsonAsync("/api/console/triage/kill-switch/resume", new { reason = "プロンプトv2の承認後" })).JsonAsync();
        Assert.False(resumed.GetProperty("stopped").GetBoolean());
        Assert.False(killSwitch.IsStopped);
        Assert.Equal(["resume", "stop"], resumed.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()));

        var audit = await (await boss.GetAsync("/api/console/audit")).JsonAsync();
        var console = audit.EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("detail").GetString())).ToList();
        Assert.Contains(("triage-stop", "誤判定が続いたため"), console);
        Assert.Contains(("triage-resume", "プロンプトv2の承認後"), console);
    }

    [Fact]
    public async Task The_triage_page_renders_for_a_supervisor_as_text_and_its_forms_need_the_antiforgery_token_ETH08()
    {
        var id = await SeedAsync("conv-page", RiskLevel.Medium, RiskLevel.High, "<script>alert(1)</script>理由", excerpt: "<img src=x onerror=alert(1)>田中さんが怖い");
        var boss = await ConsoleClient.SignInAsync(App, "boss");

        var page = await boss.GetAsync("/console/triage");
        var html = await page.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("AIトリアージの確認", html, StringComparison.Ordinal);
        Assert.Contains($"data-judgement=\"{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("fake-model-1", html, StringComparison.Ordinal);

        // The AI's rationale and the excerpt are text: encoded in the markup, shown as written.
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>理由", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>［名前］さんが怖い", text, StringComparison.Ordinal);
        Assert.Contains("api/console/triage/export.csv", html, StringComparison.Ordinal);
        Assert.Contains("AIを止める", text, StringComparison.Ordinal);

        var form = new Dictionary<string, string> { ["_handler"] = $"override-{id}", ["review.Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["review.Level"] = "medium", ["review.Reason"] = "" };
        Assert.Equal(HttpStatusCode.BadRequest, (await boss.PostAsync("/console/triage", new FormUrlEncodedContent(form))).StatusCode);

        form["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value;
        var noReason = WebUtility.HtmlDecode(await (await boss.PostAsync("/console/triage", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());
        Assert.Contains("修正するときは理由を書いてください。", noReason, StringComparison.Ordinal);
        Assert.Null((await Reviews.GetAsync(id, default))!.Review);

        form["review.Reason"] = "文脈から見て中程度";
        var done = await boss.PostAsync("/console/triage", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("記録しました。", WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var review = (await Reviews.GetAsync(id, default))!.Review!;
        Assert.Equal((TriageReviewDecision.Overridden, RiskLevel.Medium, "boss"), (review.Decision, review.Level, review.ReviewerId));
    }

    [Fact]
    public async Task The_triage_page_is_refused_to_a_counselor_and_to_anonymous_callers()
    {
        var sato = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await sato.PostAsJsonAsync("/api/console/session", new { user = "sato", password = ConsoleClient.Password, mode = "cookie" })).StatusCode);
        var refused = await sato.GetAsync("/console/triage");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/console/denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("権限がありません", WebUtility.HtmlDecode(await sato.GetStringAsync("/console/denied")), StringComparison.Ordinal);

        var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await anonymous.GetAsync("/console/triage");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("/console/login", login.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private TriageReviewService Reviews => App.Services.GetRequiredService<TriageReviewService>();

    private Task<long> SeedAsync(string conversationId, RiskLevel rule, RiskLevel ai, string rationale, string version = "v1", string excerpt = "田中さんが怖い") =>
        App.Services.GetRequiredService<ITriageReviewStore>().AddAsync(
            new NewTriageRecord(
                conversationId,
                App.Clock.GetUtcNow(),
                rule,
                new TriageJudgement(ai, [SupportCategory.Suicidal], rationale, 0.8, version, "fake-model-1"),
                RiskLevels.Max(rule, ai),
                ai > rule,
                Redactor.Redact(excerpt).Text),
            default);

    private static JsonElement Item(JsonElement queue, string conversationId) =>
        queue.EnumerateArray().Single(e => e.GetProperty("conversationId").GetString() == conversationId);

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { level = "medium", reason = "理由" }) : null };

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
