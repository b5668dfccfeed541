using ChatSupport.Bot.Cli;

// Command-line verbs (risk, directory, accounts) run instead of the web host.
if (CliCommands.TryRun(args, out var exitCode))
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => TypedResults.Ok("alive"));
app.Run();
return 0;

/// <summary>Marker for WebApplicationFactory.</summary>
public partial class Program;
