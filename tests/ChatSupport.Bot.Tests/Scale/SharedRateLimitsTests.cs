using System.Threading.RateLimiting;
using ChatSupport.Bot.Scale;
using ChatSupport.Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace ChatSupport.Bot.Tests.Scale;

/// <summary>Rate limits counted in Redis: a node whose Redis is away keeps its own bucket, neither refusing everyone nor lifting the limit.</summary>
public sealed class SharedRateLimitsTests
{
    [Fact]
    public async Task With_Redis_away_a_node_keeps_its_own_bucket()
    {
        using var redis = await UnreachableRedisAsync();
        using var limiter = new SharedRateLimits(redis, new RedisOptions { Prefix = "away" }).TokenBucket("post:c1", burst: 3, perMinute: 1);

        var granted = 0;
        for (var i = 0; i < 5; i++)
        {
            using var lease = await limiter.AcquireAsync();
            granted += lease.IsAcquired ? 1 : 0;
        }

        Assert.Equal(3, granted);
    }

    [Fact]
    public async Task With_Redis_away_keyed_buckets_count_on_the_node_and_looking_takes_nothing()
    {
        using var redis = await UnreachableRedisAsync();
        using var failures = new SharedRateLimits(redis, new RedisOptions { Prefix = "away" }).Buckets("signin", burst: 2, perMinute: 1);

        for (var i = 0; i < 5; i++)
        {
            Assert.True(await failures.HasTokenAsync("10.0.0.1"));
        }

        Assert.True(await failures.TakeAsync("10.0.0.1"));
        Assert.True(await failures.TakeAsync("10.0.0.1"));
        Assert.False(await failures.HasTokenAsync("10.0.0.1"));
        Assert.False(await failures.TakeAsync("10.0.0.1"));
        Assert.True(await failures.HasTokenAsync("10.0.0.2"));
    }

    [ScaleFact]
    public async Task Keyed_buckets_are_one_bucket_for_two_nodes_and_looking_takes_nothing()
    {
        var redis = await PrivateServers.RedisAsync();
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8];
        using var connectionA = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        using var connectionB = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        using var nodeA = new SharedRateLimits(connectionA, new RedisOptions { Prefix = prefix }).Buckets("signin", burst: 3, perMinute: 1);
        using var nodeB = new SharedRateLimits(connectionB, new RedisOptions { Prefix = prefix }).Buckets("signin", burst: 3, perMinute: 1);

        for (var i = 0; i < 5; i++)
        {
            Assert.True(await nodeB.HasTokenAsync("10.0.0.1"));
        }

        Assert.True(await nodeA.TakeAsync("10.0.0.1"));
        Assert.True(await nodeB.TakeAsync("10.0.0.1"));
        Assert.True(await nodeA.HasTokenAsync("10.0.0.1"));
        Assert.True(await nodeA.TakeAsync("10.0.0.1"));
        Assert.False(await nodeB.HasTokenAsync("10.0.0.1"));
        Assert.False(await nodeB.TakeAsync("10.0.0.1"));
        Assert.True(await nodeB.HasTokenAsync("10.0.0.2"));

        // Another kind of bucket with the same key is apart.
        using var other = new SharedRateLimits(connectionA, new RedisOptions { Prefix = prefix }).Buckets("other", burst: 1, perMinute: 1);
        Assert.True(await other.HasTokenAsync("10.0.0.1"));
    }

    [ScaleFact]
    public async Task Buckets_of_two_keys_are_apart_and_a_refusal_says_when_to_try_again()
    {
        var redis = await PrivateServers.RedisAsync();
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var limits = new SharedRateLimits(connection, new RedisOptions { Prefix = "t" + Guid.NewGuid().ToString("N")[..8] });
        using var first = limits.TokenBucket("post:a", burst: 2, perMinute: 6);
        using var second = limits.TokenBucket("post:b", burst: 2, perMinute: 6);

        Assert.True((await first.AcquireAsync()).IsAcquired);
        Assert.True((await first.AcquireAsync()).IsAcquired);
        using var refused = await first.AcquireAsync();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.InRange(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10));
        Assert.True((await second.AcquireAsync()).IsAcquired);
    }

    /// <summary>A connection to a port where no Redis listens, with short timeouts: Redis is away.</summary>
    private static async Task<ConnectionMultiplexer> UnreachableRedisAsync()
    {
        var configuration = ConfigurationOptions.Parse($"127.0.0.1:{PrivateServers.FreePort()}");
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = 200;
        configuration.AsyncTimeout = 200;
        configuration.SyncTimeout = 200;
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }
}
