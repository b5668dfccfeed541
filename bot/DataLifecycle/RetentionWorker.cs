using ChatSupport.Domain.Handoff;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.DataLifecycle;

/// <summary>Configuration section <c>ChatSupport:Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "ChatSupport:Retention";

    /// <summary>
    /// Days to keep a conversation after its last message once no counselor holds it or waits for it, and raw LINE
    /// bodies after they were handled. Null or 0 (the default): keep everything.
    /// </summary>
    public int? Days { get; set; }
}

/// <summary>Runs the retention pass at start and then once a day (on the injected clock), when <see cref="RetentionOptions.Days"/> is set.</summary>
public sealed partial class RetentionWorker(IDataLifecycle lifecycle, IAuditLog audit, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    /// <summary>Raised after each pass (tests wait on it instead of sleeping).</summary>
    public event Action<RetentionReport>? Completed;

    public static string Describe(RetentionReport report) =>
        $"conversations={report.Conversations} line_inbox_bodies={report.LineInboxBodies} line_outbox_bodies={report.LineOutboxBodies}";

    /// <summary>One retention pass now; null when retention is off.</summary>
    public async Task<RetentionReport?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Days is not > 0)
        {
            return null;
        }

        var report = await lifecycle.PurgeAsync(TimeSpan.FromDays(options.Value.Days.Value), cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync("system", AuditActions.RetentionPurge, null, Describe(report), CancellationToken.None).ConfigureAwait(false);
        Log.Purged(logger, report.Conversations, report.LineInboxBodies, report.LineOutboxBodies);
        Completed?.Invoke(report);
        return report;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Days is not > 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.Failed(logger, ex.GetType().FullName ?? "unknown");
            }

            try
            {
                await Task.Delay(Period, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Retention pass: {Conversations} conversations erased, {Inbox} LINE event bodies and {Outbox} outbound bodies emptied.", EventName = "RetentionPurged")]
        public static partial void Purged(ILogger logger, int conversations, int inbox, int outbox);

        [LoggerMessage(2, LogLevel.Error, "Retention pass failed: {ExceptionType}.", EventName = "RetentionFailed")]
        public static partial void Failed(ILogger logger, string exceptionType);
    }
}

public static class DataLifecycleServiceCollectionExtensions
{
    /// <summary>Erasure and the daily retention pass (<c>ChatSupport:Retention:Days</c>).</summary>
    public static IServiceCollection AddDataLifecycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.Days is null or >= 0, "ChatSupport:Retention:Days must be a whole number of days (0 or empty keeps everything).")
            .ValidateOnStart();
        services.AddSingleton<IDataLifecycle>(sp => sp.GetRequiredService<Storage.StoreDatabase>() switch
        {
            Storage.Sqlite.SqliteDatabase sqlite => new SqliteDataLifecycle(sqlite, sp.GetRequiredService<TimeProvider>()),
            Storage.Postgres.PostgresDatabase postgres => new PostgresDataLifecycle(postgres, sp.GetRequiredService<TimeProvider>()),
            _ => throw new InvalidOperationException("Erasure needs the SQLite or PostgreSQL store."),
        });
        services.AddSingleton(sp => sp.GetRequiredService<IDataLifecycle>() as SqliteDataLifecycle ?? throw new InvalidOperationException("The store is not SQLite."));
        services.AddSingleton<RetentionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        return services;
    }
}
