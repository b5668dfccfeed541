using ChatSupport.Bot.Storage.Postgres;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.BotKit.State;
using ChatSupport.Domain.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Storage;

/// <summary>Configuration section <c>ChatSupport:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "ChatSupport:Storage";

    /// <summary><c>sqlite</c> (default, one embedded file) or <c>postgres</c> (several identical nodes).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The SQLite file used when no connection string is set.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/chatsupport.db";

    /// <summary>
    /// A SQLite connection string (default <see cref="DefaultSqliteConnectionString"/>), or an Npgsql one
    /// (Host=…;Port=…;Username=…;Database=…) for postgres, which has no default.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The message that stops the start when <see cref="Provider"/> names no known store.</summary>
    internal const string UnknownProvider = "ChatSupport:Storage:Provider must be sqlite or postgres.";

    /// <summary>The configured database (not migrated yet); the host and the CLI commands share this choice.</summary>
    public static StoreDatabase CreateDatabase(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return StoreDatabase.ParseProvider(options.Provider) switch
        {
            StoreProvider.Sqlite => new SqliteDatabase(options.ConnectionString ?? DefaultSqliteConnectionString),
            StoreProvider.Postgres => new PostgresDatabase(options.ConnectionString ?? string.Empty),
            _ => throw new InvalidOperationException(UnknownProvider),
        };
    }

    /// <summary>The CLI verbs, which run without the host's container, bind the same section here.</summary>
    public static StoreDatabase CreateDatabase(IConfiguration configuration)
    {
        var options = new StorageOptions();
        configuration.GetSection(SectionName).Bind(options);
        return CreateDatabase(options);
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
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => StoreDatabase.ParseProvider(o.Provider) is not null, StorageOptions.UnknownProvider)
            .ValidateOnStart();
        services.AddSingleton(sp => StorageOptions.CreateDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<StoreDatabase>() as SqliteDatabase ?? throw new InvalidOperationException("The store is not SQLite."));

        // Checkpoints the SQLite write-ahead log; does nothing on PostgreSQL.
        services.AddHostedService<SqliteCheckpointer>();

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
