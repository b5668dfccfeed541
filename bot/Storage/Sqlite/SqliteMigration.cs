namespace ChatSupport.Bot.Storage.Sqlite;

/// <summary>
/// One schema change of one feature (its tables next to its code: StorageSchema, HandoffSchema, LineSchema,
/// TriageSchema). Versions are one sequence for the whole file, because existing files record them in
/// <c>schema_migrations</c>: a new migration takes the next free number, and two features can never claim the same one.
/// </summary>
public sealed record SqliteMigration(int Version, string Feature, string Sql)
{
    /// <summary>The migrations in version order; refuses two with the same version.</summary>
    public static SqliteMigration[] InOrder(IEnumerable<SqliteMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var ordered = migrations.Distinct().OrderBy(m => m.Version).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"SQLite migration {ordered[i].Version} is claimed by both '{ordered[i - 1].Feature}' and '{ordered[i].Feature}'; give the newer one the next free version.");
            }
        }

        return ordered;
    }
}

public static class SqliteMigrationServiceCollectionExtensions
{
    /// <summary>Registers a feature's schema change; the store applies every registered one at start, in version order.</summary>
    public static IServiceCollection AddSqliteMigration(this IServiceCollection services, SqliteMigration migration)
    {
        services.AddSingleton(migration);
        return services;
    }
}
