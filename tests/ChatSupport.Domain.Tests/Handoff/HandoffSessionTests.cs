using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Handoff.Events;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Handoff;

public sealed class HandoffSessionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);

    private static HandoffSession Waiting(string id = "c1", RiskLevel priority = RiskLevel.Medium)
    {
        var session = HandoffSession.Create(id, "test", HandoffHarness.Reference(id));
        session.Request(HandoffHarness.Request(id, priority, "死にたい"), T0);
        return session;
    }

    [Fact]
    public void Request_claim_end_walks_bot_waiting_counselor_bot_and_records_past_tense_events()
    {
        var session = Waiting();
        Assert.Equal(HandoffState.Waiting, session.State);
        Assert.Equal(T0, session.WaitingSince);

        session.Claim("sato", T0.AddMinutes(1));
        Assert.Equal(HandoffState.Counselor, session.State);
        Assert.True(session.IsHeldBy("sato"));

        session.End(T0.AddMinutes(20));
        Assert.Equal(HandoffState.Bot, session.State);
        Assert.Null(session.CounselorId);

        Assert.Collection(
            session.PendingEvents,
            e => Assert.IsType<HandoffRequested>(e),
            e => Assert.Equal("sato", Assert.IsType<HandoffClaimed>(e).CounselorId),
            e => Assert.False(Assert.IsType<HandoffEnded>(e).Closed));
        Assert.All(session.PendingEvents, e => Assert.NotEqual(Guid.Empty, e.EventId));
        Assert.Equal(T0.AddMinutes(1), session.PendingEvents[1].OccurredAt);
    }

    [Fact]
    public void End_with_close_leaves_the_conversation_closed_and_a_new_request_reopens_it()
    {
        var session = Waiting();
        session.Claim("sato", T0);
        session.End(T0.AddMinutes(5), close: true);
        Assert.Equal(HandoffState.Closed, session.State);

        session.Request(HandoffHarness.Request("c1"), T0.AddHours(1));
        Assert.Equal(HandoffState.Waiting, session.State);
        Assert.Equal(T0.AddHours(1), session.WaitingSince);
    }

    [Fact]
    public void Illegal_moves_throw_and_name_the_state()
    {
        var fresh = HandoffSession.Create("c1", "test", HandoffHarness.Reference("c1"));
        Assert.Contains("claim", Assert.Throws<HandoffTransitionException>(() => fresh.Claim("sato", T0)).Message, StringComparison.Ordinal);
        Assert.Throws<HandoffTransitionException>(() => fresh.End(T0));
        Assert.Throws<HandoffTransitionException>(() => fresh.Cancel(T0));
        Assert.Throws<HandoffTransitionException>(() => fresh.Transfer(null, T0));

        var waiting = Waiting();
        Assert.Throws<HandoffTransitionException>(() => waiting.Request(HandoffHarness.Request("c1"), T0));
        Assert.Throws<HandoffTransitionException>(() => waiting.End(T0));

        var held = Waiting();
        held.Claim("sato", T0);
        var ex = Assert.Throws<HandoffTransitionException>(() => held.Claim("suzuki", T0));
        Assert.Equal(HandoffState.Counselor, ex.State);
        Assert.Contains("counselor", ex.Message, StringComparison.Ordinal);
        Assert.Throws<HandoffTransitionException>(() => held.Cancel(T0));
        Assert.Equal("sato", held.CounselorId);
    }

    [Fact]
    public void Person_cancels_while_waiting_and_the_bot_has_the_conversation_again()
    {
        var session = Waiting();
        session.Cancel(T0.AddMinutes(2));
        Assert.Equal(HandoffState.Bot, session.State);
        Assert.IsType<HandoffCancelled>(session.PendingEvents[^1]);
    }

    [Fact]
    public void Transfer_to_the_queue_keeps_the_place_and_to_a_named_counselor_reserves_it()
    {
        var session = Waiting();
        session.Claim("sato", T0.AddMinutes(3));
        session.Transfer(null, T0.AddMinutes(10));
        Assert.Equal(HandoffState.Waiting, session.State);
        Assert.Equal(T0, session.WaitingSince);

        session.Claim("suzuki", T0.AddMinutes(11));
        session.Transfer("tanaka", T0.AddMinutes(12));
        Assert.Equal("tanaka", session.AssignedCounselorId);
        Assert.Throws<HandoffTransitionException>(() => session.Claim("sato", T0.AddMinutes(13)));
        session.Claim("tanaka", T0.AddMinutes(13));
        Assert.True(session.IsHeldBy("tanaka"));
        Assert.Throws<HandoffTransitionException>(() => session.Transfer("tanaka", T0.AddMinutes(14)));
    }

    [Fact]
    public void Escalation_only_raises_the_priority_and_merges_terms()
    {
        var session = Waiting(priority: RiskLevel.High);
        Assert.False(session.Escalate(HandoffHarness.Request("c1", RiskLevel.Low, "つらい"), T0));
        Assert.Equal(RiskLevel.High, session.Priority);
        Assert.True(session.Escalate(HandoffHarness.Request("c1", RiskLevel.Critical, "死にたい"), T0));
        Assert.Equal(RiskLevel.Critical, session.Priority);
        Assert.Equal(["死にたい", "つらい"], session.MatchedTerms);
    }

    [Fact]
    public void Snapshot_round_trip_keeps_every_field()
    {
        var session = Waiting(priority: RiskLevel.Critical);
        session.Claim("sato", T0.AddMinutes(1));
        var restored = HandoffSession.Restore(session.ToSnapshot());
        Assert.Equal(session.ToSnapshot() with { Reference = null!, Categories = [], MatchedTerms = [] }, restored.ToSnapshot() with { Reference = null!, Categories = [], MatchedTerms = [] });
        Assert.Equal(session.MatchedTerms, restored.MatchedTerms);
        Assert.Empty(restored.PendingEvents);
    }

    [Fact]
    public void Queue_order_is_critical_then_high_then_the_rest_then_longest_wait()
    {
        HandoffSession At(string id, RiskLevel p, int minute)
        {
            var s = HandoffSession.Create(id, "test", HandoffHarness.Reference(id));
            s.Request(HandoffHarness.Request(id, p), T0.AddMinutes(minute));
            return s;
        }

        var list = new List<HandoffSession>
        {
            At("low-early", RiskLevel.Low, 0),
            At("medium-late", RiskLevel.Medium, 9),
            At("high-late", RiskLevel.High, 8),
            At("critical-late", RiskLevel.Critical, 7),
            At("none-mid", RiskLevel.None, 3),
            At("high-early", RiskLevel.High, 1),
            At("critical-early", RiskLevel.Critical, 5),
        };
        list.Sort(HandoffQueueOrder.Instance);
        Assert.Equal(["critical-early", "critical-late", "high-early", "high-late", "low-early", "none-mid", "medium-late"], list.Select(s => s.ConversationId));
    }
}
