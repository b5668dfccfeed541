using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;

namespace ChatSupport.TestSupport;

/// <summary>
/// Stands in for the consultation bot at the handoff port, as the lead's dialogs and crisis path
/// call it: 「人と話したい」 asks for a human; 「死にたい」 is a critical risk with its matched term;
/// anything else is echoed as 「ボット: …」, so a test can see when the bot speaks (also while the
/// conversation waits for a counselor: the relay lets the bot answer until a counselor holds it). Like the
/// consultation bot it greets a person who joins (<see cref="Welcome"/>), so a browser test can see that the
/// stream is live before it types.
/// </summary>
public sealed class HandoffTestBot(IHandoffRequests handoff) : ActivityHandler
{
    public const string AskForHuman = "人と話したい";
    public const string CriticalText = "死にたい";
    public const string Welcome = "ボット: ようこそ";

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(Activity.CreateMessage(Welcome), cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? string.Empty;
        var critical = text.Contains(CriticalText, StringComparison.Ordinal);
        if (critical || text.Contains(AskForHuman, StringComparison.Ordinal))
        {
            var result = await handoff.RequestAsync(
                new HandoffRequest(
                    turnContext.Activity.GetConversationReference(),
                    critical ? HandoffReason.Risk : HandoffReason.PersonAsked,
                    critical ? RiskLevel.Critical : RiskLevel.None,
                    critical ? [SupportCategory.Suicidal] : [],
                    critical ? [CriticalText] : []),
                cancellationToken);
            if (result.PersonMessage is not null)
            {
                await turnContext.SendActivityAsync(result.PersonMessage, cancellationToken);
            }

            return;
        }

        await turnContext.SendActivityAsync(Activity.CreateMessage("ボット: " + text), cancellationToken);
    }
}
