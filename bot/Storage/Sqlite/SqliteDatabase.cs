using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ChatSupport.Bot.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Creates the folder and the schema at start and
/// applies the features' migrations in order; each migration runs once, recorded in <c>store_migrations</c>.
/// </summary>
public sealed class SqliteDatabase : StoreDatabase, IDisposable
{
    public override string Provider => "sqlite";

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            DefaultTimeout = 30,
        };
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        ConnectionString = builder.ToString();
        builder.Pooling = false;
        _sessions = new SqliteSessions(builder.ToString());
    }

    public string ConnectionString { get; }

    private readonly SqliteSessions _sessions;

    /// <summary>
    /// One of a few long-lived connections of this store, each keeping the statements compiled that it has run, so
    /// the hot statements of a turn are parsed and planned once per connection instead of once per call (see
    /// <see cref="SqliteSessions"/>).
    /// </summary>
    public override Task<StoreSession> RentAsync(CancellationToken cancellationToken = default) =>
        _sessions.RentAsync(ConfigureAsync, cancellationToken);

    /// <summary>Long-lived connections idle now, waiting for the next operation (tests).</summary>
    internal int IdleSessions => _sessions.IdleCount;

    /// <summary>Closes the idle long-lived connections (the host's container does this when it stops).</summary>
    public void Dispose() => _sessions.Dispose();

    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>
    /// SQLite has one writer at a time; a second writer would wait inside the driver on a blocked
    /// thread-pool thread. Writers of this process queue here instead, asynchronously, so a burst of
    /// turns never starves the thread pool. Reads (WAL) do not need it.
    /// </summary>
    public override async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WriteTicket(_writeGate);
    }

    private sealed class WriteTicket(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await OpenSqliteAsync(cancellationToken).ConfigureAwait(false);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT

    public async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var handle = connection.Handle;
        if (handle is null || !_configured.TryGetValue(handle, out _))
        {
            await ConfigureAsync(connection, cancellationToken).ConfigureAwait(false);
            if (handle is not null)
            {
                _configured.AddOrUpdate(handle, Configured);
            }
        }

        return connection;
    }

    // WAL + NORMAL: a commit does not wait for the disk; checkpoints (which do) run in the background
    // (SqliteCheckpointer), never inside a person's turn. These settings belong to the underlying SQLite connection,
    // which the pool (or a session, below) keeps open between uses: they are set once per connection, not on every
    // open (a turn opens several).
    private static async Task ConfigureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Underlying connections (kept open by the pool) whose per-connection pragmas are set; weak, so a connection the
    // pool closes is forgotten with it.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();
    private static readonly object Configured = new();

    /// <summary>Switches the file to WAL and brings the schema up to date.</summary>
    public override async Task MigrateAsync(IEnumerable<IStoreMigrations> features, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenSqliteAsync(cancellationToken).ConfigureAwait(false);
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await ApplyMigrationsAsync(connection, features, cancellationToken).ConfigureAwait(false);
    }

    protected override string DdlOf(StoreMigration migration) => migration.Sqlite;

    protected override string CountTablesSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name;";

    /// <summary>Copies the write-ahead log into the database file without blocking readers or writers.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the file can be opened and read (readiness probe).</summary>
    public override async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {MigrationsTable};";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
