using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Storage;
using ChatSupport.BotKit.Events;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace ChatSupport.Bot.Scale;

public static class ScaleOutServiceCollectionExtensions
{
    /// <summary>
    /// What lets several identical nodes serve together: leases on background work (in the shared database), the
    /// AI kill switch kept in step, and with <c>ChatSupport:Redis:Configuration</c> the event bus and the Direct Line
    /// stream wake-ups across nodes, Data Protection keys shared (console cookies, bearer tokens and anti-forgery
    /// tokens made on one node are accepted by all), rate limits counted across nodes and a shared <c>IDistributedCache</c>. Without Redis the node
    /// works alone, in process, as before. Call after the other feature registrations (it replaces the event bus).
    /// </summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkLeases>();
        services.AddHostedService<KillSwitchSync>();

        var options = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            return services;
        }

        // Nodes start and keep serving while Redis is away; the connection comes back by itself.
        var redisConfiguration = ConfigurationOptions.Parse(options.Configuration);
        redisConfiguration.AbortOnConnectFail = false;
        redisConfiguration.ClientName ??= "chatsupport";
        var connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redisConfiguration));
        services.AddSingleton(options);
        services.AddSingleton<IConnectionMultiplexer>(_ => connection.Value);
        services.AddDataProtection()
            .SetApplicationName("ChatSupport")
            .PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), options.Prefix + ":data-protection-keys");
        services.AddStackExchangeRedisCache(cache =>
        {
            cache.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection.Value);
            cache.InstanceName = options.Prefix + ":cache:";
        });
        services.Replace(ServiceDescriptor.Singleton(sp => new SharedRateLimits(
            sp.GetRequiredService<IConnectionMultiplexer>(), options)));
        services.Replace(ServiceDescriptor.Singleton<IEventBus>(sp => new RedisEventBus(
            sp.GetRequiredService<InProcessEventBus>(),
            sp.GetRequiredService<IConnectionMultiplexer>(),
            options,
            sp.GetRequiredService<WorkLeases>().NodeId,
            sp.GetRequiredService<ILogger<RedisEventBus>>())));
        services.AddHostedService(sp => new RedisStreamBackplane(
            sp.GetRequiredService<ConversationStreamHub>(),
            sp.GetRequiredService<IConnectionMultiplexer>(),
            options,
            sp.GetRequiredService<WorkLeases>(),
            sp.GetRequiredService<ILogger<RedisStreamBackplane>>()));
        return services;
    }
}
