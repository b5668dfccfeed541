using BenchmarkDotNet.Attributes;
using ChatSupport.Bot.Turns;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.State;
using ChatSupport.BotKit.Testing;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Benchmarks.Turns;

/// <summary>
/// One turn in process (no HTTP, memory storage): the consultation bot answering a message at the
/// menu against the echo bot on the same adapter and state middleware. Separates bot logic from
/// channel and storage costs when reading the Direct Line load figures.
/// </summary>
[MemoryDiagnoser]
public class TurnBenchmarks
{
    private TestAdapter _consultationAdapter = null!;
    private TestAdapter _echoAdapter = null!;
    private ConsultationBot _consultation = null!;
    private EchoBot _echo = null!;

    [GlobalSetup]
    public void Setup()
    {
        var clock = TimeProvider.System;
        var texts = BotTexts.Default;
        var directory = SupportDirectory.LoadDefault(Path.Combine(Path.GetTempPath(), "no-local-directory"));
        var cards = new ServiceCards(texts);
        var humans = new HumanRequests(texts, directory, cards, clock);
        var crisis = new CrisisResponder(texts, directory, cards, humans, clock);
        var state = new ConversationState(new MemoryStorage());
        var acks = new Acknowledgements(texts);
        var offer = new SupportOffer(texts, new SupportRouter(directory), directory, cards, clock);
        var main = new MainDialog(texts, humans, new Listener(texts, acks, offer, humans), new FindSupportDialog(texts, offer, acks, crisis));
        _consultation = new ConsultationBot(state, main, humans, crisis, MessageReader.CreateDefault(), texts, clock);
        _consultationAdapter = new TestAdapter();
        _consultationAdapter.Use(new AutoSaveStateMiddleware(state));
        _consultationAdapter.SendAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("user-1")] }, _consultation.OnTurnAsync).GetAwaiter().GetResult();

        _echo = new EchoBot();
        var echoState = new ConversationState(new MemoryStorage());
        _echoAdapter = new TestAdapter();
        _echoAdapter.Use(new AutoSaveStateMiddleware(echoState));
    }

    [Benchmark(Baseline = true)]
    public async Task Echo()
    {
        await _echoAdapter.SendAsync(Activity.CreateMessage("こんにちは"), _echo.OnTurnAsync);
        Drain(_echoAdapter);
    }

    [Benchmark]
    public async Task Consultation()
    {
        await _consultationAdapter.SendAsync(Activity.CreateMessage("こんにちは"), _consultation.OnTurnAsync);
        Drain(_consultationAdapter);
    }

    private static void Drain(TestAdapter adapter)
    {
        while (adapter.GetNextReply() is not null)
        {
        }
    }
}
