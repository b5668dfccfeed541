using ChatSupport.BotKit.Turns;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Turns;

public static class BotServiceCollectionExtensions
{
    /// <summary>The bot behind every channel: the consultation bot, or the echo baseline for benchmarks.</summary>
    public static IServiceCollection AddChatSupportBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>()
            .Bind(configuration.GetSection(BotOptions.SectionName))
            .Validate(o => o.MaxTextLength > 0, "ChatSupport:Bot:MaxTextLength must be positive.")
            .Validate(o => Enum.IsDefined(o.AutoHandoffLevel) && o.AutoHandoffLevel > RiskLevel.None, "ChatSupport:Bot:AutoHandoffLevel must be low, medium, high or critical.")
            .Validate(o => o.Mode.Equals("consultation", StringComparison.OrdinalIgnoreCase) || o.Mode.Equals("echo", StringComparison.OrdinalIgnoreCase), "ChatSupport:Bot:Mode must be consultation or echo.")
            .ValidateOnStart();
        services.AddOptions<SupportDirectoryOptions>()
            .Bind(configuration.GetSection(SupportDirectoryOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.LocalPath), "ChatSupport:Directory:LocalPath must name a folder (the default is data/directory).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => RiskEngine.CreateDefault());
        services.AddSingleton(sp => new UnderstandingEngine(sp.GetRequiredService<RiskEngine>(), UnderstandingPatterns.LoadEmbedded(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<MessageReader>();
        services.AddSingleton(sp => SupportDirectory.LoadDefault(
            sp.GetRequiredService<IOptions<SupportDirectoryOptions>>().Value.LocalPath,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SupportRouter>();
        services.AddSingleton(BotTexts.Default);
        services.AddSingleton<ServiceCards>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<HumanRequests>(
            sp,
            sp.GetRequiredService<IOptions<BotOptions>>().Value.AutoHandoffLevel,
            CounselorHours.Parse(sp.GetRequiredService<IOptions<HandoffOptions>>().Value.Hours)));
        services.AddSingleton<CrisisResponder>();
        services.AddSingleton<Acknowledgements>();
        services.AddSingleton<SupportOffer>();
        services.AddSingleton<Listener>();
        services.AddSingleton<FindSupportDialog>();
        services.AddSingleton<MainDialog>();
        services.AddSingleton<MessageLengthMiddleware>();

        var mode = configuration.GetSection(BotOptions.SectionName).Get<BotOptions>()?.Mode ?? "consultation";
        if (string.Equals(mode, "echo", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IBot, EchoBot>();
        }
        else
        {
            services.AddSingleton<ConsultationBot>();
            services.AddSingleton<IBot>(sp => sp.GetRequiredService<ConsultationBot>());
            services.AddHostedService<ResumeAfterHandoff>();
        }

        return services;
    }

    /// <summary>Loads the directory and the lexicon before the host accepts requests: bad data stops the start with the file, entry and reason.</summary>
    public static void ValidateChatSupportData(this IServiceProvider services)
    {
        services.GetRequiredService<SupportDirectory>();
        services.GetRequiredService<RiskEngine>();
        services.GetRequiredService<MessageReader>();
        services.GetRequiredService<IBot>();
    }
}
