using ChatSupport.Domain.Turns;

namespace ChatSupport.Bot.Turns;

public static class BotServiceCollectionExtensions
{
    /// <summary>The bot behind every channel: the consultation bot, or the echo baseline for benchmarks.</summary>
    public static IServiceCollection AddChatSupportBot(this IServiceCollection services, IConfiguration configuration)
    {
        var mode = configuration.GetSection(BotOptions.SectionName).Get<BotOptions>()?.Mode ?? "consultation";
        if (string.Equals(mode, "echo", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IBot, EchoBot>();
        }
        else
        {
            services.AddSingleton<IBot, EchoBot>();
        }

        return services;
    }
}
