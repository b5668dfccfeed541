using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.Cli;
using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Handoff;
using ChatSupport.Bot.Hosting;
using ChatSupport.Bot.Scale;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Telemetry;
using ChatSupport.Bot.Triage;
using ChatSupport.Bot.Turns;
using ChatSupport.Bot.WebChat;
using ChatSupport.BotKit.State;
using ChatSupport.Domain.Handoff;

// Command-line verbs (risk, directory, accounts) run instead of the web host.
if (CliCommands.TryRun(args, out var exitCode))
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddChatSupportHosting();
builder.AddChatSupportTelemetry();
builder.Services.AddChatSupportStorage(builder.Configuration);
builder.Services.AddDirectLine(builder.Configuration, builder.Environment);
builder.Services.AddChatSupportBot(builder.Configuration);
builder.Services.AddLineChannel(builder.Configuration);
builder.Services.AddTriage(builder.Configuration);
builder.Services.AddWebChat();
builder.Services.AddConsoleAccess(builder.Configuration, builder.Environment);
builder.Services.AddHandoff(builder.Configuration);
builder.Services.AddScaleOut(builder.Configuration);

// The turn pipeline: every channel (Direct Line, LINE) runs each turn through these steps, in this order,
// around the bot. Each step is registered by its feature; this list is the only place that orders them.
builder.Services.AddTurnPipeline(turn => turn
    // 0. Count and time the whole turn and open its span (docs/telemetry.md), so every later step and the bot
    //    are measured, a turn that a step ends early included. Records closed-set tags only.
    .Use<TurnTelemetryMiddleware>()
    // 1. Cap what the bot reads (the channel has already stored the whole text), so every later step
    //    reads the same text and the person is told that only the beginning was read.
    .Use<MessageLengthMiddleware>()
    // 2. Record 「AIを使わないで」 wherever the conversation is (ETH-04): the relay below ends the turn while a
    //    person waits for a counselor or talks with one, and an opt-out said then must not be lost. Registered by
    //    AddTriage whether or not the triage is enabled, so the choice also holds if it is turned on later.
    .Use<TriageConsentMiddleware>()
    // 3. While a human has the conversation the message goes to the console and the bot stays silent;
    //    this runs before state is loaded so the bot's state is not touched meanwhile. A high or critical
    //    message while still waiting goes on to the bot: the crisis reply never waits for a counselor.
    .Use<HandoffRelayMiddleware>()
    // 4. Save conversation and user state after the bot (optimistic concurrency), for every turn that reached it.
    .Use<AutoSaveStateMiddleware>()
    // 5. AI triage, when enabled: queues the redacted message only after the bot has answered and the
    //    rule-based crisis path has run (the turn never waits for the AI).
    .UseIfRegistered<TriageMiddleware>());

var app = builder.Build();
await app.Services.MigrateChatSupportStorageAsync();
app.Services.ValidateChatSupportData();

app.UseChatSupportHosting();
app.UseChatSupportTelemetry();
app.MapHealthEndpoints();
app.MapDirectLineApi();
app.MapLineWebhook();
app.MapWebChatApi();
app.MapHandoffApi();
app.MapTriageReview();
app.MapHandoffConsole();

await app.RunAsync();
return 0;

/// <summary>The host's entry point (named for WebApplicationFactory in tests).</summary>
public partial class Program;
