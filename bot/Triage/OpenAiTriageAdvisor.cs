using System.ClientModel;
using System.ClientModel.Primitives;
using ChatSupport.Domain.Triage;
using OpenAI;
using OpenAI.Chat;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// The triage advisor over the official OpenAI .NET SDK, for any OpenAI-compatible endpoint (OpenAI, Azure OpenAI v1,
/// Ollama, vLLM). One chat completion per call: the prompt's system message, the rendered user message (redacted
/// text only, ETH-05), temperature 0, the prompt's JSON schema as response format. The answer goes through
/// <see cref="TriageOutputValidator"/> (ETH-06). Transport failures throw; <see cref="GuardedTriageAdvisor"/> turns them
/// into advice and opens the circuit during an outage. The SDK's own retries are off: the breaker decides.
/// </summary>
public sealed class OpenAiTriageAdvisor : ITriageAdvisor
{
    private readonly ChatClient _client;
    private readonly TriagePrompt _prompt;
    private readonly TriageOptions _options;

    public OpenAiTriageAdvisor(TriageOptions options, TriagePrompt prompt, PipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prompt);
        _options = options;
        _prompt = prompt;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint ?? throw new InvalidOperationException("ChatSupport:Triage:Endpoint is not set.")),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 5),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            UserAgentApplicationId = "chatsupport-triage",
        };
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        // Servers without auth (a local Ollama) still get a syntactically valid bearer token.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey;
        Model = options.Model ?? throw new InvalidOperationException("ChatSupport:Triage:Model is not set.");
        _client = new ChatClient(Model, new ApiKeyCredential(key), clientOptions);
    }

    public string PromptVersion => _prompt.Version;

    public string Model { get; }

    public async Task<TriageAdvice> AdviseAsync(TriageInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<ChatMessage> messages = [new SystemChatMessage(_prompt.System), new UserChatMessage(_prompt.RenderUser(input))];
        var completionOptions = new ChatCompletionOptions { Temperature = 0f };
        if (_options.MaxOutputTokens > 0)
        {
            completionOptions.MaxOutputTokenCount = _options.MaxOutputTokens;
        }

        completionOptions.ResponseFormat = _options.ResponseFormat switch
        {
            "json_object" => ChatResponseFormat.CreateJsonObjectFormat(),
            "none" => null,
            _ => ChatResponseFormat.CreateJsonSchemaFormat("triage_judgement", BinaryData.FromString(_prompt.OutputSchema), jsonSchemaIsStrict: true),
        };

        ClientResult<ChatCompletion> result = await _client.CompleteChatAsync(messages, completionOptions, cancellationToken).ConfigureAwait(false);
        var completion = result.Value;
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));

        // ETH-09: the model the server says answered, else the configured one.
        var model = string.IsNullOrWhiteSpace(completion.Model) ? Model : completion.Model;
        var validation = TriageOutputValidator.Validate(text, _prompt.Version, model, _prompt.MaxOutputChars);
        return validation.IsValid ? TriageAdvice.Judged(validation.Judgement!) : TriageAdvice.Invalid(validation.Rejection!.Value);
    }
}
