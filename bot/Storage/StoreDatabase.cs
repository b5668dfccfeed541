using System.Data.Common;
using System.Globalization;

namespace ChatSupport.Bot.Storage;

/// <summary>
/// The database every store of the service writes to: the embedded SQLite file (default) or PostgreSQL
/// (<c>ChatSupport:Storage:Provider=postgres</c>). Stores write one SQL text for both engines, with
/// <c>$name</c> parameters; the PostgreSQL connection translates them. Each engine brings its own schema
/// migrations (same versions, same tables, engine-specific DDL).
/// </summary>
public abstract class StoreDatabase
{
    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Provider { get; }

    /// <summary>An open connection; dispose it when done.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Serialises this process's writers where the engine has a single writer (SQLite); a no-op where the engine
    /// handles concurrent writers itself (PostgreSQL).
    /// </summary>
    public virtual Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IDisposable>(NoTicket.Instance);

    /// <summary>Creates the schema or brings it up to date; safe to call from several processes at once.</summary>
    public abstract Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the database answers (readiness probe).</summary>
    public abstract Task<bool> IsReachableAsync(CancellationToken cancellationToken);

    /// <summary>True when the exception is a unique or primary key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// Applies each migration not yet recorded in <c>schema_migrations</c> (version = index + 1), each in its own
    /// transaction with its record, so a failed migration leaves nothing half-done. The caller creates the
    /// <c>schema_migrations</c> table in its engine's DDL and holds whatever lock its engine needs.
    /// </summary>
    protected static async Task ApplyMigrationsAsync(DbConnection connection, IReadOnlyList<string> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        for (var version = 1; version <= migrations.Count; version++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var check = Command(connection, transaction, "SELECT COUNT(*) FROM schema_migrations WHERE version = @v;"))
            {
                Parameter(check, "@v", (long)version);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            await using (var migrate = Command(connection, transaction, migrations[version - 1]))
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = Command(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at);"))
            {
                Parameter(record, "@v", (long)version);
                Parameter(record, "@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Parses a configuration's provider name; null when it names no provider.</summary>
    public static StoreProvider? ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => StoreProvider.Sqlite,
        "postgres" or "postgresql" => StoreProvider.Postgres,
        _ => null,
    };

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
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
