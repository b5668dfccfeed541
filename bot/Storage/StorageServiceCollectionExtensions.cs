using ChatSupport.Bot.Storage.Postgres;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.BotKit.State;
using ChatSupport.Domain.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatSupport.Bot.Storage;

/// <summary>Configuration section <c>ChatSupport:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "ChatSupport:Storage";

    /// <summary><c>sqlite</c> (default, one embedded file) or <c>postgres</c> (several identical nodes).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>A SQLite connection string, or an Npgsql one (Host=…;Port=…;Username=…;Database=…) for postgres.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/chatsupport.db";

    /// <summary>The configured database (not migrated yet); the host and the CLI commands share this choice.</summary>
    public static StoreDatabase CreateDatabase(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var options = section.Get<StorageOptions>() ?? new StorageOptions();
        return StoreDatabase.ParseProvider(options.Provider) switch
        {
            StoreProvider.Sqlite => new SqliteDatabase(options.ConnectionString),
            StoreProvider.Postgres => new PostgresDatabase(section["ConnectionString"] ?? string.Empty),
            _ => throw new InvalidOperationException("ChatSupport:Storage:Provider must be sqlite or postgres."),
        };
    }
}

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The store for state, conversations and transcripts (and the database every other store uses): the embedded
    /// SQLite file by default, PostgreSQL with <c>ChatSupport:Storage:Provider=postgres</c>.
    /// </summary>
    public static IServiceCollection AddChatSupportStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var database = StorageOptions.CreateDatabase(configuration);
        services.AddSingleton(database);
        if (database is SqliteDatabase sqlite)
        {
            services.AddSingleton(sqlite);
            services.AddHostedService<SqliteCheckpointer>();
        }

        // Erasure and retention, on either store.
        DataLifecycle.DataLifecycleServiceCollectionExtensions.AddDataLifecycle(services, configuration);

        services.AddSingleton<IStorage, SqliteStorage>();
        services.AddSingleton<SqliteTranscriptStore>();
        services.AddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<SqliteTranscriptStore>());
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<SqliteTranscriptStore>());
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton(sp => new AutoSaveStateMiddleware(sp.GetRequiredService<ConversationState>(), sp.GetRequiredService<UserState>()));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Creates or migrates the schema before the host accepts requests: the store's own tables and those of every
    /// feature that registered its migrations (<see cref="StoreMigrationsServiceCollectionExtensions.AddStoreMigrations{T}"/>).
    /// </summary>
    public static Task MigrateChatSupportStorageAsync(this IServiceProvider services) =>
        services.GetRequiredService<StoreDatabase>().MigrateAsync(services.GetServices<IStoreMigrations>());
}

/// <summary>Ready only while the store answers.</summary>
public sealed class StoreHealthCheck(StoreDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.IsReachableAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("store reachable")
            : HealthCheckResult.Unhealthy("store unreachable");
}
