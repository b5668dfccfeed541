using ChatSupport.BotKit.Turns;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// Finds the adapter of a channel, so counselor messages go out the person's own way
/// (<see cref="BotAdapter.ContinueConversationAsync"/>); the console never talks to a channel.
/// </summary>
public interface IChannelAdapters
{
    BotAdapter? Find(string channelId);
}
