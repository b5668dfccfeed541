using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// The dialog stack of one conversation during one turn, with the operations that change it:
/// begin, continue, end, replace, cancel and reprompt.
/// </summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        State = state ?? throw new ArgumentNullException(nameof(state));
        Parent = parent;
    }

    /// <summary>The dialogs this context can begin (besides those of its parents).</summary>
    public DialogSet Dialogs { get; }

    /// <summary>The current turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>The persisted stack this context works on.</summary>
    public DialogState State { get; }

    /// <summary>The context of the enclosing component dialog, or null at the root.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The stack; index 0 is the active dialog.</summary>
    public List<DialogInstance> Stack => State.DialogStack;

    /// <summary>The dialog on top of the stack, or null when the stack is empty.</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>
    /// Pushes the dialog with this id and begins it.
    /// </summary>
    /// <exception cref="DialogNotFoundException">No dialog with this id in this set or a parent set.</exception>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        var dialog = FindDialog(dialogId) ?? throw new DialogNotFoundException(
            dialogId,
            fromSavedStack: false,
            $"DialogContext.BeginDialogAsync(): a dialog with id '{dialogId}' wasn't found. Add it to the DialogSet of the root, or with AddDialog to the ComponentDialog that begins it.");

        Stack.Insert(0, new DialogInstance(dialogId));
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Begins a prompt: the same as <see cref="BeginDialogAsync"/> with <see cref="PromptOptions"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>
    /// Hands the incoming activity to the active dialog. Returns <see cref="DialogTurnStatus.Empty"/>
    /// when no dialog is active, so the caller can begin one.
    /// </summary>
    /// <exception cref="DialogNotFoundException">The stored stack names a dialog that no longer exists.</exception>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = FindActiveDialog(instance, nameof(ContinueDialogAsync));
        return await dialog.ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>
    /// Ends the active dialog and resumes the one below it with <paramref name="result"/>. When the
    /// stack becomes empty, returns <see cref="DialogTurnStatus.Complete"/> with the result.
    /// </summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);

        var instance = ActiveDialog;
        if (instance is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var dialog = FindActiveDialog(instance, nameof(EndDialogAsync));
        return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
    }

    /// <summary>Ends the active dialog (without resuming its parent) and begins another in its place.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>
    /// Ends every dialog on this stack, top first, each with <see cref="DialogReason.CancelCalled"/>.
    /// Returns <see cref="DialogTurnStatus.Cancelled"/>, or <see cref="DialogTurnStatus.Empty"/> if nothing was running.
    /// </summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to send its question again (after a help text, say).</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance is not null)
        {
            var dialog = FindActiveDialog(instance, nameof(RepromptDialogAsync));
            await dialog.RepromptDialogAsync(Context, instance, cancellationToken);
        }
    }

    /// <summary>The dialog with this id in this context's set or, failing that, in a parent's.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return;
        }

        var dialog = FindDialog(instance.Id);
        if (dialog is not null)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        }

        // The dialog may have changed the stack while ending; remove exactly this entry.
        Stack.Remove(instance);
    }

    private Dialog FindActiveDialog(DialogInstance instance, string operation) =>
        FindDialog(instance.Id) ?? throw new DialogNotFoundException(
            instance.Id,
            fromSavedStack: true,
            $"DialogContext.{operation}(): the active dialog '{instance.Id}' wasn't found. The saved stack names a dialog that is no longer added to this DialogSet (renamed or removed?). Add it again, or cancel the stack with CancelAllDialogsAsync.");
}

/// <summary>A dialog id on the stack or in a begin call that no dialog set knows.</summary>
public sealed class DialogNotFoundException(string dialogId, bool fromSavedStack, string message) : InvalidOperationException(message)
{
    public string DialogId { get; } = dialogId;

    /// <summary>
    /// True when the id came from the saved stack (the dialog was renamed or removed since), false
    /// when code asked to begin an id that was never added (a bug to fix).
    /// </summary>
    public bool FromSavedStack { get; } = fromSavedStack;
}
