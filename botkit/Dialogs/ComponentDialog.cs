using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// A dialog made of other dialogs, with its own inner stack and <see cref="DialogSet"/>. To the
/// outside it is one dialog; inside, it begins <see cref="InitialDialogId"/> and ends when its inner
/// stack ends, with the inner result. Override the <c>On…</c> hooks to act before the inner dialogs
/// do, for example to answer an interruption.
/// </summary>
public class ComponentDialog : Dialog
{
    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The dialogs this component can begin on its inner stack.</summary>
    public DialogSet Dialogs { get; } = new();

    /// <summary>The inner dialog begun first; defaults to the first one added.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>Adds an inner dialog (the first one becomes <see cref="InitialDialogId"/> unless set).</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var innerDc = CreateInnerContext(outerDc, outerDc.ActiveDialog!);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken);
        return await AfterInnerTurnAsync(outerDc, turnResult, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var innerDc = CreateInnerContext(outerDc, outerDc.ActiveDialog!);
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken);
        return await AfterInnerTurnAsync(outerDc, turnResult, cancellationToken);
    }

    /// <summary>
    /// A dialog pushed on top of this component (on the outer stack) has ended. The component's inner
    /// dialog is still waiting, so it asks its question again and waits.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var innerDc = CreateInnerContext(turnContext, instance, parent: null);
        await innerDc.RepromptDialogAsync(cancellationToken);
        await OnRepromptDialogAsync(turnContext, instance, cancellationToken);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = CreateInnerContext(turnContext, instance, parent: null);
            await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken);
    }

    /// <summary>Begins <see cref="InitialDialogId"/> on the inner stack with the component's options.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (InitialDialogId is null)
        {
            throw new InvalidOperationException(
                $"ComponentDialog '{Id}' has no dialogs to begin. Call AddDialog (or set InitialDialogId) in its constructor.");
        }

        return innerDc.BeginDialogAsync(InitialDialogId, options, cancellationToken);
    }

    /// <summary>
    /// Hands the activity to the inner stack. Override to look at the activity first (an
    /// interruption): handle it and return a result without calling the base, or call the base.
    /// </summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    protected virtual Task OnRepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnEndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Ends the component on the outer stack with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private async Task<DialogTurnResult> AfterInnerTurnAsync(DialogContext outerDc, DialogTurnResult turnResult, CancellationToken cancellationToken)
    {
        if (turnResult.Status == DialogTurnStatus.Waiting)
        {
            return EndOfTurn;
        }

        // The inner stack may have been ended by someone else in the meantime (the outer stack
        // cancelled from inside a step); only end this component if it is still on top.
        if (outerDc.ActiveDialog is { } active && active.Id == Id && active.InnerState is { DialogStack.Count: 0 })
        {
            return await EndComponentAsync(outerDc, turnResult.Result, cancellationToken);
        }

        return turnResult;
    }

    private DialogContext CreateInnerContext(DialogContext outerDc, DialogInstance instance) =>
        CreateInnerContext(outerDc.Context, instance, outerDc);

    private DialogContext CreateInnerContext(ITurnContext turnContext, DialogInstance instance, DialogContext? parent)
    {
        instance.InnerState ??= new DialogState();
        instance.InnerState.DialogStack ??= [];
        return new DialogContext(Dialogs, turnContext, instance.InnerState, parent);
    }
}
