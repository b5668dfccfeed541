using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// Configuration section <c>ChatSupport:Triage</c> (environment: <c>ChatSupport__Triage__Enabled</c> …). Off by
/// default (ETH-03). The keys Enabled, Endpoint, Model, ApiKey and TimeoutSeconds are a stable contract.
/// </summary>
public sealed class TriageOptions
{
    public const string SectionName = "ChatSupport:Triage";

    /// <summary>Turns the AI triage on. Default false (ETH-03).</summary>
    public bool Enabled { get; set; }

    /// <summary>An OpenAI-compatible base URL such as <c>http://host:port/v1</c> (OpenAI, Azure OpenAI v1, Ollama, vLLM).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name the endpoint knows.</summary>
    public string? Model { get; set; }

    /// <summary>Bearer key; only from the environment or user-secrets. Empty for servers without auth.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Longest wait for one answer, in seconds. Default 10.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Which <c>prompts/triage/&lt;version&gt;</c> to use. Default <c>v2</c>.</summary>
    public string PromptVersion { get; set; } = "v2";

    /// <summary><c>json_schema</c> (default, strict structured output), <c>json_object</c>, or <c>none</c> for servers without response formats.</summary>
    public string ResponseFormat { get; set; } = "json_schema";

    /// <summary>Cap on the answer's tokens (sent as <c>max_completion_tokens</c>); 0 sends none. Default 400.</summary>
    public int MaxOutputTokens { get; set; } = 400;

    /// <summary>How many of the person's recent messages are sent (ETH-05). Default 5.</summary>
    public int MaxMessages { get; set; } = 5;

    /// <summary>Longest message sent, in characters after redaction (ETH-05). Default 500.</summary>
    public int MaxCharsPerMessage { get; set; } = 500;

    /// <summary>Messages waiting for the AI; when full the oldest is dropped (the bot never waits, ETH-02). Default 256.</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Calls made at once. Default 2.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Circuit breaker: failure share within the sampling window that opens it. Default 0.5.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Circuit breaker: calls in the window before it may open. Default 4.</summary>
    public int CircuitMinimumThroughput { get; set; } = 4;

    /// <summary>Circuit breaker: sampling window in seconds. Default 60.</summary>
    public double CircuitSamplingSeconds { get; set; } = 60;

    /// <summary>Circuit breaker: how long it stays open before one trial call, in seconds. Default 60.</summary>
    public double CircuitBreakSeconds { get; set; } = 60;

    /// <summary>Days after which the texts of reviewed judgements are erased (ETH-10). Default 90.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>True when an endpoint and a model are set (enough for <c>risk eval --with-ai</c>).</summary>
    public bool HasEndpoint => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}

/// <summary>
/// Checked once when the host starts (<c>ValidateOnStart</c>): when the triage is enabled but cannot work, the start
/// stops with a message that names the variable to set. Nothing is checked while the triage is off (ETH-03).
/// </summary>
public sealed class TriageOptionsValidation : IValidateOptions<TriageOptions>
{
    public ValidateOptionsResult Validate(string? name, TriageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Fail("ChatSupport:Triage:Enabled is true but ChatSupport:Triage:Endpoint is not an http(s) URL. Set ChatSupport__Triage__Endpoint (for example http://localhost:11434/v1) or turn the triage off.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            return ValidateOptionsResult.Fail("ChatSupport:Triage:Enabled is true but ChatSupport:Triage:Model is empty. Set ChatSupport__Triage__Model.");
        }

        if (options.TimeoutSeconds is < 1 or > 300)
        {
            return ValidateOptionsResult.Fail("ChatSupport:Triage:TimeoutSeconds must be between 1 and 300.");
        }

        if (options.ResponseFormat is not ("json_schema" or "json_object" or "none"))
        {
            return ValidateOptionsResult.Fail("ChatSupport:Triage:ResponseFormat must be json_schema, json_object or none.");
        }

        return ValidateOptionsResult.Success;
    }
}
