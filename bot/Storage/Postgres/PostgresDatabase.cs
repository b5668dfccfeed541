using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace ChatSupport.Bot.Storage.Postgres;

/// <summary>
/// PostgreSQL for several identical nodes. The schema is created and migrated at start under an advisory lock,
/// so two nodes starting at once apply each migration exactly once. Append-only tables are guarded by triggers
/// (update, delete and truncate are refused) like the SQLite triggers.
/// </summary>
public sealed class PostgresDatabase : StoreDatabase, IAsyncDisposable, IDisposable
{
    /// <summary>Advisory lock key held while migrating (any constant shared by every node).</summary>
    private const long MigrationLockKey = 0x43_68_61_74_53_75_70; // "ChatSup"

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ChatSupport:Storage:ConnectionString must be an Npgsql connection string (Host=…;Port=…;Username=…;Database=…) when the provider is postgres.");
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _dataSource = NpgsqlDataSource.Create(builder);
        ConnectionString = builder.ConnectionString;
    }

    public override string Provider => "postgres";

    public string ConnectionString { get; }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        new PostgresConnection(await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Advisory lock classes of the two-key form, apart from the migration lock's single key.</summary>
    private const int KeyLockClass = 7201;

    public override async Task LockKeyAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken cancellationToken = default)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({KeyLockClass}, hashtext($key));";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task MigrateAsync(IEnumerable<IStoreMigrations> features, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({MigrationLockKey});", cancellationToken).ConfigureAwait(false);
        try
        {
            await ApplyMigrationsAsync(connection, features, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({MigrationLockKey});", CancellationToken.None).ConfigureAwait(false);
        }
    }

    public override async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, $"SELECT COUNT(*) FROM {MigrationsTable};", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    protected override string DdlOf(StoreMigration migration) => migration.Postgres;

    protected override string CountTablesSql => "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name;";

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // constant DDL of this class
        await using var command = new NpgsqlCommand(sql, connection, transaction);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
