using System.Diagnostics;
using ChatSupport.Bot.Turns;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Telemetry;

/// <summary>
/// The first step of every channel's turn: counts the turn and its time by channel, bot mode and outcome,
/// and opens the <c>turn</c> span under the channel's request span. Only closed-set values are recorded.
/// </summary>
public sealed class TurnTelemetryMiddleware(ChatSupportTelemetry telemetry, IOptions<BotOptions> options) : ITurnMiddleware
{
    private readonly string _mode = options.Value.Mode.Equals("echo", StringComparison.OrdinalIgnoreCase) ? "echo" : "consultation";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var channel = Channel(turnContext.Activity.ChannelId);
        var started = Stopwatch.GetTimestamp();
        using var span = ChatSupportTelemetry.Source.StartActivity("turn");
        if (span is not null)
        {
            span.SetTag("channel", channel);
            span.SetTag("bot.mode", _mode);
            span.SetTag("activity.type", Type(turnContext.Activity.Type));
        }

        var outcome = "error";
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
            outcome = "ok";
        }
        catch (OperationCanceledException)
        {
            outcome = "canceled";
            throw;
        }
        finally
        {
            span?.SetTag("outcome", outcome);
            if (outcome == "error")
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            telemetry.TurnCompleted(channel, _mode, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The channel tag: one of the channels this host serves, never a value a client chose.</summary>
    internal static string Channel(string? channelId) => channelId switch
    {
        "directline" => "directline",
        "line" => "line",
        _ => "other",
    };

    private static string Type(string? type) => type switch
    {
        ActivityTypes.Message => ActivityTypes.Message,
        ActivityTypes.Event => ActivityTypes.Event,
        ActivityTypes.ConversationUpdate => ActivityTypes.ConversationUpdate,
        ActivityTypes.Typing => ActivityTypes.Typing,
        _ => "other",
    };
}
