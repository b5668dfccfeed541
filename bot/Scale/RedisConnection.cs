using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatSupport.Bot.Scale;

/// <summary>
/// The node's one Redis connection, always registered: <see cref="IsConfigured"/> is false on a single node
/// (no <c>ChatSupport:Redis:Configuration</c>), and the connection is only made on first use when it is true.
/// Nodes start and keep serving while Redis is away; the connection comes back by itself.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _connection;

    public RedisConnection(IOptions<RedisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        _connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(Parse(Options.Configuration!)));
    }

    /// <summary>The validated <c>ChatSupport:Redis</c> options (the key and channel prefix).</summary>
    public RedisOptions Options { get; }

    /// <summary>True when several nodes share Redis; false when the node works alone, in process.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Options.Configuration);

    /// <summary>The shared connection, made on first use. Only when <see cref="IsConfigured"/>.</summary>
    public IConnectionMultiplexer Multiplexer => IsConfigured
        ? _connection.Value
        : throw new InvalidOperationException("ChatSupport:Redis:Configuration is not set: this node works alone.");

    /// <summary>True when the configuration string is one StackExchange.Redis can read.</summary>
    public static bool CanParse(string configuration)
    {
        try
        {
            Parse(configuration);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }

    private static ConfigurationOptions Parse(string configuration)
    {
        var parsed = ConfigurationOptions.Parse(configuration);
        parsed.AbortOnConnectFail = false;
        parsed.ClientName ??= "chatsupport";
        return parsed;
    }
}
