using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Npgsql;

namespace ChatSupport.Bot.Storage.Postgres;

/// <summary>
/// An Npgsql connection that runs the stores' SQL as written for both engines: <c>$name</c> parameters
/// become Npgsql's <c>@name</c> (in the text and in the parameter names) just before execution.
/// Everything else is passed through to the inner connection.
/// </summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "The text is the store's own parameterised SQL; only placeholders are renamed.")]
internal sealed partial class PostgresConnection(NpgsqlConnection inner) : DbConnection
{
    private static readonly ConcurrentDictionary<string, string> Translated = new(StringComparer.Ordinal);

    public NpgsqlConnection Inner => inner;

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => inner.ConnectionString = value;
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    public override void Close() => inner.Close();

    public override void Open() => inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken) =>
        await inner.BeginTransactionAsync(isolationLevel, cancellationToken).ConfigureAwait(false);

    protected override DbCommand CreateDbCommand() => new PostgresCommand(inner.CreateCommand(), this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary><c>$name</c> → <c>@name</c>; positional <c>$1</c> and anything else stay as they are.</summary>
    internal static string Translate(string sql) =>
        Translated.GetOrAdd(sql, static s => Placeholder().Replace(s, "@$1"));

    [GeneratedRegex(@"(?<![\w$])\$([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private sealed class PostgresCommand(NpgsqlCommand command, PostgresConnection connection) : DbCommand
    {
        private string _text = string.Empty;

        [AllowNull]
        public override string CommandText
        {
            get => _text;
            set => _text = value ?? string.Empty;
        }

        public override int CommandTimeout
        {
            get => command.CommandTimeout;
            set => command.CommandTimeout = value;
        }

        public override CommandType CommandType
        {
            get => command.CommandType;
            set => command.CommandType = value;
        }

        public override bool DesignTimeVisible
        {
            get => command.DesignTimeVisible;
            set => command.DesignTimeVisible = value;
        }

        public override UpdateRowSource UpdatedRowSource
        {
            get => command.UpdatedRowSource;
            set => command.UpdatedRowSource = value;
        }

        protected override DbConnection? DbConnection
        {
            get => connection;
            set => throw new NotSupportedException("A command stays on the connection that created it.");
        }

        protected override DbParameterCollection DbParameterCollection => command.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => command.Transaction;
            set => command.Transaction = (NpgsqlTransaction?)value;
        }

        public override void Cancel() => command.Cancel();

        public override void Prepare()
        {
            Ready();
            command.Prepare();
        }

        protected override DbParameter CreateDbParameter() => command.CreateParameter();

        public override int ExecuteNonQuery()
        {
            Ready();
            return command.ExecuteNonQuery();
        }

        public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
        {
            Ready();
            return command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override object? ExecuteScalar()
        {
            Ready();
            return command.ExecuteScalar();
        }

        public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
        {
            Ready();
            return command.ExecuteScalarAsync(cancellationToken);
        }

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            Ready();
            return command.ExecuteReader(behavior);
        }

        protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
        {
            Ready();
            return await command.ExecuteReaderAsync(behavior, cancellationToken).ConfigureAwait(false);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                command.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Ready()
        {
            command.CommandText = Translate(_text);
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                if (parameter.ParameterName.StartsWith('$'))
                {
                    parameter.ParameterName = parameter.ParameterName[1..];
                }
            }
        }
    }
}
