using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ChatSupport.Bot.Scale;

/// <summary>
/// Token buckets kept in Redis, so a limit holds for the whole deployment rather than for each node: a conversation
/// whose posts a load balancer spreads over three nodes gets its burst once, not three times. Without Redis (one
/// node) every bucket is ASP.NET Core's in-process token bucket, as before. When Redis does not answer, a node falls
/// back to its own in-process bucket for that key, so a Redis outage never refuses a person and never lifts a limit.
/// </summary>
public sealed class SharedRateLimits(IConnectionMultiplexer? redis = null, RedisOptions? options = null)
{
    // One atomic step on Redis's own clock (nodes' clocks may differ): refill by whole periods since the last refill,
    // then take a token if there is one. Returns
    // {1, 0} when taken, {0, milliseconds until the next token} when not. The key expires once the bucket would be full.
    private const string TakeScript = """
        local capacity = tonumber(ARGV[1])
        local period = tonumber(ARGV[2])
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil or now < at then
          tokens = capacity
          at = now
        end
        local refill = math.floor((now - at) / period)
        if refill > 0 then
          tokens = math.min(capacity, tokens + refill)
          at = at + refill * period
        end
        if tokens >= capacity then
          at = now
        end
        local taken = 0
        local wait = 0
        if tokens >= 1 then
          tokens = tokens - 1
          taken = 1
        else
          wait = period - (now - at)
        end
        redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', at)
        redis.call('PEXPIRE', KEYS[1], (capacity - tokens + 1) * period)
        return {taken, wait}
        """;

    /// <summary>True when buckets are shared through Redis.</summary>
    public bool Shared => redis is not null;

    /// <summary>
    /// A limiter for one partition key: <paramref name="burst"/> at once, then <paramref name="perMinute"/> a minute.
    /// Shared through Redis when configured; in process otherwise.
    /// </summary>
    public RateLimiter TokenBucket(string key, int burst, int perMinute)
    {
        var local = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        return redis is null ? local : new SharedTokenBucket(this, RedisKey(key), Math.Max(1, burst), TimeSpan.FromMinutes(1) / Math.Max(1, perMinute), local);
    }

    internal async Task<(bool Taken, TimeSpan Wait)> TakeAsync(RedisKey key, int capacity, TimeSpan period)
    {
        var result = (RedisResult[])(await redis!.GetDatabase().ScriptEvaluateAsync(
            TakeScript,
            [key],
            [capacity, (long)Math.Max(1, period.TotalMilliseconds)]).ConfigureAwait(false))!;
        return ((long)result[0] == 1, TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1])));
    }

    // Partition keys carry conversation ids and client addresses: Redis sees only a hash of them.
    private RedisKey RedisKey(string key) =>
        (options?.Prefix ?? "chatsupport") + ":rate:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    /// <summary>One partition's bucket in Redis, with the node's own bucket for when Redis does not answer.</summary>
    private sealed class SharedTokenBucket(SharedRateLimits owner, RedisKey key, int capacity, TimeSpan period, TokenBucketRateLimiter local) : RateLimiter
    {
        public override TimeSpan? IdleDuration => local.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

        // The synchronous path never blocks on Redis: it declines, and the middleware asks again asynchronously.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Refused(null);

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (permitCount == 0)
            {
                return Lease.Granted;
            }

            try
            {
                var (taken, wait) = await owner.TakeAsync(key, capacity, period).ConfigureAwait(false);
                return taken ? Lease.Granted : Lease.Refused(wait);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                return local.AttemptAcquire(permitCount);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                local.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Refused(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
