using ChatSupport.BotKit.State;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// The dialogs that can be begun from one stack, by id. The root set is bound to a state property
/// that holds the conversation's <see cref="DialogState"/>; a component dialog's inner set is not.
/// </summary>
public sealed class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        _dialogState = dialogState ?? throw new ArgumentNullException(nameof(dialogState));
    }

    /// <summary>A set without its own state property (the inner set of a component dialog).</summary>
    public DialogSet()
    {
    }

    public IReadOnlyCollection<Dialog> Dialogs => _dialogs.Values;

    /// <summary>Adds a dialog. Ids are unique within a set; adding a second dialog with the same id throws.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog))
            {
                return this;
            }

            throw new ArgumentException(
                $"DialogSet.Add(): a dialog with id '{dialog.Id}' ({existing.GetType().Name}) is already in this set. Give each dialog a unique id.",
                nameof(dialog));
        }

        _dialogs[dialog.Id] = dialog;
        return this;
    }

    /// <summary>The dialog with this id in this set, or null (parents are not searched; see <see cref="DialogContext.FindDialog"/>).</summary>
    public Dialog? Find(string dialogId) =>
        dialogId is not null && _dialogs.TryGetValue(dialogId, out var dialog) ? dialog : null;

    /// <summary>Loads the conversation's dialog stack and returns a context to run it in this turn.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException(
                "DialogSet.CreateContextAsync(): this set has no state property. Create the root set with new DialogSet(conversationState.CreateProperty<DialogState>(\"DialogState\")).");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        state.DialogStack ??= [];
        return new DialogContext(this, turnContext, state);
    }
}
