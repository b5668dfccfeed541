using ChatSupport.Bot.Handoff;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Domain.Handoff;

namespace ChatSupport.Bot.DataLifecycle;

/// <summary>
/// <c>data erase --conversation ID</c>: removes one conversation's text from every table and from the database
/// files, leaving an audit entry without text (actor <c>cli</c>, action <c>erase</c>, row counts).
/// <c>data purge --days N</c>: runs the retention pass now (what <c>ChatSupport:Retention:Days</c> does daily).
/// </summary>
public static class DataCommand
{
    private const string Usage = """
        usage: data erase --conversation ID
               data purge --days N
        """;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var configuration = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] }).Configuration;
        return RunAsync(args, stdout, stderr, configuration).GetAwaiter().GetResult();
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IConfiguration configuration, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        clock ??= TimeProvider.System;
        var erase = args is ["erase", "--conversation", { Length: > 0 } id] ? id : null;
        int? days = args is ["purge", "--days", var text] && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
        if (erase is null && days is null)
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var database = StorageOptions.CreateDatabase(configuration);
        // Erasure finds the tables that exist; the audit log is the handoff's (the host migrates the other features).
        await database.MigrateAsync([new HandoffMigrations()]).ConfigureAwait(false);
        IDataLifecycle lifecycle = database switch
        {
            SqliteDatabase sqlite => new SqliteDataLifecycle(sqlite, clock),
            Storage.Postgres.PostgresDatabase postgres => new PostgresDataLifecycle(postgres, clock),
            _ => throw new InvalidOperationException("Erasure needs the SQLite or PostgreSQL store."),
        };
        var audit = new SqliteAuditLog(database, clock);

        if (erase is not null)
        {
            var report = await lifecycle.EraseConversationAsync(erase).ConfigureAwait(false);
            await audit.AppendAsync(Handoff.Accounts.AccountsCommand.CliActor, AuditActions.Erase, erase, report.Describe()).ConfigureAwait(false);
            await stdout.WriteLineAsync(report.Total == 0
                ? $"Nothing was stored for conversation '{erase}'."
                : $"Erased conversation '{erase}': {report.Describe()}.").ConfigureAwait(false);
            return 0;
        }

        var purged = await lifecycle.PurgeAsync(TimeSpan.FromDays(days!.Value)).ConfigureAwait(false);
        await audit.AppendAsync(Handoff.Accounts.AccountsCommand.CliActor, AuditActions.RetentionPurge, null, RetentionWorker.Describe(purged)).ConfigureAwait(false);
        await stdout.WriteLineAsync($"Purged: {RetentionWorker.Describe(purged)}.").ConfigureAwait(false);
        return 0;
    }
}
