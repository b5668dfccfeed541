namespace ChatSupport.BotKit.Turns;

/// <summary>The bot's turn logic, called at the end of the middleware pipeline.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
