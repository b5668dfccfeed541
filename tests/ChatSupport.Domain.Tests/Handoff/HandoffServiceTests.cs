using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Testing;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Handoff.Events;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Handoff;

public sealed class HandoffServiceTests
{
    private static readonly CounselorIdentity Sato = new("sato", CounselorRole.Counselor);
    private static readonly CounselorIdentity Suzuki = new("suzuki", CounselorRole.Counselor);
    private static readonly CounselorIdentity Boss = new("boss", CounselorRole.Supervisor);

    [Fact]
    public async Task A_request_queues_the_conversation_tells_the_person_their_place_and_stores_handoff_initiate()
    {
        var h = new HandoffHarness();
        await h.AskAsync("first", RiskLevel.Critical);
        var result = await h.AskAsync("second", RiskLevel.High, "消えたい");

        Assert.True(result.Queued);
        Assert.Equal(2, result.QueuePosition);
        Assert.True(result.CounselorsAvailableNow);
        Assert.Contains("2番目", result.PersonMessage, StringComparison.Ordinal);
        var initiate = Assert.Single(h.Outbound("second"), a => a.Name == HandoffActivities.InitiateHandoff);
        Assert.Equal("high", initiate.Value!.Value.GetProperty("riskLevel").GetString());
        Assert.Equal("消えたい", initiate.Value!.Value.GetProperty("matchedTerms")[0].GetString());
        Assert.Equal("Transcript", initiate.Attachments![0].Name);
        Assert.True(await h.Queries.IsWithHumanAsync("second", CancellationToken.None));
    }

    [Fact]
    public async Task Asking_again_while_waiting_keeps_one_place_and_raises_the_priority()
    {
        var h = new HandoffHarness();
        await h.AskAsync("a", RiskLevel.High);
        await h.AskAsync("b", RiskLevel.Low);
        var again = await h.AskAsync("b", RiskLevel.Critical);
        Assert.False(again.Queued);
        Assert.True(again.AlreadyWithHuman);
        Assert.Equal(1, again.QueuePosition);
        Assert.Equal(["b", "a"], (await h.Queries.GetQueueAsync()).Select(s => s.ConversationId));
    }

    [Fact]
    public async Task An_ai_suggestion_for_a_waiting_conversation_raises_it_in_place_without_a_second_entry_ETH02()
    {
        var h = new HandoffHarness();
        await h.AskAsync("rule-high", RiskLevel.High, "消えたい");
        await h.AskAsync("other", RiskLevel.Critical);
        var ai = new HandoffRequest(HandoffHarness.Reference("rule-high"), HandoffReason.AiSuggested, RiskLevel.Critical, [SupportCategory.Suicidal], []);

        var result = await h.Requests.RequestAsync(ai, CancellationToken.None);

        Assert.False(result.Queued);
        var queue = await h.Queries.GetQueueAsync();
        Assert.Equal(2, queue.Count);
        var raised = Assert.Single(queue, s => s.ConversationId == "rule-high");
        Assert.Equal(RiskLevel.Critical, raised.Priority);
        Assert.True(raised.AiSuggested);
        Assert.Equal(HandoffReason.Risk, raised.Reason);
        Assert.Equal(["消えたい"], raised.MatchedTerms);
        Assert.Contains(SupportCategory.Suicidal, raised.Categories);
        Assert.Single(h.Outbound("rule-high"), a => a.Name == HandoffActivities.InitiateHandoff);
        Assert.Equal(RiskLevel.Critical, (await h.Store.FindAsync("rule-high"))!.Priority);
    }

    [Fact]
    public async Task An_ai_suggestion_below_the_waiting_priority_never_lowers_it_and_is_not_marked_ETH02()
    {
        var h = new HandoffHarness();
        await h.AskAsync("c", RiskLevel.Critical);
        await h.Requests.RequestAsync(new HandoffRequest(HandoffHarness.Reference("c"), HandoffReason.AiSuggested, RiskLevel.High, [], []), CancellationToken.None);

        var session = Assert.Single(await h.Queries.GetQueueAsync());
        Assert.Equal(RiskLevel.Critical, session.Priority);
        Assert.False(session.AiSuggested);
    }

    [Fact]
    public async Task An_ai_suggestion_for_a_conversation_not_yet_waiting_queues_it_marked_as_ai_suggested()
    {
        var h = new HandoffHarness();
        var result = await h.Requests.RequestAsync(new HandoffRequest(HandoffHarness.Reference("n"), HandoffReason.AiSuggested, RiskLevel.High, [], []), CancellationToken.None);

        Assert.True(result.Queued);
        var session = Assert.Single(await h.Queries.GetQueueAsync());
        Assert.Equal((RiskLevel.High, HandoffReason.AiSuggested, true), (session.Priority, session.Reason, session.AiSuggested));
    }

    [Fact]
    public async Task Outside_hours_the_person_is_told_honestly_and_given_around_the_clock_services_but_keeps_a_place()
    {
        // 2026-04-01 10:00 UTC is 19:00 JST, a Wednesday.
        var h = new HandoffHarness(new HandoffOptions { Hours = "Mon-Fri 09:00-17:00" });
        var result = await h.AskAsync("c1");
        Assert.True(result.Queued);
        Assert.False(result.CounselorsAvailableNow);
        Assert.Contains("受付時間外", result.PersonMessage, StringComparison.Ordinal);
        Assert.Contains("月〜金 09:00〜17:00", result.PersonMessage, StringComparison.Ordinal);
        Assert.Contains("0120-279-338", result.PersonMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_counselors_claiming_at_once_exactly_one_wins()
    {
        for (var round = 0; round < 20; round++)
        {
            var h = new HandoffHarness();
            await h.AskAsync("c1", RiskLevel.Critical);
            var results = await Task.WhenAll(
                Task.Run(() => h.Commands.ClaimAsync("c1", Sato)),
                Task.Run(() => h.Commands.ClaimAsync("c1", Suzuki)));
            Assert.Single(results, r => r.Outcome == HandoffOutcome.Done);
            Assert.Single(results, r => r.Outcome == HandoffOutcome.Conflict);
            var session = await h.Store.FindAsync("c1");
            Assert.Equal(HandoffState.Counselor, session!.State);
            Assert.Single(h.SentTexts("c1"), t => t == h.Queries.Texts.Connected);
        }
    }

    [Fact]
    public async Task Claiming_an_ended_conversation_is_a_conflict_and_changes_nothing()
    {
        var h = new HandoffHarness();
        await h.AskAsync("c1");
        await h.Commands.ClaimAsync("c1", Sato);
        await h.Commands.EndAsync("c1", Sato);
        var late = await h.Commands.ClaimAsync("c1", Suzuki);
        Assert.Equal(HandoffOutcome.Conflict, late.Outcome);
        Assert.Equal(HandoffState.Bot, (await h.Store.FindAsync("c1"))!.State);
        Assert.Equal(HandoffOutcome.NotFound, (await h.Commands.ClaimAsync("nope", Sato)).Outcome);
    }

    [Fact]
    public async Task Capacity_limits_how_many_a_counselor_holds()
    {
        var h = new HandoffHarness(new HandoffOptions { CounselorCapacity = 1 });
        await h.AskAsync("c1");
        await h.AskAsync("c2");
        Assert.Equal(HandoffOutcome.Done, (await h.Commands.ClaimAsync("c1", Sato)).Outcome);
        Assert.Equal(HandoffOutcome.Conflict, (await h.Commands.ClaimAsync("c2", Sato)).Outcome);
        Assert.Equal(HandoffOutcome.Done, (await h.Commands.ClaimAsync("c2", Suzuki)).Outcome);
    }

    [Fact]
    public async Task Capacity_holds_when_one_counselor_claims_several_conversations_at_once()
    {
        for (var round = 0; round < 10; round++)
        {
            var h = new HandoffHarness(new HandoffOptions { CounselorCapacity = 1 });
            var ids = Enumerable.Range(0, 4).Select(i => $"c{i}").ToList();
            foreach (var id in ids)
            {
                await h.AskAsync(id);
            }

            var results = await Task.WhenAll(ids.Select(id => Task.Run(() => h.Commands.ClaimAsync(id, Sato))));
            Assert.Equal(4, results.Length);
            Assert.Single(results, r => r.Outcome == HandoffOutcome.Done);
            Assert.Single(await h.Queries.GetActiveAsync(Sato));
        }
    }

    [Fact]
    public async Task Only_the_holder_sends_and_another_counselor_is_forbidden_but_a_supervisor_may_read()
    {
        var h = new HandoffHarness();
        await h.AskAsync("c1");
        await h.Commands.ClaimAsync("c1", Sato);

        Assert.Equal(HandoffOutcome.Done, (await h.Commands.SendAsync("c1", Sato, "こんばんは。話してくれてありがとう。")).Outcome);
        Assert.Equal(HandoffOutcome.Forbidden, (await h.Commands.SendAsync("c1", Suzuki, "横から")).Outcome);
        Assert.Equal(HandoffOutcome.Forbidden, (await h.Queries.ReadTranscriptAsync("c1", Suzuki)).Result.Outcome);
        Assert.Equal(HandoffOutcome.Invalid, (await h.Commands.SendAsync("c1", Sato, "  ")).Outcome);
        Assert.Equal(HandoffOutcome.Invalid, (await h.Commands.SendAsync("c1", Sato, new string('あ', 2001))).Outcome);

        var (result, messages) = await h.Queries.ReadTranscriptAsync("c1", Boss);
        Assert.Equal(HandoffOutcome.Done, result.Outcome);
        var counselorLine = Assert.Single(messages, m => m.From == "counselor");
        Assert.Equal("こんばんは。話してくれてありがとう。", counselorLine.Text);
        Assert.Contains(h.Audit.Entries, e => e.Actor == "boss" && e.Action == AuditActions.Observe);
        Assert.Contains(h.Audit.Entries, e => e.Actor == "suzuki" && e.Action == AuditActions.Denied);
        Assert.DoesNotContain(h.Audit.Entries, e => e.Detail?.Contains("こんばんは", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_supervisor_observes_a_held_conversation_but_cannot_write_into_it_or_end_it()
    {
        var h = new HandoffHarness();
        await h.AskAsync("c1");
        await h.Commands.ClaimAsync("c1", Sato);

        Assert.Equal(HandoffOutcome.Forbidden, (await h.Commands.SendAsync("c1", Boss, "監督者です")).Outcome);
        Assert.Equal(HandoffOutcome.Forbidden, (await h.Commands.SendTypingAsync("c1", Boss)).Outcome);
        Assert.Equal(HandoffOutcome.Forbidden, (await h.Commands.EndAsync("c1", Boss)).Outcome);
        Assert.Equal(HandoffState.Counselor, (await h.Queries.FindAsync("c1"))!.State);
        Assert.Equal(2, h.Audit.Entries.Count(e => e.Actor == "boss" && e.Action == AuditActions.Denied));
        Assert.Equal(HandoffOutcome.Done, (await h.Queries.ReadTranscriptAsync("c1", Boss)).Result.Outcome);

        // Taking the conversation off a counselor who cannot go on stays open to a supervisor.
        Assert.Equal(HandoffOutcome.Done, (await h.Commands.TransferAsync("c1", Boss, null)).Outcome);
        Assert.Equal(HandoffState.Waiting, (await h.Queries.FindAsync("c1"))!.State);
    }

    [Fact]
    public async Task Ending_tells_the_person_stores_handoff_status_completed_and_then_hands_the_conversation_back_to_the_bot()
    {
        var h = new HandoffHarness();
        var resumed = new TaskCompletionSource<(BotResumed Event, string? LastText)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sub = h.Bus.Subscribe<BotResumed>((e, _) =>
        {
            resumed.TrySetResult((e, h.SentTexts(e.ConversationId)[^1]));
            return Task.CompletedTask;
        });
        await h.AskAsync("c1");
        await h.Commands.ClaimAsync("c1", Sato);
        var end = await h.Commands.EndAsync("c1", Sato);

        Assert.Equal(HandoffOutcome.Done, end.Outcome);
        var (e, lastText) = await resumed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("c1", e.ConversationId);
        Assert.Equal("c1", e.Reference.Conversation!.Id);
        Assert.Equal(h.Queries.Texts.Ended, lastText);   // the bot's turn comes after the closing message
        var statuses = h.Outbound("c1").Where(a => a.Name == HandoffActivities.HandoffStatus).Select(a => a.Value!.Value.GetProperty("state").GetString());
        Assert.Equal(["accepted", "completed"], statuses);
        Assert.False(await h.Queries.IsWithHumanAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task Closing_a_conversation_does_not_hand_it_back_to_the_bot()
    {
        var h = new HandoffHarness();
        var resumed = 0;
        using var sub = h.Bus.Subscribe<BotResumed>((_, _) =>
        {
            Interlocked.Increment(ref resumed);
            return Task.CompletedTask;
        });
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var endSub = h.Bus.Subscribe<HandoffEnded>((_, _) =>
        {
            ended.TrySetResult();
            return Task.CompletedTask;
        });
        await h.AskAsync("c1");
        await h.Commands.ClaimAsync("c1", Sato);
        await h.Commands.EndAsync("c1", Sato, close: true);

        await ended.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(100);
        Assert.Equal(0, Volatile.Read(ref resumed));
        Assert.Equal(h.Queries.Texts.Closed, h.SentTexts("c1")[^1]);
    }

    [Fact]
    public async Task Long_waits_offer_around_the_clock_services_once_without_leaving_the_queue()
    {
        var h = new HandoffHarness();
        await h.AskAsync("c1");
        h.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await h.Timers.NotifyLongWaitsAsync());
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await h.Timers.NotifyLongWaitsAsync());
        Assert.Equal(0, await h.Timers.NotifyLongWaitsAsync());
        Assert.Contains(h.SentTexts("c1"), t => t!.Contains("0120-279-338", StringComparison.Ordinal));
        // Said to anyone, whatever their age: no line for children only.
        Assert.DoesNotContain(h.SentTexts("c1"), t => t!.Contains("0120-0-78310", StringComparison.Ordinal));
        Assert.Equal(HandoffState.Waiting, (await h.Store.FindAsync("c1"))!.State);
    }

    [Fact]
    public async Task The_relay_lets_the_bot_answer_while_waiting_keeps_it_silent_while_held_publishes_to_the_console_and_lets_the_person_cancel()
    {
        var h = new HandoffHarness();
        var adapter = new TestAdapter("test");
        adapter.Use(new HandoffRelayMiddleware(h.Queries, h.Requests));
        var relayed = new List<PersonMessaged>();
        var got = new SemaphoreSlim(0);
        using var sub = h.Bus.Subscribe<PersonMessaged>((e, _) =>
        {
            lock (relayed)
            {
                relayed.Add(e);
            }

            got.Release();
            return Task.CompletedTask;
        });
        var conversationId = adapter.Conversation.Conversation!.Id!;
        HandoffWaiting? seen = null;
        BotCallbackHandler bot = (turn, ct) =>
        {
            seen = turn.TurnState.Get<HandoffWaiting>();
            return turn.SendActivityAsync("ボットの返事", ct);
        };

        await new TestFlow(adapter, bot).Send("こんにちは").AssertReply("ボットの返事").StartTestAsync();
        Assert.Null(seen);
        await h.Requests.RequestAsync(new HandoffRequest(adapter.Conversation, HandoffReason.PersonAsked, RiskLevel.None, [], []), CancellationToken.None);

        // Waiting and nobody holds it: the console gets the message AND the bot answers, knowing the wait.
        h.Clock.Advance(TimeSpan.FromMinutes(3));
        await new TestFlow(adapter, bot).Send("まだですか").AssertReply("ボットの返事").StartTestAsync();
        Assert.True(await got.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(conversationId, Assert.Single(relayed).ConversationId);
        Assert.Equal(new HandoffWaiting(1, true, null, TimeSpan.FromMinutes(3)), seen);

        await new TestFlow(adapter, bot).Send("キャンセル").AssertReply(h.Queries.Texts.Cancelled).StartTestAsync();
        Assert.False(await h.Queries.IsWithHumanAsync(conversationId, CancellationToken.None));
        await new TestFlow(adapter, bot).Send("こんにちは").AssertReply("ボットの返事").StartTestAsync();

        // Held by a counselor: the bot stays silent and the console still gets the message.
        await h.Requests.RequestAsync(new HandoffRequest(adapter.Conversation, HandoffReason.PersonAsked, RiskLevel.None, [], []), CancellationToken.None);
        Assert.Equal(HandoffOutcome.Done, (await h.Commands.ClaimAsync(conversationId, Sato)).Outcome);
        await new TestFlow(adapter, bot).Send("聞いてほしい").AssertNoReply().StartTestAsync();
        Assert.True(await got.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Counselor_hours_say_when_they_next_begin_in_japan_time()
    {
        var hours = CounselorHours.Parse("Mon-Fri 17:00-22:00");
        var saturdayNight = new DateTimeOffset(2027, 1, 1, 17, 20, 0, TimeSpan.Zero); // Sat 2 Jan 02:20 JST
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 17, 0, 0, TimeSpan.FromHours(9)), hours.NextOpening(saturdayNight));
        var wednesdayAfternoon = new DateTimeOffset(2026, 11, 25, 5, 0, 0, TimeSpan.Zero); // Wed 14:00 JST
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(9)), hours.NextOpening(wednesdayAfternoon));
        var open = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero); // Wed 18:00 JST
        Assert.Equal(open, hours.NextOpening(open));
    }

    [Fact]
    public async Task Within_hours_with_nobody_available_the_request_says_so_plainly_and_outside_hours_it_says_when()
    {
        var nobody = new HandoffHarness(onDuty: new FixedCounselors(new CounselorAccount("sato", CounselorRole.Counselor, CounselorStatus.Away, false)));
        var result = await nobody.AskAsync("n1");
        Assert.True(result.Queued);
        Assert.False(result.CounselorsAvailableNow);
        Assert.Contains("いまは対応できる相談員がいません", result.PersonMessage, StringComparison.Ordinal);
        Assert.Null(result.CounselorsBackAt);
        Assert.False((await nobody.Requests.Availability.WaitingAsync((await nobody.Store.FindAsync("n1"))!)).CounselorOnDuty);

        var available = new HandoffHarness(onDuty: new FixedCounselors(new CounselorAccount("sato", CounselorRole.Counselor, CounselorStatus.Available, false)));
        Assert.True((await available.AskAsync("a1")).CounselorsAvailableNow);

        var closed = new HandoffHarness(new HandoffOptions { Hours = "Mon-Fri 09:00-17:00" });
        var late = await closed.AskAsync("c1"); // Wed 19:00 JST
        Assert.False(late.CounselorsAvailableNow);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(9)), late.CounselorsBackAt);
        Assert.Contains("受付時間外", late.PersonMessage, StringComparison.Ordinal);
    }

    private sealed class FixedCounselors(params CounselorAccount[] accounts) : ICounselorDirectory
    {
        public Task<IReadOnlyList<CounselorAccount>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<CounselorAccount>>(accounts);

        public Task<CounselorAccount?> FindAsync(string userName, CancellationToken cancellationToken = default) => Task.FromResult(accounts.FirstOrDefault(a => a.UserName == userName));

        public Task<bool> SetStatusAsync(string userName, CounselorStatus status, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }

    [Fact]
    public void Hours_are_read_in_japan_time_and_described_in_japanese()
    {
        var hours = CounselorHours.Parse("Mon-Fri 17:00-22:00, Sat-Sun 13:00-24:00");
        Assert.Equal("月〜金 17:00〜22:00、土〜日 13:00〜24:00", hours.Description);
        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 4, 1, 8, 30, 0, TimeSpan.Zero)));   // Wed 17:30 JST
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 4, 1, 13, 0, 0, TimeSpan.Zero)));  // Wed 22:00 JST
        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 4, 4, 14, 59, 0, TimeSpan.Zero)));  // Sat 23:59 JST
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 4, 4, 3, 0, 0, TimeSpan.Zero)));   // Sat 12:00 JST
        Assert.Throws<FormatException>(() => CounselorHours.Parse("weekdays 5pm"));
    }
}
