using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatSupport.Bot.Storage;

/// <summary>
/// One schema change of one feature, in both engines' DDL (same tables, engine-specific types and guards).
/// </summary>
/// <param name="Id">Unique within its feature; never renamed or edited once shipped (a change is a new migration).</param>
/// <param name="Sqlite">The SQLite DDL.</param>
/// <param name="Postgres">The PostgreSQL DDL.</param>
/// <param name="LegacyVersion">
/// The number this change (or the part of it this feature owns) had in the single numbered list every feature shared
/// before features registered their own migrations (1–8, recorded in <c>schema_migrations</c>). A database that
/// recorded that number already has this change: it is marked applied, never run again. New migrations have none.
/// </param>
public sealed record StoreMigration(string Id, string Sqlite, string Postgres, int? LegacyVersion = null);

/// <summary>
/// A feature's tables: its name and its migrations in order. Each feature registers its own with
/// <see cref="StoreMigrationsServiceCollectionExtensions.AddStoreMigrations{T}"/> in its <c>Add…</c> extension;
/// <see cref="StoreDatabase.MigrateAsync"/> applies the store's own migrations first, then every feature's, features
/// in the ordinal order of their names. A feature's migrations touch only its own tables (the store's first
/// migration gives PostgreSQL the append-only guard function every feature may use).
/// </summary>
public interface IStoreMigrations
{
    /// <summary>Lower-case letters, digits and hyphens; the prefix of its migrations' recorded ids.</summary>
    string Feature { get; }

    IReadOnlyList<StoreMigration> Migrations { get; }
}

public static class StoreMigrationsServiceCollectionExtensions
{
    /// <summary>Registers a feature's migrations (once, however often it is called); the host applies them at start.</summary>
    public static IServiceCollection AddStoreMigrations<T>(this IServiceCollection services)
        where T : class, IStoreMigrations
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStoreMigrations, T>());
        return services;
    }
}

/// <summary>The order migrations are applied in, with the id each is recorded under (<c>feature/id</c>).</summary>
public static partial class StoreMigrationPlan
{
    /// <summary>
    /// The store's own migrations, then the features' (each feature once, in the ordinal order of its name), each
    /// feature's in its own order. Refuses names that are malformed or used twice, so a mistake stops the start.
    /// </summary>
    public static IReadOnlyList<(string Key, StoreMigration Migration)> Order(IEnumerable<IStoreMigrations> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var byName = new Dictionary<string, IStoreMigrations>(StringComparer.Ordinal) { [CoreStoreMigrations.Instance.Feature] = CoreStoreMigrations.Instance };
        foreach (var feature in features)
        {
            if (!Name().IsMatch(feature.Feature))
            {
                throw new InvalidOperationException($"The store feature name '{feature.Feature}' must be lower-case letters, digits and hyphens.");
            }

            if (byName.TryGetValue(feature.Feature, out var known) && known.GetType() != feature.GetType())
            {
                throw new InvalidOperationException($"Two sets of store migrations are named '{feature.Feature}'.");
            }

            byName[feature.Feature] = feature;
        }

        var plan = new List<(string Key, StoreMigration Migration)>();
        foreach (var feature in byName.Values.OrderBy(f => f.Feature == CoreStoreMigrations.FeatureName ? 0 : 1).ThenBy(f => f.Feature, StringComparer.Ordinal))
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var migration in feature.Migrations)
            {
                if (!Name().IsMatch(migration.Id) || !ids.Add(migration.Id))
                {
                    throw new InvalidOperationException($"The migration id '{migration.Id}' of '{feature.Feature}' is malformed or used twice.");
                }

                plan.Add(($"{feature.Feature}/{migration.Id}", migration));
            }
        }

        return plan;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
