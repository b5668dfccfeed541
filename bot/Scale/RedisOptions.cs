namespace ChatSupport.Bot.Scale;

/// <summary>Configuration section <c>ChatSupport:Redis</c>: absent means one node, everything in process.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "ChatSupport:Redis";

    /// <summary>A StackExchange.Redis configuration string (for example <c>127.0.0.1:6379</c>); empty for a single node.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key and channel, so several deployments can share one Redis. Default <c>chatsupport</c>.</summary>
    public string Prefix { get; set; } = "chatsupport";
}
