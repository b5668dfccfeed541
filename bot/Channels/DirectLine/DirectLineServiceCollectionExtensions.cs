using System.Security.Cryptography;
using ChatSupport.Bot.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.State;
using ChatSupport.Domain.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The Direct Line channel: tokens, the adapter with the turn middleware, and live streams.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.SectionName));
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DirectLineOptions>>().Value;
            var secret = options.Secret;
            if (string.IsNullOrWhiteSpace(secret))
            {
                if (!environment.IsDevelopment())
                {
                    throw new InvalidOperationException(
                        "ChatSupport:DirectLine:Secret is not set. Set the environment variable ChatSupport__DirectLine__Secret (at least 32 characters); a secret is generated only in Development.");
                }

                secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            }
            else if (secret.Length < 32 && !environment.IsDevelopment())
            {
                throw new InvalidOperationException("ChatSupport:DirectLine:Secret must be at least 32 characters long.");
            }

            return new DirectLineTokens(secret, options.TokenLifetime, sp.GetRequiredService<TimeProvider>());
        });
        services.AddDirectLineRateLimits(configuration);
        services.AddSingleton<ConversationStreamHub>();
        services.AddSingleton<DirectLineServices>();

        // The turn pipeline, in order: cap what the bot reads, relay to a counselor while a human has
        // the conversation (the bot stays silent), then save state after the bot.
        services.AddSingleton<ITurnMiddleware, MessageLengthMiddleware>();
        services.AddSingleton<ITurnMiddleware>(sp => sp.GetRequiredService<HandoffRelayMiddleware>());
        services.AddSingleton<ITurnMiddleware>(sp => new AutoSaveStateMiddleware(
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<UserState>()));
        services.AddSingleton<DirectLineAdapter>();
        return services;
    }
}
