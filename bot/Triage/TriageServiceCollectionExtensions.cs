using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Telemetry;
using ChatSupport.Domain.Triage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Triage;

public static class TriageServiceCollectionExtensions
{
    /// <summary>
    /// The supervised AI triage (ETHICS.md). Always registers what the console needs (review service, kill switch,
    /// status, stores), so past judgements stay reviewable. Only with <c>ChatSupport:Triage:Enabled=true</c> (ETH-03)
    /// does it add the advisor, the queue, the background worker and the turn middleware; misconfiguration then stops
    /// the start and names the variable to set. Its place in the turn pipeline is set in Program.cs.
    /// </summary>
    public static IServiceCollection AddTriage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TriageOptions.SectionName);
        services.AddOptions<TriageOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TriageOptions>, TriageOptionsValidation>());

        // The one switch decides which services exist; every other setting is read from the validated options.
        var enabled = section.GetValue<bool>(nameof(TriageOptions.Enabled));
        services.AddStoreMigrations<TriageMigrations>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteTriageStore>();
        services.AddSingleton<ITriageReviewStore>(sp => sp.GetRequiredService<SqliteTriageStore>());
        services.AddSingleton<ITriageControlStore>(sp => sp.GetRequiredService<SqliteTriageStore>());
        services.AddSingleton<ITriageOptOuts>(sp => sp.GetRequiredService<SqliteTriageStore>());
        services.AddSingleton<TriageKillSwitch>();
        services.AddSingleton(sp => new TriageStatus(enabled, sp.GetRequiredService<TriageKillSwitch>()));
        services.AddSingleton<TriageReviewService>();

        // ETH-04: the opt-out is recorded in its own turn step ahead of the handoff relay, enabled or not; with the
        // triage off there is no conversation memory to forget.
        services.AddSingleton<TriageConsentMiddleware>();
        services.AddHostedService<TriageKillSwitchLoader>();

        if (!enabled)
        {
            services.AddSingleton<ITriageMemory>(NoTriageMemory.Instance);
            return services;
        }

        services.TryAddSingleton<ChatSupportTelemetry>();
        services.AddSingleton(sp => TriagePromptLibrary.LoadEmbedded().Get(sp.GetRequiredService<IOptions<TriageOptions>>().Value.PromptVersion));
        services.AddSingleton(sp => new SemanticKernelTriageAdvisor(
            sp.GetRequiredService<IOptions<TriageOptions>>().Value, sp.GetRequiredService<TriagePrompt>(), sp.GetRequiredService<ILogger<SemanticKernelTriageAdvisor>>()));
        services.AddSingleton<ITriageAdvisor>(sp => new GuardedTriageAdvisor(
            sp.GetRequiredService<SemanticKernelTriageAdvisor>(),
            sp.GetRequiredService<IOptions<TriageOptions>>().Value,
            sp.GetRequiredService<ILogger<GuardedTriageAdvisor>>(),
            telemetry: sp.GetRequiredService<ChatSupportTelemetry>()));
        services.AddSingleton<TriageQueue>();
        services.AddSingleton<ITriageMemory>(sp => sp.GetRequiredService<TriageQueue>());
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TriageProcessor>(sp, sp.GetRequiredService<IOptions<BotOptions>>().Value.AutoHandoffLevel));
        services.AddHostedService<TriageWorker>();
        services.TryAddSingleton(_ => RiskEngine.CreateDefault());
        services.AddSingleton<TriageMiddleware>();
        return services;
    }
}

/// <summary>Loads the persisted kill switch before the host accepts requests (ETH-03).</summary>
internal sealed class TriageKillSwitchLoader(TriageKillSwitch killSwitch, ILogger<TriageKillSwitchLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await killSwitch.LoadAsync(cancellationToken).ConfigureAwait(false);
        TriageLog.Switched(logger, killSwitch.IsStopped ? "stopped" : "not stopped");
        killSwitch.Changed += stopped => TriageLog.Switched(logger, stopped ? "stopped" : "running");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
