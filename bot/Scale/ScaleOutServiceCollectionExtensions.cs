using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Storage;
using ChatSupport.BotKit.Events;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        var section = configuration.GetSection(RedisOptions.SectionName);
        services.AddOptions<RedisOptions>()
            .Bind(section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Configuration) || RedisConnection.CanParse(o.Configuration), "ChatSupport:Redis:Configuration is not a StackExchange.Redis configuration string (for example 127.0.0.1:6379).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkLeases>();
        services.AddSingleton<RedisConnection>();
        services.AddHostedService<KillSwitchSync>();

        // Whether Redis is there decides which services exist; its settings are read from the validated options.
        if (string.IsNullOrWhiteSpace(section[nameof(RedisOptions.Configuration)]))
        {
            return services;
        }

        services.AddDataProtection().SetApplicationName("ChatSupport");
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((keys, redis) =>
            keys.XmlRepository = new RedisXmlRepository(() => redis.Multiplexer.GetDatabase(), redis.Options.Prefix + ":data-protection-keys"));
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<RedisConnection>((cache, redis) =>
        {
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer);
            cache.InstanceName = redis.Options.Prefix + ":cache:";
        });
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var redis = sp.GetRequiredService<RedisConnection>();
            return new SharedRateLimits(redis.Multiplexer, redis.Options);
        }));
        services.Replace(ServiceDescriptor.Singleton<IEventBus>(sp =>
        {
            var redis = sp.GetRequiredService<RedisConnection>();
            return new RedisEventBus(
                sp.GetRequiredService<InProcessEventBus>(),
                redis.Multiplexer,
                redis.Options,
                sp.GetRequiredService<WorkLeases>().NodeId,
                sp.GetRequiredService<ILogger<RedisEventBus>>());
        }));
        services.AddHostedService(sp =>
        {
            var redis = sp.GetRequiredService<RedisConnection>();
            return new RedisStreamBackplane(
                sp.GetRequiredService<ConversationStreamHub>(),
                redis.Multiplexer,
                redis.Options,
                sp.GetRequiredService<WorkLeases>(),
                sp.GetRequiredService<ILogger<RedisStreamBackplane>>());
        });
        return services;
    }
}
