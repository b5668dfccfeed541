using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Storage;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>Everything the Direct Line handlers need, bound as one parameter.</summary>
public sealed class DirectLineServices(
    DirectLineTokens tokens,
    DirectLineAdapter adapter,
    IBot bot,
    ITranscriptStore transcript,
    IConversationStore conversations,
    ConversationStreamHub hub,
    DirectLineSessions sessions,
    IOptions<DirectLineOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineServices> logger)
{
    public DirectLineTokens Tokens { get; } = tokens;

    public DirectLineAdapter Adapter { get; } = adapter;

    public IBot Bot { get; } = bot;

    public ITranscriptStore Transcript { get; } = transcript;

    public IConversationStore Conversations { get; } = conversations;

    public ConversationStreamHub Hub { get; } = hub;

    /// <summary>Revoked conversations (quick exit) and messages whose turn has not run yet.</summary>
    public DirectLineSessions Sessions { get; } = sessions;

    public DirectLineOptions Options { get; } = options.Value;

    public TimeProvider Clock { get; } = clock;

    public IHostApplicationLifetime Lifetime { get; } = lifetime;

    public ILogger Logger { get; } = logger;
}
