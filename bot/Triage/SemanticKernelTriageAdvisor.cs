using ChatSupport.Domain.Triage;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// The triage advisor on Semantic Kernel: a <see cref="Kernel"/> with the OpenAI connector
/// (<c>AddOpenAIChatCompletion(model, endpoint, apiKey, httpClient)</c>) for any OpenAI-compatible endpoint (OpenAI,
/// Azure OpenAI's v1 endpoint, Ollama, vLLM), and one prompt function made from the versioned prompt in
/// <c>prompts/triage/&lt;version&gt;/</c> as a Semantic Kernel prompt template (system message + user template,
/// temperature 0, the prompt's JSON schema as <c>ResponseFormat</c>). Two kernel filters carry ethics rules:
/// <see cref="RedactionCheckFilter"/> refuses to send a rendered prompt in which the redactor still finds personal
/// data (ETH-05), and <see cref="TriageAuditFilter"/> times and audits every call without text (ETH-11). The answer
/// goes through <see cref="TriageOutputValidator"/> (ETH-06). Transport failures throw; <see cref="GuardedTriageAdvisor"/>
/// turns them into advice and opens the circuit during an outage. Retries are off (the connector turns them off when
/// it is given an <see cref="HttpClient"/>): the breaker decides. The kernel gets no logger factory, so Semantic
/// Kernel's own trace logging (which can include the rendered prompt) never runs.
/// </summary>
public sealed class SemanticKernelTriageAdvisor : ITriageAdvisor, IDisposable
{
    /// <summary>The function's name in filters and logs.</summary>
    public const string FunctionName = "triage_judgement";

    private readonly Kernel _kernel;
    private readonly KernelFunction _function;
    private readonly TriagePrompt _prompt;
    private readonly HttpClient? _ownedHttpClient;

    public SemanticKernelTriageAdvisor(TriageOptions options, TriagePrompt prompt, ILogger<SemanticKernelTriageAdvisor>? logger = null, HttpClient? httpClient = null, TriageCallCounters? counters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prompt);
        _prompt = prompt;
        Model = options.Model ?? throw new InvalidOperationException("ChatSupport:Triage:Model is not set.");
        var endpoint = new Uri(options.Endpoint ?? throw new InvalidOperationException("ChatSupport:Triage:Endpoint is not set."));
        if (httpClient is null)
        {
            // The Polly timeout decides; this only stops a call that somehow outlives it.
            _ownedHttpClient = new HttpClient { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 5) };
            httpClient = _ownedHttpClient;
        }

        // Servers without auth (a local Ollama) still get a syntactically valid bearer token.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey;
        var log = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<SemanticKernelTriageAdvisor>.Instance;
        Counters = counters ?? new TriageCallCounters();

        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(modelId: Model, endpoint: endpoint, apiKey: key, httpClient: httpClient);
        builder.Services.AddSingleton<IPromptRenderFilter>(new RedactionCheckFilter(log, Counters, prompt.Version));
        builder.Services.AddSingleton<IFunctionInvocationFilter>(new TriageAuditFilter(log, Counters, prompt.Version, Model));
        _kernel = builder.Build();

        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = 0,
            MaxTokens = options.MaxOutputTokens > 0 ? options.MaxOutputTokens : null,
            ResponseFormat = options.ResponseFormat switch
            {
                "json_object" => ChatResponseFormat.CreateJsonObjectFormat(),
                "none" => null,
                _ => ChatResponseFormat.CreateJsonSchemaFormat(FunctionName, BinaryData.FromString(prompt.OutputSchema), jsonSchemaIsStrict: true),
            },
        };
        var config = new PromptTemplateConfig(prompt.SemanticKernelTemplate)
        {
            Name = FunctionName,
            Description = $"AI triage prompt {prompt.Version}",
            TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
            InputVariables = [new InputVariable { Name = "system", IsRequired = true }, .. prompt.Variables.Select(v => new InputVariable { Name = v, IsRequired = true })],
        };
        config.AddExecutionSettings(settings);
        _function = KernelFunctionFactory.CreateFromPrompt(config);
    }

    public string PromptVersion => _prompt.Version;

    public string Model { get; }

    /// <summary>Calls made, calls withheld by the redaction check, and failures (for tests and the status page).</summary>
    public TriageCallCounters Counters { get; }

    public async Task<TriageAdvice> AdviseAsync(TriageInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var arguments = new KernelArguments { ["system"] = _prompt.System };
        foreach (var (name, value) in TriagePrompt.Values(input))
        {
            if (_prompt.Variables.Contains(name))
            {
                arguments[name] = value;
            }
        }

        var result = await _kernel.InvokeAsync(_function, arguments, cancellationToken).ConfigureAwait(false);
        if (result.GetValue<object>() is RedactionCheckFilter.Withheld)
        {
            return TriageAdvice.Failed(TriageOutcome.Withheld);
        }

        var message = result.GetValue<Microsoft.SemanticKernel.ChatMessageContent>();
        var text = message?.Content ?? result.ToString();

        // ETH-09: the model the server says answered, else the configured one.
        var served = (message?.InnerContent as ChatCompletion)?.Model;
        var model = string.IsNullOrWhiteSpace(served) ? Model : served;
        var validation = TriageOutputValidator.Validate(text, _prompt.Version, model, _prompt.MaxOutputChars);
        return validation.IsValid ? TriageAdvice.Judged(validation.Judgement!) : TriageAdvice.Invalid(validation.Rejection!.Value);
    }

    public void Dispose() => _ownedHttpClient?.Dispose();
}
