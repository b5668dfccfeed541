using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Turns;

namespace ChatSupport.Bot.Handoff;

/// <summary>The host's channel adapters by channel id (resolved lazily: the adapters' middleware needs the handoff service).</summary>
public sealed class ChannelAdapters(IServiceProvider services) : IChannelAdapters
{
    public BotAdapter? Find(string channelId) => channelId switch
    {
        DirectLineAdapter.ChannelId => services.GetRequiredService<DirectLineAdapter>(),

        // Registered only when LINE is configured; counselor messages then go out by push.
        LineAdapter.ChannelId => services.GetService<LineAdapter>(),
        _ => null,
    };
}
