using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Storage.Postgres;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChatSupport.Bot.Tests.Storage;

/// <summary>
/// Each feature registers its own migrations. A database that the single numbered list made (frozen in
/// Storage/Legacy/*.sql, applied here the way that build applied it) opens with the host unchanged: nothing runs
/// again, nothing is skipped, every row stays. A new database gets exactly the tables the numbered list made.
/// </summary>
public sealed partial class StoreMigrationTests
{
    private const int LegacyVersions = 8;

    /// <summary>
    /// The first 16 hex digits of SHA-256 of each shipped migration's SQLite and PostgreSQL text. A shipped migration is
    /// never edited (a change is a new migration); add a new one here once it ships.
    /// </summary>
    private static readonly Dictionary<string, (string Sqlite, string Postgres)> Shipped = new(StringComparer.Ordinal)
    {
        ["store/state-conversations-transcript"] = ("3ea304efca2de2c3", "ab278a6dc2aca6b8"),
        ["store/work-leases"] = ("675a238c492bb580", "675a238c492bb580"),
        ["console-access/sessions"] = ("d625bdcfe5378af9", "d625bdcfe5378af9"),
        ["directline/revoked-pending"] = ("afbc14228d681c9b", "d38da186502f7fd6"),
        ["handoff/sessions-accounts-audit-notes-canned"] = ("6ae74302c8915437", "8873b7990c9a2eca"),
        ["handoff/accounts-disabled"] = ("dc69d95dbb4df2bb", "1319d628dacc667d"),
        ["handoff/accounts-seen-at"] = ("045036301e99bc4c", "045036301e99bc4c"),
        ["line/inbox-users-outbox"] = ("ae3b0c50da0b54fc", "b197c548f92d855d"),
        ["triage/judgements-opt-outs-settings-audit"] = ("5af0c405a61af375", "68b2e120c02c3915"),
    };

    [Fact]
    public void Shipped_migrations_keep_their_exact_text_in_both_engines()
    {
        static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];

        var plan = StoreMigrationPlan.Order(TestStores.Features).ToDictionary(p => p.Key, p => p.Migration, StringComparer.Ordinal);
        foreach (var (key, (sqlite, postgres)) in Shipped)
        {
            Assert.True(plan.TryGetValue(key, out var migration), key + " is no longer planned");
            Assert.True(Hash(migration!.Sqlite) == sqlite, key + ": the SQLite text of a shipped migration changed");
            Assert.True(Hash(migration.Postgres) == postgres, key + ": the PostgreSQL text of a shipped migration changed");
        }
    }

    [Fact]
    public void The_host_registers_every_feature_s_migrations_and_the_store_tests_use_the_same_list()
    {
        using var host = new ChatSupportFactory();
        var registered = host.Services.GetServices<IStoreMigrations>().Select(m => m.GetType()).ToHashSet();

        var declared = typeof(StoreDatabase).Assembly.GetTypes()
            .Where(t => typeof(IStoreMigrations).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t != typeof(CoreStoreMigrations))
            .ToHashSet();
        Assert.NotEmpty(declared);
        Assert.Equal(declared.OrderBy(t => t.FullName), registered.OrderBy(t => t.FullName));
        Assert.Equal(declared.OrderBy(t => t.FullName), TestStores.Features.Select(f => f.GetType()).OrderBy(t => t.FullName));
    }

    [Fact]
    public void Every_numbered_migration_is_mapped_and_a_bad_name_or_a_repeated_id_stops_the_start()
    {
        var plan = StoreMigrationPlan.Order(TestStores.Features);
        Assert.Equal(Enumerable.Range(1, LegacyVersions), plan.Select(p => p.Migration.LegacyVersion ?? 0).Distinct().Order());
        Assert.Equal("store/state-conversations-transcript", plan[0].Key);
        Assert.Equal(plan.Count, plan.Select(p => p.Key).Distinct().Count());

        Assert.Throws<InvalidOperationException>(() => StoreMigrationPlan.Order([new Named("Bad Name", "one")]));
        Assert.Throws<InvalidOperationException>(() => StoreMigrationPlan.Order([new Named("twice", "one", "one")]));
        Assert.Throws<InvalidOperationException>(() => StoreMigrationPlan.Order([new Named("store", "one")]));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_new_database_gets_every_feature_s_tables_as_the_numbered_list_made_them(StoreProvider provider)
    {
        var legacy = await EmptyAsync(provider);
        await ApplyLegacyAsync(legacy, LegacyVersions);

        await using var host = await HostAsync(provider);
        var fresh = host.Services.GetRequiredService<StoreDatabase>();
        Assert.Equal(await SchemaAsync(legacy), await SchemaAsync(fresh));

        var recorded = await RecordedAsync(fresh);
        Assert.Equal(StoreMigrationPlan.Order(TestStores.Features).Select(p => p.Key).Order(StringComparer.Ordinal), recorded.Keys.Order(StringComparer.Ordinal));
        Assert.All(recorded.Values, r => Assert.Null(r.Legacy));
        Assert.Equal(0, await CountTablesAsync(fresh, "schema_migrations"));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_database_made_by_the_numbered_list_opens_with_the_host_and_nothing_runs_again(StoreProvider provider)
    {
        var database = await EmptyAsync(provider);
        await ApplyLegacyAsync(database, LegacyVersions);
        await InsertRowsAsync(database);
        var before = await SchemaAsync(database);
        var rowsBefore = await RowsAsync(database);

        await using (var host = await HostAsync(provider, database))
        {
            Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/readyz")).StatusCode);
        }

        // Every row is still there as it was (the running host may add its own, such as a work lease).
        var rowsAfterHost = await RowsAsync(database);
        Assert.Empty(rowsBefore.Except(rowsAfterHost));

        // A second start (and the command-line verbs, which migrate their own features) changes nothing more.
        await database.MigrateAsync(TestStores.Features);
        await database.MigrateAsync([new Bot.Handoff.HandoffMigrations()]);

        Assert.Equal(before, await SchemaAsync(database));
        Assert.Equal(rowsAfterHost, await RowsAsync(database));
        var recorded = await RecordedAsync(database);
        foreach (var (key, migration) in StoreMigrationPlan.Order(TestStores.Features))
        {
            // Marked applied with the number and the time the numbered list recorded: taken over, not run.
            Assert.Equal((AppliedAt(migration.LegacyVersion!.Value), (long?)migration.LegacyVersion), recorded[key]);
        }
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_database_of_an_older_build_gets_only_what_it_lacks(StoreProvider provider)
    {
        var complete = await EmptyAsync(provider);
        await ApplyLegacyAsync(complete, LegacyVersions);
        var older = await EmptyAsync(provider);
        await ApplyLegacyAsync(older, 7);
        await InsertRowsAsync(older, withPresence: false);
        var rowsBefore = await RowsAsync(older);

        await older.MigrateAsync(TestStores.Features);

        Assert.Equal(await SchemaAsync(complete), await SchemaAsync(older));

        // The same rows; the account has the new presence column, empty.
        var account = Assert.Single(rowsBefore, r => r.StartsWith("console_accounts:", StringComparison.Ordinal));
        Assert.Equal(rowsBefore.Select(r => r == account ? r + " | NULL" : r), await RowsAsync(older));
        var recorded = await RecordedAsync(older);
        var seenAt = Assert.Single(recorded, r => r.Value.Legacy is null);
        Assert.Equal("handoff/accounts-seen-at", seenAt.Key);
        Assert.Equal(StoreMigrationPlan.Order(TestStores.Features).Count - 1, recorded.Count(r => r.Value.Legacy is not null));
    }

    // ---- the numbered list, applied as that build applied it ----

    private static async Task<StoreDatabase> EmptyAsync(StoreProvider provider) => provider switch
    {
        StoreProvider.Sqlite => new SqliteDatabase($"Data Source={Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db")}"),
        _ => new PostgresDatabase(await (await PrivateServers.PostgresAsync()).CreateDatabaseAsync()),
    };

    private static async Task<ChatSupportFactory> HostAsync(StoreProvider provider, StoreDatabase? database = null)
    {
        var settings = await TestStores.HostSettingsAsync(provider);
        if (database is PostgresDatabase postgres)
        {
            settings["ChatSupport:Storage:ConnectionString"] = postgres.ConnectionString;
        }

        var sqlitePath = database is SqliteDatabase sqlite ? new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource : null;
        var host = new ChatSupportFactory(sqlitePath) { Settings = settings };
        _ = host.Server;
        return host;
    }

    private static string AppliedAt(int version) => new DateTimeOffset(2026, 1, version, 9, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);

    private static async Task ApplyLegacyAsync(StoreDatabase database, int upTo)
    {
        var engine = database is SqliteDatabase ? "sqlite" : "postgres";
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Storage", "Legacy", engine + ".sql"));
        var versions = VersionMarker().Split(text).Skip(1).ToList();
        Assert.Equal(LegacyVersions, versions.Count);

        await using var connection = await RawAsync(database);
        await ExecuteAsync(connection, null, database is SqliteDatabase
            ? "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);"
            : "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL);");
        for (var version = 1; version <= upTo; version++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, transaction, versions[version - 1]);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at);", ("@v", (long)version), ("@at", AppliedAt(version)));
            await transaction.CommitAsync();
        }
    }

    [GeneratedRegex(@"^-- version \d+$", RegexOptions.Multiline)]
    private static partial Regex VersionMarker();

    /// <summary>A row in a table of every numbered version (the accounts' presence column only when version 8 ran).</summary>
    private static async Task InsertRowsAsync(StoreDatabase database, bool withPresence = true)
    {
        await using var connection = await RawAsync(database);
        string[] rows =
        [
            "INSERT INTO state (key, data, version) VALUES ('directline/c1/conversation', '{\"a\":1}', 3);",
            "INSERT INTO conversations (id, channel_id, user_id, created_at) VALUES ('c1', 'directline', 'u1', '2026-01-02T03:04:05Z');",
            "INSERT INTO activities (conversation_id, seq, direction, activity, stored_at) VALUES ('c1', 1, 'in', '{\"type\":\"message\"}', '2026-01-02T03:04:05Z');",
            "INSERT INTO handoff_sessions (conversation_id, state, priority_band, waiting_since, counselor_id, data, version) VALUES ('c1', 'bot', 1, NULL, NULL, '{}', 1);",
            withPresence
                ? "INSERT INTO console_accounts (user_name, password_hash, role, created_at, disabled, seen_at) VALUES ('sato', 'hash', 'counselor', '2026-01-01T00:00:00Z', 1, '2026-01-02T00:00:00Z');"
                : "INSERT INTO console_accounts (user_name, password_hash, role, created_at, disabled) VALUES ('sato', 'hash', 'counselor', '2026-01-01T00:00:00Z', 1);",
            "INSERT INTO audit_log (at, actor, action, conversation_id, detail) VALUES ('2026-01-02T03:04:07Z', 'sato', 'claim', 'c1', NULL);",
            "INSERT INTO line_inbox (webhook_event_id, conversation_id, event, received_at) VALUES ('ev1', 'line:a', '{}', '2026-01-02T03:04:08Z');",
            "INSERT INTO triage_opt_outs (channel_id, user_id, opted_out_at) VALUES ('line', 'Uaaa', '2026-01-02T03:04:09Z');",
            "INSERT INTO work_leases (name, holder, expires_at) VALUES ('line-inbox', 'node-a', '2026-01-02T03:05:00Z');",
            "INSERT INTO console_sessions (id_hash, user_name, created_at, expires_at) VALUES ('h1', 'sato', '2026-01-02T00:00:00Z', '2026-01-02T08:00:00Z');",
            "INSERT INTO directline_revoked (conversation_id, revoked_at) VALUES ('c2', '2026-01-02T03:04:10Z');",
        ];
        foreach (var row in rows)
        {
            await ExecuteAsync(connection, null, row);
        }
    }

    // ---- what is compared ----

    /// <summary>Every row of every table but the migration records, as text, table by table.</summary>
    private static async Task<List<string>> RowsAsync(StoreDatabase database)
    {
        var rows = new List<string>();
        var tables = await QueryAsync(database, database is SqliteDatabase
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name;");
        foreach (var table in tables.Where(t => t is not ("schema_migrations" or "store_migrations")))
        {
            foreach (var row in await QueryAsync(database, $"SELECT * FROM {table};"))
            {
                rows.Add(table + ": " + row);
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Tables, columns, indexes, constraints, triggers and functions, without the migration records.</summary>
    private static async Task<List<string>> SchemaAsync(StoreDatabase database)
    {
        string[] queries = database is SqliteDatabase
            ? ["SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name NOT IN ('schema_migrations', 'store_migrations');"]
            : [
                "SELECT table_name, ordinal_position, column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns WHERE table_schema = current_schema() AND table_name NOT IN ('schema_migrations', 'store_migrations');",
                "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename NOT IN ('schema_migrations', 'store_migrations');",
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text NOT IN ('schema_migrations', 'store_migrations');",
                "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal;",
                "SELECT proname, prosrc FROM pg_proc WHERE pronamespace = current_schema()::regnamespace;",
            ];
        var schema = new List<string>();
        foreach (var query in queries)
        {
            schema.AddRange(await QueryAsync(database, query));
        }

        Assert.Contains(schema, s => s.Contains("console_accounts", StringComparison.Ordinal));
        schema.Sort(StringComparer.Ordinal);
        return schema;
    }

    private static async Task<Dictionary<string, (string AppliedAt, long? Legacy)>> RecordedAsync(StoreDatabase database)
    {
        await using var connection = await RawAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, applied_at, legacy_version FROM store_migrations;";
        await using var reader = await command.ExecuteReaderAsync();
        var recorded = new Dictionary<string, (string, long?)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            recorded[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
        }

        return recorded;
    }

    private static async Task<long> CountTablesAsync(StoreDatabase database, string table) =>
        (await QueryAsync(database, database is SqliteDatabase
            ? $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{table}';"
            : $"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}';")).Count;

    private static async Task<List<string>> QueryAsync(StoreDatabase database, string sql)
    {
        await using var connection = await RawAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    // The engine's own connection, without the stores' placeholder translation (the DDL has PostgreSQL's $fn$ quotes).
    private static async Task<DbConnection> RawAsync(StoreDatabase database)
    {
        DbConnection connection = database switch
        {
            SqliteDatabase sqlite => new SqliteConnection(sqlite.ConnectionString),
            PostgresDatabase postgres => new NpgsqlConnection(postgres.ConnectionString),
            _ => throw new InvalidOperationException("An unknown store."),
        };
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    private sealed class Named(string feature, params string[] ids) : IStoreMigrations
    {
        public string Feature => feature;

        public IReadOnlyList<StoreMigration> Migrations { get; } = [.. ids.Select(id => new StoreMigration(id, "SELECT 1;", "SELECT 1;"))];
    }
}
