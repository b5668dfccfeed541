namespace ChatSupport.Domain.Handoff;

/// <summary>An illegal move of a <see cref="HandoffSession"/>; names the conversation, the state and the move.</summary>
public sealed class HandoffTransitionException(string conversationId, HandoffState state, string move, string? detail = null)
    : InvalidOperationException($"Handoff of conversation {conversationId}: cannot {move} while {state.ToWire()}.{(detail is null ? string.Empty : " " + detail)}")
{
    public string ConversationId { get; } = conversationId;

    public HandoffState State { get; } = state;

    public string Move { get; } = move;
}
