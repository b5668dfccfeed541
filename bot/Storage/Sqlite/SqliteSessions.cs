using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ChatSupport.Bot.Storage.Sqlite;

/// <summary>
/// The long-lived connections behind <see cref="SqliteDatabase.RentAsync"/>. Microsoft.Data.Sqlite keeps a compiled
/// statement only as long as its command, and closing a connection (returning it to the driver's pool) disposes its
/// commands, so a command per call compiles its SQL on every call — about half of SQLite's time in a turn. Here each
/// connection stays open and keeps one command per SQL text; an operation rents a connection, runs its commands and
/// gives it back.
/// <list type="bullet">
/// <item>A rented connection belongs to one operation at a time; concurrent operations rent different connections
/// (a new one is opened when none is idle; at most <see cref="MaxIdle"/> are kept).</item>
/// <item>Nothing is held between operations: a connection goes back only with no transaction open and every reader
/// of its commands closed, so an idle connection holds no lock and no read snapshot (checkpoints, the data
/// lifecycle's <c>VACUUM</c> and <c>wal_checkpoint(TRUNCATE)</c> are not held back); any other connection is closed
/// instead.</item>
/// <item>A compiled statement whose schema changed since (a migration, the data lifecycle lifting and restoring the
/// append-only triggers, <c>VACUUM</c>) is compiled again by SQLite itself before it runs (<c>sqlite3_prepare_v2</c>).</item>
/// <item>Writers still queue on <see cref="SqliteDatabase.EnterWriteAsync"/>; transactions, pragmas and durability are
/// those of any other connection of the store.</item>
/// </list>
/// </summary>
internal sealed class SqliteSessions(string connectionString) : IDisposable
{
    /// <summary>Idle connections kept; more can be open at once under load, and those beyond it are closed on return.</summary>
    internal static readonly int MaxIdle = Math.Max(8, Environment.ProcessorCount * 2);

    private readonly Stack<SqliteSession> _idle = new();
    private bool _disposed;

    public async Task<StoreSession> RentAsync(Func<SqliteConnection, CancellationToken, Task> configure, CancellationToken cancellationToken)
    {
        lock (_idle)
        {
            if (_idle.TryPop(out var idle))
            {
                idle.Rented = true;
                return idle;
            }
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await configure(connection, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SqliteSession(connection, this) { Rented = true };
    }

    private void Return(SqliteSession session)
    {
        if (session.IsClean())
        {
            session.EndOperation();
            lock (_idle)
            {
                if (!_disposed && _idle.Count < MaxIdle)
                {
                    _idle.Push(session);
                    return;
                }
            }
        }

        session.Close();
    }

    /// <summary>Idle connections now (tests).</summary>
    internal int IdleCount
    {
        get
        {
            lock (_idle)
            {
                return _idle.Count;
            }
        }
    }

    public void Dispose()
    {
        List<SqliteSession> idle;
        lock (_idle)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var session in idle)
        {
            session.Close();
        }
    }

    private sealed class SqliteSession(SqliteConnection connection, SqliteSessions owner) : StoreSession(connection)
    {
        private readonly Dictionary<string, PreparedCommand> _prepared = new(StringComparer.Ordinal);

        // Commands handed out in the current operation, checked when it ends.
        private readonly List<PreparedCommand> _used = [];

        // Commands made for one call only (the kept one was busy with an open reader), disposed when the operation ends.
        private List<SqliteCommand>? _oneOff;

        /// <summary>
        /// <c>BEGIN IMMEDIATE</c> through a kept command, and <c>COMMIT</c> or <c>ROLLBACK</c> through kept commands
        /// when the transaction ends: the same statements the driver's <c>BeginTransaction</c> and its transaction
        /// run, without compiling them on every transaction.
        /// </summary>
        public override async Task<DbTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
        {
            if (_transaction is { Completed: false })
            {
                throw new InvalidOperationException("A transaction is already open on this session.");
            }

            await Kept(BeginSql).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return _transaction = new KeptTransaction(this);
        }

        private const string BeginSql = "BEGIN IMMEDIATE;";
        private const string CommitSql = "COMMIT;";
        private const string RollbackSql = "ROLLBACK;";

        private KeptTransaction? _transaction;

        private PreparedCommand Kept(string sql)
        {
            if (!_prepared.TryGetValue(sql, out var command))
            {
                command = new PreparedCommand(sql, connection);
                _prepared.Add(sql, command);
            }

            return command;
        }

        public override DbCommand Command(string sql, DbTransaction? transaction = null)
        {
            ArgumentNullException.ThrowIfNull(sql);
            if (transaction is KeptTransaction kept && (kept.Session != this || kept.Completed))
            {
                throw new InvalidOperationException("The transaction does not belong to this session or has ended.");
            }
            if (!_prepared.TryGetValue(sql, out var command))
            {
                command = new PreparedCommand(sql, connection);
                _prepared.Add(sql, command);
            }
            else if (command.HasOpenReader)
            {
                // The same SQL again while its reader is still open: a command of its own, as a command per call.
                var oneOff = connection.CreateCommand();
#pragma warning disable CA2100 // the stores' constant SQL texts
                oneOff.CommandText = sql;
#pragma warning restore CA2100
                oneOff.Transaction = DriverTransaction(transaction);
                (_oneOff ??= []).Add(oneOff);
                return oneOff;
            }

            command.Transaction = DriverTransaction(transaction);
            command.Parameters.Clear();
            _used.Add(command);
            return command;
        }

        // A transaction begun by BeginTransactionAsync is the connection's own SQL transaction, not a driver object:
        // the driver then sees no transaction of its own, and its commands run in it with none set.
        private static SqliteTransaction? DriverTransaction(DbTransaction? transaction) =>
            transaction is KeptTransaction ? null : (SqliteTransaction?)transaction;

        /// <summary>A transaction begun with a kept <c>BEGIN IMMEDIATE</c>; ends with a kept <c>COMMIT</c> or <c>ROLLBACK</c>.</summary>
        private sealed class KeptTransaction(SqliteSession session) : DbTransaction
        {
            public SqliteSession Session { get; } = session;

            public bool Completed { get; private set; }

            public override IsolationLevel IsolationLevel => IsolationLevel.Serializable;

            protected override DbConnection DbConnection => Session.Connection;

            public override void Commit() => End(CommitSql);

            public override void Rollback() => End(RollbackSql);

            private void End(string sql)
            {
                if (Completed)
                {
                    throw new InvalidOperationException("The transaction has already ended.");
                }

                // Like the driver's transaction: once COMMIT or ROLLBACK was tried the object is done; if the
                // statement failed and SQLite still has the transaction open, the session is closed (rolled back)
                // when it is given back instead of being kept.
                Completed = true;
                Session.Kept(sql).ExecuteNonQuery();
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing && !Completed)
                {
                    Completed = true;
                    if (Session.Connection.State == ConnectionState.Open && Session.Connection is SqliteConnection { Handle: { } handle }
                        && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
                    {
                        Session.Kept(RollbackSql).ExecuteNonQuery();
                    }
                }

                base.Dispose(disposing);
            }
        }

        /// <summary>Between its rent and its return; a second dispose of one rental gives nothing back twice.</summary>
        public bool Rented { get; set; }

        public override ValueTask DisposeAsync()
        {
            if (Rented)
            {
                Rented = false;
                owner.Return(this);
            }

            return ValueTask.CompletedTask;
        }

        /// <summary>Open, outside any transaction, and with no reader of its commands still open.</summary>
        public bool IsClean()
        {
            if (connection.State != ConnectionState.Open || connection.Handle is not { } handle
                || SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
            {
                return false;
            }

            foreach (var command in _used)
            {
                if (command.HasOpenReader)
                {
                    return false;
                }
            }

            return true;
        }

        public void EndOperation()
        {
            _transaction = null;
            foreach (var command in _used)
            {
                command.Transaction = null;
            }

            _used.Clear();
            if (_oneOff is not null)
            {
                foreach (var command in _oneOff)
                {
                    command.Dispose();
                }

                _oneOff = null;
            }
        }

        /// <summary>Closes the connection: its commands and readers are disposed and an open transaction is rolled back.</summary>
        public void Close()
        {
            foreach (var command in _prepared.Values)
            {
                command.Dispose();
            }

            _prepared.Clear();
            _used.Clear();
            if (_oneOff is not null)
            {
                foreach (var command in _oneOff)
                {
                    command.Dispose();
                }

                _oneOff = null;
            }

            connection.Dispose();
        }
    }

    /// <summary>A command kept with its compiled statements; it can tell whether its reader is still open.</summary>
    private sealed class PreparedCommand : SqliteCommand
    {
        public PreparedCommand(string sql, SqliteConnection connection)
        {
            Connection = connection;
            CommandTimeout = connection.DefaultTimeout;
#pragma warning disable CA2100 // the stores' constant SQL texts
            CommandText = sql;
#pragma warning restore CA2100
        }

        public bool HasOpenReader => DataReader is not null;
    }
}
