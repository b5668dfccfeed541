using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Telemetry;

/// <summary>
/// The one place the service's meter and activity source are defined (docs/telemetry.md). Every instrument
/// is always on in process (it costs an add when nobody listens); exporting is the host's choice.
/// Tags take values only from small closed sets — channel, bot mode, level, harm, priority, outcome —
/// never message text, a user id, a conversation id, a counselor's name or an address.
/// </summary>
public sealed class ChatSupportTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "ChatSupport";

    /// <summary>Spans from channel to turn to store to console; shared by every instance (an ActivitySource is process-wide).</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _crisisReplies;
    private readonly Counter<long> _handoffRequests;
    private readonly Histogram<double> _timeToClaim;
    private readonly UpDownCounter<long> _streams;
    private readonly Counter<long> _lineDeliveries;
    private readonly Counter<long> _triageCalls;
    private readonly Histogram<double> _triageDuration;
    private readonly Counter<long> _triageCircuitChanges;
    private volatile QueueSnapshot _queue = QueueSnapshot.Empty;
    private int _triageCircuitOpen;

    public ChatSupportTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(Name);
        _turns = meter.CreateCounter<long>("chatsupport.turns", "{turn}", "Turns run by the bot, by channel, bot mode and outcome.");
        _turnDuration = meter.CreateHistogram<double>("chatsupport.turn.duration", "s", "Time from a person's message entering the turn pipeline to its end.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _crisisReplies = meter.CreateCounter<long>("chatsupport.crisis.replies", "{reply}", "Crisis templates sent, by risk level and harm.");
        _handoffRequests = meter.CreateCounter<long>("chatsupport.handoff.requests", "{request}", "Conversations put in the counselor queue, by priority.");
        _timeToClaim = meter.CreateHistogram<double>("chatsupport.handoff.time_to_claim", "s", "From joining the queue to a counselor claiming, by priority.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600] });
        meter.CreateObservableGauge("chatsupport.handoff.queue.length", () => _queue.Lengths(), "{conversation}", "Conversations waiting for a counselor, by priority (refreshed every few seconds).");
        meter.CreateObservableGauge("chatsupport.handoff.queue.oldest_wait", () => _queue.OldestWaits(), "s", "How long the longest-waiting conversation of each priority has waited.");
        _streams = meter.CreateUpDownCounter<long>("chatsupport.directline.streams", "{stream}", "Open Direct Line WebSocket streams on this node.");
        _lineDeliveries = meter.CreateCounter<long>("chatsupport.line.deliveries", "{delivery}", "LINE delivery attempts, by outcome (reply, push, retry, failed, rejected).");
        _triageCalls = meter.CreateCounter<long>("chatsupport.triage.calls", "{call}", "AI triage calls, by outcome (judged, invalid_output, timeout, error, circuit_open, withheld).");
        _triageDuration = meter.CreateHistogram<double>("chatsupport.triage.duration", "s", "AI triage call time, by outcome.");
        _triageCircuitChanges = meter.CreateCounter<long>("chatsupport.triage.circuit.transitions", "{transition}", "AI triage circuit breaker transitions, by state (open, closed).");
        meter.CreateObservableGauge("chatsupport.triage.circuit.open", () => Volatile.Read(ref _triageCircuitOpen), "{circuit}", "1 while the AI triage circuit is open (calls are skipped), else 0.");
    }

    /// <summary>A turn ended: <paramref name="outcome"/> is <c>ok</c>, <c>error</c> or <c>canceled</c>.</summary>
    public void TurnCompleted(string channel, string botMode, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "channel", channel }, { "bot.mode", botMode }, { "outcome", outcome } };
        _turns.Add(1, tags);
        _turnDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>A crisis template went out; <paramref name="harm"/> is the harm's wire name (a closed set).</summary>
    public void CrisisReplySent(RiskLevel level, string harm) =>
        _crisisReplies.Add(1, new KeyValuePair<string, object?>("level", Wire(level)), new KeyValuePair<string, object?>("harm", harm));

    public void HandoffRequested(RiskLevel priority) =>
        _handoffRequests.Add(1, new KeyValuePair<string, object?>("priority", Wire(priority)));

    public void HandoffClaimed(RiskLevel priority, TimeSpan waited) =>
        _timeToClaim.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("priority", Wire(priority)));

    /// <summary>Replaces what the queue gauges report (the host refreshes it from the store).</summary>
    public void ObserveQueue(IEnumerable<(RiskLevel Priority, TimeSpan Waited)> waiting) => _queue = QueueSnapshot.From(waiting);

    public void StreamOpened() => _streams.Add(1);

    public void StreamClosed() => _streams.Add(-1);

    /// <summary>A LINE delivery attempt ended: <c>reply</c>, <c>push</c>, <c>retry</c>, <c>failed</c> (gave up) or <c>rejected</c>.</summary>
    public void LineDelivery(string outcome) => _lineDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>An AI triage call ended; <paramref name="outcome"/> is the triage outcome's wire name.</summary>
    public void TriageCall(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _triageCalls.Add(1, tag);
        _triageDuration.Record(elapsed.TotalSeconds, tag);
    }

    public void TriageCircuit(bool open)
    {
        Volatile.Write(ref _triageCircuitOpen, open ? 1 : 0);
        _triageCircuitChanges.Add(1, new KeyValuePair<string, object?>("state", open ? "open" : "closed"));
    }

    /// <summary>The tag value of a level or priority (a closed set of five).</summary>
    public static string Wire(RiskLevel level) => Enum.IsDefined(level) ? level.ToWire() : "unknown";

    private sealed class QueueSnapshot(Measurement<long>[] lengths, Measurement<double>[] oldest)
    {
        public static readonly QueueSnapshot Empty = From([]);

        public IEnumerable<Measurement<long>> Lengths() => lengths;

        public IEnumerable<Measurement<double>> OldestWaits() => oldest;

        public static QueueSnapshot From(IEnumerable<(RiskLevel Priority, TimeSpan Waited)> waiting)
        {
            var levels = Enum.GetValues<RiskLevel>();
            var counts = new long[levels.Length];
            var waits = new double[levels.Length];
            foreach (var (priority, waited) in waiting)
            {
                var i = Array.IndexOf(levels, priority);
                if (i < 0)
                {
                    continue;
                }

                counts[i]++;
                waits[i] = Math.Max(waits[i], waited.TotalSeconds);
            }

            // Every priority is reported, zero included, so a dashboard shows an empty queue as 0 rather than no data.
            return new(
                [.. levels.Select((l, i) => new Measurement<long>(counts[i], new KeyValuePair<string, object?>("priority", Wire(l))))],
                [.. levels.Select((l, i) => new Measurement<double>(waits[i], new KeyValuePair<string, object?>("priority", Wire(l))))]);
        }
    }
}
