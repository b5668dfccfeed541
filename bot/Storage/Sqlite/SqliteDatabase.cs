using Microsoft.Data.Sqlite;

namespace ChatSupport.Bot.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Creates the folder and the schema at start and
/// applies migrations in order; each migration runs once, recorded in <c>schema_migrations</c>.
/// </summary>
public sealed class SqliteDatabase
{
    private static readonly string[] Migrations =
    [
        // 1: bot state, conversations and the append-only transcript.
        """
        CREATE TABLE state (
            key TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            channel_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE activities (
            conversation_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            activity TEXT NOT NULL,
            stored_at TEXT NOT NULL,
            PRIMARY KEY (conversation_id, seq)
        ) WITHOUT ROWID;
        CREATE TRIGGER activities_append_only_update BEFORE UPDATE ON activities
        BEGIN SELECT RAISE(ABORT, 'the transcript is append-only'); END;
        CREATE TRIGGER activities_append_only_delete BEFORE DELETE ON activities
        BEGIN SELECT RAISE(ABORT, 'the transcript is append-only'); END;
        """,

        // AI triage (ETHICS.md): judgements for supervisor review (redacted text only, ETH-05), opt-outs (ETH-04),
        // the kill switch flag and the append-only triage audit log (ETH-03, ETH-08).
        """
        CREATE TABLE triage_judgements (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            rule_level TEXT NOT NULL,
            ai_level TEXT NOT NULL,
            final_level TEXT NOT NULL,
            raised_by_ai INTEGER NOT NULL,
            categories TEXT NOT NULL,
            rationale TEXT NOT NULL,
            confidence REAL NOT NULL,
            prompt_version TEXT NOT NULL,
            model TEXT NOT NULL,
            excerpt TEXT NOT NULL,
            reviewer_id TEXT,
            review_decision TEXT,
            reviewed_level TEXT,
            review_reason TEXT,
            reviewed_at TEXT
        );
        CREATE INDEX triage_judgements_conversation ON triage_judgements (conversation_id, id);
        CREATE INDEX triage_judgements_review ON triage_judgements (reviewed_at, id);
        CREATE TABLE triage_opt_outs (
            channel_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            opted_out_at TEXT NOT NULL,
            PRIMARY KEY (channel_id, user_id)
        ) WITHOUT ROWID;
        CREATE TABLE triage_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE triage_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            action TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE TRIGGER triage_audit_append_only_update BEFORE UPDATE ON triage_audit
        BEGIN SELECT RAISE(ABORT, 'the triage audit log is append-only'); END;
        CREATE TRIGGER triage_audit_append_only_delete BEFORE DELETE ON triage_audit
        BEGIN SELECT RAISE(ABORT, 'the triage audit log is append-only'); END;
        """,
    ];

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
    }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
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

        for (var version = 1; version <= Migrations.Length; version++)
        {
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
            migrate.CommandText = Migrations[version - 1];
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
