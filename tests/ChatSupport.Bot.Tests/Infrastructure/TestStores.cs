using System.Reflection;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Handoff;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Storage.Postgres;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Bot.Triage;
using Xunit.Sdk;

namespace ChatSupport.Bot.Tests.Infrastructure;

/// <summary>A fresh, migrated database of either provider for the shared store tests.</summary>
public static class TestStores
{
    public static async Task<StoreDatabase> CreateAsync(StoreProvider provider)
    {
        StoreDatabase database = provider switch
        {
            StoreProvider.Sqlite => new SqliteDatabase($"Data Source={Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db")}"),
            _ => new PostgresDatabase(await (await PrivateServers.PostgresAsync()).CreateDatabaseAsync()),
        };
        await database.MigrateAsync(Features);
        return database;
    }

    /// <summary>
    /// Every feature's migrations, as the host registers them (<c>Storage/StoreMigrationTests</c> checks that this
    /// list and the host's registrations agree), for stores built without the host.
    /// </summary>
    public static IReadOnlyList<IStoreMigrations> Features { get; } =
    [
        new ConsoleAccessMigrations(),
        new DirectLineMigrations(),
        new HandoffMigrations(),
        new LineMigrations(),
        new TriageMigrations(),
    ];

    /// <summary>Host settings that put a test host on a fresh database of the provider.</summary>
    public static async Task<Dictionary<string, string>> HostSettingsAsync(StoreProvider provider) => provider switch
    {
        StoreProvider.Sqlite => [],
        _ => new()
        {
            ["ChatSupport:Storage:Provider"] = "postgres",
            ["ChatSupport:Storage:ConnectionString"] = await (await PrivateServers.PostgresAsync()).CreateDatabaseAsync(),
        },
    };
}

/// <summary>The SQLite row of a shared store test (the first argument is the provider).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteStoreAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreProvider.Sqlite]];
}

/// <summary>The PostgreSQL row of a shared store test; skipped with the reason only when PostgreSQL is absent outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresStoreAttribute : DataAttribute
{
    public PostgresStoreAttribute()
    {
        Skip = PrivateServers.PostgresSkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreProvider.Postgres]];
}

/// <summary>A test that needs the private PostgreSQL and Redis servers; skipped only when they are absent outside CI.</summary>
public sealed class ScaleFactAttribute : FactAttribute
{
    public ScaleFactAttribute()
    {
        Skip = PrivateServers.PostgresSkipReason ?? PrivateServers.RedisSkipReason;
    }
}
