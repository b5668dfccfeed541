using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.Handoff;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Bot.Triage;
using ChatSupport.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Storage;

public sealed class SqliteMigrationTests
{
    [Fact]
    public async Task Each_feature_brings_its_own_tables_and_the_host_applies_them_in_version_order()
    {
        using var factory = new ChatSupportFactory();
        var migrations = factory.Services.GetServices<SqliteMigration>().OrderBy(m => m.Version).ToList();

        Assert.Equal([StorageSchema.Migration, HandoffSchema.Migration, LineSchema.Migration, TriageSchema.Migration], migrations);

        // The LINE tables exist even though LINE is not configured here: every store file has the same schema.
        var tables = await TablesAsync(factory.Services.GetRequiredService<SqliteDatabase>());
        Assert.Contains("activities", tables);
        Assert.Contains("handoff_sessions", tables);
        Assert.Contains("line_inbox", tables);
        Assert.Contains("triage_judgements", tables);
    }

    [Fact]
    public async Task A_store_created_by_one_feature_gets_the_other_features_tables_when_the_host_starts()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db");
        var accountsOnly = new SqliteDatabase($"Data Source={path}", [StorageSchema.Migration, HandoffSchema.Migration]);
        await accountsOnly.MigrateAsync();
        Assert.DoesNotContain("line_inbox", await TablesAsync(accountsOnly));

        using var factory = new ChatSupportFactory(path);
        var tables = await TablesAsync(factory.Services.GetRequiredService<SqliteDatabase>());
        Assert.Contains("line_inbox", tables);
        Assert.Contains("triage_judgements", tables);
    }

    [Fact]
    public void Two_features_claiming_one_version_stop_the_start_naming_both()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            new SqliteDatabase("Data Source=:memory:", [StorageSchema.Migration, new SqliteMigration(1, "other", "SELECT 1;")]));
        Assert.Contains("'storage'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'other'", e.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> TablesAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
