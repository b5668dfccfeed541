using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.Cli;
using ChatSupport.Bot.Handoff;
using ChatSupport.Bot.Hosting;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Triage;
using ChatSupport.Bot.Turns;
using ChatSupport.Bot.WebChat;

// Command-line verbs (risk, directory, accounts) run instead of the web host.
if (CliCommands.TryRun(args, out var exitCode))
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddChatSupportHosting();
builder.Services.AddChatSupportStorage(builder.Configuration);
builder.Services.AddDirectLine(builder.Configuration, builder.Environment);
builder.Services.AddChatSupportBot(builder.Configuration);
builder.Services.AddLineChannel(builder.Configuration);
builder.Services.AddTriage(builder.Configuration);
builder.Services.AddWebChat();
builder.Services.AddHandoff(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.Services.MigrateChatSupportStorageAsync();
app.Services.ValidateChatSupportData();

app.UseChatSupportHosting();
app.MapHealthEndpoints();
app.MapDirectLineApi();
app.MapLineWebhook();
app.MapWebChatApi();
app.MapHandoffApi();
app.MapHandoffConsole();

await app.RunAsync();
return 0;

/// <summary>The host's entry point (named for WebApplicationFactory in tests).</summary>
public partial class Program;
