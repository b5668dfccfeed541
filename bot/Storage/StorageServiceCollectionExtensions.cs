using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Domain.State;
using ChatSupport.Domain.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatSupport.Bot.Storage;

/// <summary>Configuration section <c>ChatSupport:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "ChatSupport:Storage";

    public string ConnectionString { get; set; } = "Data Source=data/chatsupport.db";
}

public static class StorageServiceCollectionExtensions
{
    /// <summary>The embedded SQLite store for state, conversations and transcripts.</summary>
    public static IServiceCollection AddChatSupportStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSqliteMigration(StorageSchema.Migration);
        services.AddSingleton(sp => new SqliteDatabase(options.ConnectionString, sp.GetServices<SqliteMigration>()));
        services.AddSingleton<IStorage, SqliteStorage>();
        services.AddHostedService<SqliteCheckpointer>();
        services.AddSingleton<SqliteTranscriptStore>();
        services.AddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<SqliteTranscriptStore>());
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<SqliteTranscriptStore>());
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton(sp => new AutoSaveStateMiddleware(sp.GetRequiredService<ConversationState>(), sp.GetRequiredService<UserState>()));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return services;
    }

    /// <summary>Creates or migrates the schema before the host accepts requests.</summary>
    public static Task MigrateChatSupportStorageAsync(this IServiceProvider services) =>
        services.GetRequiredService<SqliteDatabase>().MigrateAsync();
}

/// <summary>Ready only while the store answers.</summary>
public sealed class StoreHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.IsReachableAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("store reachable")
            : HealthCheckResult.Unhealthy("store unreachable");
}
