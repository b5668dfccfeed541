using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.State;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>Runs a root dialog for one turn.</summary>
public static class DialogExtensions
{
    /// <summary>
    /// Continues the conversation's active dialog with this turn's activity, or begins
    /// <paramref name="dialog"/> when nothing is active. The caller saves the conversation state
    /// after the turn, as for any state change.
    /// </summary>
    public static Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken) =>
        RunAsync(dialog, turnContext, accessor, null, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(Dialog, ITurnContext, IStatePropertyAccessor{DialogState}, CancellationToken)"/>,
    /// but a message that matches one of <paramref name="globalCommands"/> (最初から, やめる, 人と話したい,
    /// help …) is handled first, before the active dialog sees it, even when no dialog is active yet.
    /// </summary>
    /// <remarks>
    /// If the saved stack names a dialog that no longer exists (a deploy renamed it), the stack is
    /// cleared and <paramref name="dialog"/> begins again, so the conversation is never stuck.
    /// </remarks>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, GlobalCommands? globalCommands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);

        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken);

        if (globalCommands is not null
            && turnContext.Activity.IsType(ActivityTypes.Message)
            && globalCommands.Match(turnContext.Activity.Text) is { } command)
        {
            var handled = await command.Handler(new GlobalCommandContext(dc, dialog, command), cancellationToken);
            if (handled is not null)
            {
                return handled;
            }
        }

        DialogTurnResult result;
        var sentBefore = SendCounter.Count(turnContext);
        try
        {
            result = await dc.ContinueDialogAsync(cancellationToken);
        }
        catch (DialogNotFoundException ex) when (ex.FromSavedStack && SendCounter.Count(turnContext) == sentBefore)
        {
            // The saved stack is from an older version of the flows; start over rather than fail every turn.
            dc.Stack.Clear();
            result = new DialogTurnResult(DialogTurnStatus.Empty);
        }

        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken);
        }

        return result;
    }
}
