using System.Security.Cryptography;
using ChatSupport.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The Direct Line channel: tokens, the adapter (on the host's turn pipeline), and live streams.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .Validate(o => o.TokenLifetime > TimeSpan.Zero && o.MaxActivityBytes > 0 && o.PageSize > 0, "ChatSupport:DirectLine: TokenLifetime, MaxActivityBytes and PageSize must be positive.")
            .ValidateOnStart();
        services.AddStoreMigrations<DirectLineMigrations>();
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
        services.AddSingleton<DirectLineSessions>();
        services.AddHostedService<DirectLineRecovery>();
        services.AddSingleton<DirectLineServices>();

        services.AddChannelAdapter<DirectLineAdapter>();
        return services;
    }
}
