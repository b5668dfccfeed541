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
    // then take a token if there is one (ARGV[3] = 1), or only look whether there is one (ARGV[3] = 0, nothing written).
    // Returns {1, 0} when there is a token (taken), {0, milliseconds until the next token} when not. The key expires
    // once the bucket would be full.
    private const string TakeScript = """
        local capacity = tonumber(ARGV[1])
        local period = tonumber(ARGV[2])
        local take = tonumber(ARGV[3])
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
          tokens = tokens - take
          taken = 1
        else
          wait = period - (now - at)
        end
        if take == 0 then
          return {taken, wait}
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

            // On this node alone the bucket is a partition of the middleware's partitioned limiter, whose one
            // heartbeat (every 100 ms) refills every partition that does not refill itself: no timer of its own per
            // conversation (thousands of them firing every second under load). Behind Redis the bucket is wrapped
            // (SharedTokenBucket), which the heartbeat does not refill, so it keeps its own timer.
            AutoReplenishment = redis is not null,
        });
        return redis is null ? local : new SharedTokenBucket(this, RedisKey(key), Math.Max(1, burst), TimeSpan.FromMinutes(1) / Math.Max(1, perMinute), local);
    }

    /// <summary>
    /// Buckets of one kind, one per key (<paramref name="name"/> keeps them apart from other kinds): <paramref name="burst"/>
    /// at once, then <paramref name="perMinute"/> a minute. Unlike <see cref="TokenBucket"/>, a bucket here can be looked
    /// at without taking from it, for limits that count only failures (a sign-in is checked before the password, and
    /// only a wrong password takes a token). Shared through Redis when configured; in process otherwise.
    /// </summary>
    public KeyedBuckets Buckets(string name, int burst, int perMinute) => new(this, name, Math.Max(1, burst), TimeSpan.FromMinutes(1) / Math.Max(1, perMinute));

    internal async Task<(bool Taken, TimeSpan Wait)> TakeAsync(RedisKey key, int capacity, TimeSpan period, bool take = true)
    {
        var result = (RedisResult[])(await redis!.GetDatabase().ScriptEvaluateAsync(
            TakeScript,
            [key],
            [capacity, (long)Math.Max(1, period.TotalMilliseconds), take ? 1 : 0]).ConfigureAwait(false))!;
        return ((long)result[0] == 1, TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1])));
    }

    /// <summary>
    /// Keyed token buckets that can be looked at (<see cref="HasTokenAsync"/>) or taken from (<see cref="TakeAsync"/>).
    /// Each node also keeps in-process buckets (idle full ones are dropped), used alone without Redis and as the
    /// fallback for a key while Redis does not answer.
    /// </summary>
    public sealed class KeyedBuckets : IDisposable
    {
        private readonly SharedRateLimits _owner;
        private readonly string _name;
        private readonly int _capacity;
        private readonly TimeSpan _period;
        private readonly PartitionedRateLimiter<string> _local;

        internal KeyedBuckets(SharedRateLimits owner, string name, int capacity, TimeSpan period)
        {
            _owner = owner;
            _name = name;
            _capacity = capacity;
            _period = period;
            _local = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = capacity,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        }

        /// <summary>True while <paramref name="key"/>'s bucket has a token; takes nothing.</summary>
        public Task<bool> HasTokenAsync(string key) => RunAsync(key, take: false);

        /// <summary>Takes a token from <paramref name="key"/>'s bucket; false when it had none.</summary>
        public Task<bool> TakeAsync(string key) => RunAsync(key, take: true);

        private async Task<bool> RunAsync(string key, bool take)
        {
            if (_owner.Shared)
            {
                try
                {
                    return (await _owner.TakeAsync(_owner.RedisKey(_name + ":" + key), _capacity, _period, take).ConfigureAwait(false)).Taken;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    // Counted on this node until Redis answers again.
                }
            }

            if (!take)
            {
                return _local.GetStatistics(key) is not { CurrentAvailablePermits: <= 0 };
            }

            using var lease = _local.AttemptAcquire(key);
            return lease.IsAcquired;
        }

        public void Dispose() => _local.Dispose();
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
