using System.Data.Common;
using System.Globalization;

namespace ChatSupport.Bot.Storage;

/// <summary>
/// The database every store of the service writes to: the embedded SQLite file (default) or PostgreSQL
/// (<c>ChatSupport:Storage:Provider=postgres</c>). Stores write one SQL text for both engines, with
/// <c>$name</c> parameters; the PostgreSQL connection translates them. Each feature brings its own schema
/// migrations (<see cref="IStoreMigrations"/>: same tables in both engines, engine-specific DDL).
/// </summary>
public abstract class StoreDatabase
{
    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Provider { get; }

    /// <summary>An open connection; dispose it when done.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// An open connection for one operation, with the commands it runs (<see cref="StoreSession.Command"/>); dispose
    /// it when done. Where the engine allows (SQLite), the connection is a long-lived one and its commands stay
    /// compiled for the next operation that rents it; otherwise it is <see cref="OpenAsync"/> with new commands.
    /// </summary>
    public virtual async Task<StoreSession> RentAsync(CancellationToken cancellationToken = default) =>
        new(await OpenAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Serialises this process's writers where the engine has a single writer (SQLite); a no-op where the engine
    /// handles concurrent writers itself (PostgreSQL).
    /// </summary>
    public virtual Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IDisposable>(NoTicket.Instance);

    /// <summary>
    /// Holds a lock on <paramref name="key"/> until <paramref name="transaction"/> ends, shared by every process on the
    /// database, so writers that number rows per key (a conversation's activities) take turns instead of colliding.
    /// A no-op where <see cref="EnterWriteAsync"/> already serialises the writers (SQLite).
    /// </summary>
    public virtual Task LockKeyAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>
    /// Creates the schema or brings it up to date: the store's own migrations, then those of
    /// <paramref name="features"/> (see <see cref="StoreMigrationPlan"/>). Safe to call from several processes at
    /// once, and with some features only (a command-line verb migrates what it uses; the host adds the rest).
    /// </summary>
    public abstract Task MigrateAsync(IEnumerable<IStoreMigrations> features, CancellationToken cancellationToken = default);

    /// <summary>True when the database answers (readiness probe).</summary>
    public abstract Task<bool> IsReachableAsync(CancellationToken cancellationToken);

    /// <summary>True when the exception is a unique or primary key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>The table that records applied migrations by id (<c>feature/id</c>).</summary>
    protected const string MigrationsTable = "store_migrations";

    /// <summary>
    /// Applies each migration of the plan not yet recorded in <c>store_migrations</c>, each in its own transaction
    /// with its record, so a failed migration leaves nothing half-done. A database made before features registered
    /// their own migrations recorded numbers in <c>schema_migrations</c>; each migration whose
    /// <see cref="StoreMigration.LegacyVersion"/> is recorded there is first marked applied (with the time it was
    /// applied then), so it never runs again, and those not recorded there run as on a new database. The old table is
    /// left as it is. The caller holds whatever lock its engine needs.
    /// </summary>
    protected async Task ApplyMigrationsAsync(DbConnection connection, IEnumerable<IStoreMigrations> features, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var plan = StoreMigrationPlan.Order(features);
        await using (var create = Command(connection, null, $"CREATE TABLE IF NOT EXISTS {MigrationsTable} (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL, legacy_version BIGINT);"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await AdoptLegacyVersionsAsync(connection, plan, cancellationToken).ConfigureAwait(false);
        foreach (var (key, migration) in plan)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (await IsRecordedAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await using (var migrate = Command(connection, transaction, DdlOf(migration)))
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await RecordAsync(connection, transaction, key, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), null, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The migration's DDL in this engine's dialect.</summary>
    protected abstract string DdlOf(StoreMigration migration);

    /// <summary>A query with one parameter <c>@name</c> that counts the tables of that name in the current schema.</summary>
    protected abstract string CountTablesSql { get; }

    private async Task AdoptLegacyVersionsAsync(DbConnection connection, IReadOnlyList<(string Key, StoreMigration Migration)> plan, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var exists = Command(connection, transaction, CountTablesSql))
        {
            Parameter(exists, "@name", "schema_migrations");
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            {
                return;
            }
        }

        var legacy = new Dictionary<long, string>();
        await using (var read = Command(connection, transaction, "SELECT version, applied_at FROM schema_migrations;"))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                legacy[Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)] = reader.GetString(1);
            }
        }

        foreach (var (key, migration) in plan)
        {
            if (migration.LegacyVersion is { } version && legacy.TryGetValue(version, out var appliedAt)
                && !await IsRecordedAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false))
            {
                await RecordAsync(connection, transaction, key, appliedAt, version, cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> IsRecordedAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken cancellationToken)
    {
        await using var check = Command(connection, transaction, $"SELECT COUNT(*) FROM {MigrationsTable} WHERE id = @id;");
        Parameter(check, "@id", key);
        return Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task RecordAsync(DbConnection connection, DbTransaction transaction, string key, string appliedAt, long? legacyVersion, CancellationToken cancellationToken)
    {
        await using var record = Command(connection, transaction, $"INSERT INTO {MigrationsTable} (id, applied_at, legacy_version) VALUES (@id, @at, @legacy);");
        Parameter(record, "@id", key);
        Parameter(record, "@at", appliedAt);
        Parameter(record, "@legacy", legacyVersion is { } v ? v : DBNull.Value);
        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses a configuration's provider name; null when it names no provider.</summary>
    public static StoreProvider? ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => StoreProvider.Sqlite,
        "postgres" or "postgresql" => StoreProvider.Postgres,
        _ => null,
    };

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // constant DDL and bookkeeping of the engines' migrations
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed class NoTicket : IDisposable
    {
        public static readonly NoTicket Instance = new();

        public void Dispose()
        {
        }
    }
}

public enum StoreProvider
{
    Sqlite,
    Postgres,
}
