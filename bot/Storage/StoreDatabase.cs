using System.Data.Common;

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

    /// <summary>Parses a configuration's provider name; null when it names no provider.</summary>
    public static StoreProvider? ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => StoreProvider.Sqlite,
        "postgres" or "postgresql" => StoreProvider.Postgres,
        _ => null,
    };

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
