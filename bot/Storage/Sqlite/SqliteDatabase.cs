using Microsoft.Data.Sqlite;

namespace ChatSupport.Bot.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Creates the folder and the schema at start and
/// applies the migrations its features registered (<see cref="SqliteMigration"/>) in version order;
/// each runs once, recorded in <c>schema_migrations</c>.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly SqliteMigration[] _migrations;

    /// <summary>Opens (and on <see cref="MigrateAsync"/> creates or updates) the file with the migrations of the features that use it.</summary>
    public SqliteDatabase(string connectionString, IEnumerable<SqliteMigration> migrations)
    {
        _migrations = SqliteMigration.InOrder(migrations);
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
    }

    public string ConnectionString { get; }

    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>
    /// SQLite has one writer at a time; a second writer would wait inside the driver on a blocked
    /// thread-pool thread. Writers of this process queue here instead, asynchronously, so a burst of
    /// turns never starves the thread pool. Reads (WAL) do not need it.
    /// </summary>
    public async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken = default)
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

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        // WAL + NORMAL: a commit does not wait for the disk; checkpoints (which do) run in the background
        // (SqliteCheckpointer), never inside a person's turn.
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Switches the file to WAL and brings the schema up to date.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var migration in _migrations)
        {
            var version = migration.Version;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = $v;";
            check.Parameters.AddWithValue("$v", version);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                continue;
            }

            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = migration.Sql;
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES ($v, $at);";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Copies the write-ahead log into the database file without blocking readers or writers.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the file can be opened and read (readiness probe).</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_migrations;";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
