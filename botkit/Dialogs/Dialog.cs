using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// A reusable piece of conversation. One instance serves every conversation: a dialog keeps no
/// per-conversation fields; what it must remember between turns lives in its
/// <see cref="DialogInstance.State"/> on the dialog stack, which is saved with the conversation state.
/// </summary>
public abstract class Dialog
{
    /// <summary>Returned by a dialog that waits for the user's next message.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        Id = dialogId;
    }

    /// <summary>The id under which the dialog is added to a <see cref="DialogSet"/> and begun.</summary>
    public string Id { get; }

    /// <summary>
    /// Called when the dialog is pushed onto the stack. Send a message and return
    /// <see cref="EndOfTurn"/> to wait for the user, or end at once with <see cref="DialogContext.EndDialogAsync"/>.
    /// </summary>
    /// <param name="options">What the caller passed to <see cref="DialogContext.BeginDialogAsync"/>; only meaningful in this call, so store what you need in state.</param>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Called with the user's next activity while this dialog is on top of the stack. If not
    /// overridden, the dialog ends with no result, so a dialog that waits for input must override it.
    /// </summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>
    /// Called when a dialog this one began has ended and this one is on top again; <paramref name="result"/>
    /// is what the child ended with. If not overridden, the dialog ends and passes the result up.
    /// </summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks the user again (after an interruption such as help). Does nothing unless overridden.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>Called just before the dialog leaves the stack (ended, replaced or cancelled). Does nothing unless overridden.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public override string ToString() => $"{GetType().Name}({Id})";
}

/// <summary>Where the dialog stack stands after a call.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack is empty: nothing was running and nothing was begun.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    /// <summary>The stack was cancelled (for example by a global command).</summary>
    Cancelled,
}

/// <summary>
/// The outcome of a stack operation. <see cref="Result"/> is set only when <see cref="Status"/> is
/// <see cref="DialogTurnStatus.Complete"/>: it is the value the last dialog ended with.
/// </summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);

/// <summary>Why a dialog method is called.</summary>
public enum DialogReason
{
    /// <summary>A dialog was begun (also the first waterfall step).</summary>
    BeginCalled,

    /// <summary>The user sent the next activity.</summary>
    ContinueCalled,

    /// <summary>A dialog ended normally.</summary>
    EndCalled,

    /// <summary>A dialog was replaced by another.</summary>
    ReplaceCalled,

    /// <summary>The stack was cancelled.</summary>
    CancelCalled,

    /// <summary>A waterfall step skipped ahead with <see cref="WaterfallStepContext.NextAsync"/>.</summary>
    NextCalled,
}
