namespace ChatSupport.Bot.Channels.Line;

/// <summary>Configuration section <c>ChatSupport:Line</c>. The channel starts only when both the secret and the token are set.</summary>
public sealed class LineOptions
{
    public const string SectionName = "ChatSupport:Line";

    public const string DefaultApiBaseUrl = "https://api.line.me";

    /// <summary>The channel secret (keys the webhook signature). From the environment or user-secrets only.</summary>
    public string? ChannelSecret { get; set; }

    /// <summary>The channel access token (Bearer token of the Messaging API). From the environment or user-secrets only.</summary>
    public string? ChannelAccessToken { get; set; }

    /// <summary>Base of the Messaging API; the client calls <c>{ApiBaseUrl}/v2/bot/message/reply</c> and <c>/push</c>.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>A reply token older than this (counted from the event's timestamp) is not used; the message is pushed instead.</summary>
    public TimeSpan ReplyTokenLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest webhook body accepted.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Retries of one Messaging API call on 429, 5xx and network errors (exponential back-off with jitter).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first back-off delay; doubles on each retry. A <c>Retry-After</c> header wins when present.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the processor looks for stored work (events left after a restart, sends to retry) without being woken.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many people's events are processed at the same time (one person's events are always in order).</summary>
    public int MaxParallelConversations { get; set; } = 4;

    /// <summary>Attempts at one event (store or bot infrastructure failures) before it is marked failed and skipped.</summary>
    public int MaxEventAttempts { get; set; } = 5;

    /// <summary>
    /// Attempts at one send that LINE refuses for the time being (429, 5xx, no answer) before it is marked failed and
    /// the person's later messages go ahead; failed events and sends are listed for operators and can be requeued.
    /// </summary>
    public int MaxDeliveryAttempts { get; set; } = 60;

    /// <summary>Show LINE's loading animation when the bot sends a typing activity (for example while a person waits for a counselor).</summary>
    public bool LoadingAnimation { get; set; } = true;

    /// <summary>Seconds of one loading animation (5 to 60, a multiple of 5).</summary>
    public int LoadingSeconds { get; set; } = 20;

    /// <summary>Mark the person's messages as read (with the message's markAsReadToken) when a counselor has opened them.</summary>
    public bool MarkAsRead { get; set; }

    /// <summary>
    /// True when the section sets both the secret and the token: decides at registration whether the channel exists
    /// at all (the other settings are bound and validated with the options).
    /// </summary>
    public static bool IsConfiguredIn(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return !string.IsNullOrWhiteSpace(section[nameof(ChannelSecret)]) && !string.IsNullOrWhiteSpace(section[nameof(ChannelAccessToken)]);
    }
}
