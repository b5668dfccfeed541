using System.Text.Json;
using System.Text.Json.Nodes;
using ChatSupport.BotKit.State;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// The persisted dialog stack of one conversation (or of one component dialog). Plain data: it is
/// saved as JSON in the conversation state and read back after a restart, so a conversation
/// continues at the same step.
/// </summary>
public sealed class DialogState
{
    /// <summary>The stack; index 0 is the active (top) dialog.</summary>
    public List<DialogInstance> DialogStack { get; set; } = [];
}

/// <summary>One dialog on the stack: which dialog it is and what it remembers.</summary>
public sealed class DialogInstance
{
    public DialogInstance()
    {
    }

    public DialogInstance(string id) => Id = id;

    /// <summary>The <see cref="Dialog.Id"/> this entry runs.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// The dialog's own memory as JSON (for example a waterfall's step index and values). Only
    /// JSON lives here, so it round-trips through storage unchanged; use <see cref="Get{T}"/> and
    /// <see cref="Set{T}"/> for typed access.
    /// </summary>
    public JsonObject State { get; set; } = [];

    /// <summary>The inner stack of a container such as <see cref="ComponentDialog"/>; null for other dialogs.</summary>
    public DialogState? InnerState { get; set; }

    /// <summary>Reads a value from <see cref="State"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public T? Get<T>(string key, T? defaultValue = default) =>
        State.TryGetPropertyValue(key, out var node) && node is not null
            ? node.Deserialize<T>(BotState.JsonOptions)
            : defaultValue;

    /// <summary>Stores a value in <see cref="State"/> as JSON (a snapshot: later changes to the object are not seen).</summary>
    public void Set<T>(string key, T value) =>
        State[key] = value is null ? null : JsonSerializer.SerializeToNode(value, BotState.JsonOptions);
}
