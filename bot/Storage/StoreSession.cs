using System.Data.Common;

namespace ChatSupport.Bot.Storage;

/// <summary>
/// An open connection for one store operation, and the commands it runs. The session owns its commands: callers
/// take them from <see cref="Command"/> and never dispose them. A store may keep a command's compiled statement
/// for the next operation (SQLite, <see cref="Sqlite.SqliteDatabase"/>); on this base type every command is new and
/// is disposed with the session, as a command per call would be. Transactions begun on <see cref="Connection"/> must
/// end (commit, or dispose) before the session does.
/// </summary>
public class StoreSession : IAsyncDisposable
{
    private List<DbCommand>? _commands;

    public StoreSession(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
    }

    public DbConnection Connection { get; }

    /// <summary>
    /// A command for <paramref name="sql"/> (a constant text: it is the key under which a store keeps the compiled
    /// statement) inside <paramref name="transaction"/>, with no parameters.
    /// </summary>
    public virtual DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = Connection.CreateCommand();
#pragma warning disable CA2100 // the stores' constant SQL texts
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        (_commands ??= []).Add(command);
        return command;
    }

    /// <summary>
    /// Begins a write transaction on <see cref="Connection"/> (on SQLite <c>BEGIN IMMEDIATE</c>, as the driver's own
    /// <c>BeginTransaction</c> does); commands of the session join it through <see cref="Command"/>. Commit it or
    /// dispose it (rolled back) before the session ends.
    /// </summary>
    public virtual async Task<DbTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
        await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    public virtual async ValueTask DisposeAsync()
    {
        if (_commands is not null)
        {
            foreach (var command in _commands)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }

        await Connection.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
