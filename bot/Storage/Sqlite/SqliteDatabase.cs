using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ChatSupport.Bot.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Creates the folder and the schema at start and
/// applies migrations in order; each migration runs once, recorded in <c>schema_migrations</c>.
/// </summary>
public sealed class SqliteDatabase : StoreDatabase
{
    public override string Provider => "sqlite";

    /// <summary>The schema, one entry per version; <see cref="Postgres.PostgresDatabase"/> keeps the same versions.</summary>
    internal static readonly string[] Migrations =
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

        // 2: human handoff: sessions (version = optimistic concurrency), console accounts, the
        // append-only audit log, counselors' internal notes and canned responses.
        """
        CREATE TABLE handoff_sessions (
            conversation_id TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            priority_band INTEGER NOT NULL,
            waiting_since TEXT,
            counselor_id TEXT,
            data TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX handoff_sessions_by_state ON handoff_sessions (state, priority_band, waiting_since);
        CREATE TABLE console_accounts (
            user_name TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('counselor', 'supervisor', 'admin')),
            status TEXT NOT NULL DEFAULT 'away' CHECK (status IN ('available', 'away')),
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            conversation_id TEXT,
            detail TEXT
        );
        CREATE INDEX audit_log_by_conversation ON audit_log (conversation_id, id);
        CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TABLE counselor_notes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL,
            author TEXT NOT NULL,
            at TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX counselor_notes_by_conversation ON counselor_notes (conversation_id, id);
        CREATE TABLE canned_responses (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,

        // 3: LINE channel: webhook inbox (deduplicated on webhookEventId), LINE users, outbound messages with retry keys.
        """
        CREATE TABLE line_inbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            webhook_event_id TEXT NOT NULL UNIQUE,
            conversation_id TEXT NOT NULL,
            event TEXT NOT NULL,
            received_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            transcript_seq INTEGER,
            processed_at TEXT
        );
        CREATE INDEX line_inbox_pending ON line_inbox (state, conversation_id, seq);
        CREATE TABLE line_users (
            conversation_id TEXT PRIMARY KEY,
            line_user_id TEXT NOT NULL UNIQUE,
            following INTEGER NOT NULL DEFAULT 1,
            changed_at TEXT NOT NULL,
            mark_as_read_token TEXT
        );
        CREATE TABLE line_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL,
            inbox_seq INTEGER,
            messages TEXT NOT NULL,
            retry_key TEXT NOT NULL UNIQUE,
            reply_token TEXT,
            reply_deadline TEXT,
            reply_attempted INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'dropped')),
            method TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            sent_at TEXT
        );
        CREATE INDEX line_outbox_pending ON line_outbox (state, conversation_id, id);
        """,

        // 4: AI triage (ETHICS.md): judgements for supervisor review (redacted text only, ETH-05), opt-outs (ETH-04),
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

        // 5: leases on background work that must run on one node at a time (used by PostgreSQL deployments).
        """
        CREATE TABLE work_leases (
            name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        """,

        // 6: console sessions revocable on the server (sign-out, disable, new password) with an absolute end;
        // accounts that can be disabled.
        """
        CREATE TABLE console_sessions (
            id_hash TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            revoked_at TEXT
        );
        CREATE INDEX console_sessions_by_user ON console_sessions (user_name);
        ALTER TABLE console_accounts ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
        """,

        // 7: Direct Line: conversations whose tokens were revoked (quick exit), and inbound messages stored but not
        // yet answered (a turn cut off by a crash is run again at the next start).
        """
        CREATE TABLE directline_revoked (
            conversation_id TEXT PRIMARY KEY,
            revoked_at TEXT NOT NULL
        );
        CREATE TABLE directline_pending (
            conversation_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            stored_at TEXT NOT NULL,
            PRIMARY KEY (conversation_id, seq)
        );
        """,

        // 8: console presence: when each counselor's console was last open (a heartbeat), so a counselor who closed
        // it without saying they are away is not counted as on duty.
        """
        ALTER TABLE console_accounts ADD COLUMN seen_at TEXT;
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
            using var pragma = connection.CreateCommand();
            // WAL + NORMAL: a commit does not wait for the disk; checkpoints (which do) run in the background
            // (SqliteCheckpointer), never inside a person's turn. These settings belong to the underlying SQLite
            // connection, which the pool keeps open between uses: they are set once per pooled connection, not on
            // every open (a turn opens several).
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (handle is not null)
            {
                _configured.AddOrUpdate(handle, Configured);
            }
        }

        return connection;
    }

    // Underlying connections (kept open by the pool) whose per-connection pragmas are set; weak, so a connection the
    // pool closes is forgotten with it.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();
    private static readonly object Configured = new();

    /// <summary>Switches the file to WAL and brings the schema up to date.</summary>
    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenSqliteAsync(cancellationToken).ConfigureAwait(false);
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

        await ApplyMigrationsAsync(connection, Migrations, cancellationToken).ConfigureAwait(false);
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
    public override async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
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
