using System.Net;
using System.Net.Http.Json;
using ChatSupport.Bot.DataLifecycle;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Storage;
using ChatSupport.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>Audit finding: <c>data erase</c> refused to run on PostgreSQL, so a scaled-out service could not erase a conversation.</summary>
public sealed class PostgresErasureTests
{
    [Theory]
    [PostgresStore]
    public async Task Erasing_a_conversation_on_PostgreSQL_removes_its_text_from_every_table_keeps_the_guards_and_audits_without_text(StoreProvider provider)
    {
        var settings = await TestStores.HostSettingsAsync(provider);
        await using var factory = ConsoleClient.NewFactory(settings: settings);
        _ = factory.Server;
        await ConsoleClient.AddAccountAsync(factory, "sato", "counselor");
        var marker = "ひみつ" + Guid.NewGuid().ToString("N")[..8];
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync($"{marker}のことで、{HandoffTestBot.AskForHuman}");
        var sato = await ConsoleClient.SignInAsync(factory, "sato");
        Assert.Equal(HttpStatusCode.OK, (await sato.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sato.PostAsJsonAsync($"/api/console/conversations/{person.ConversationId}/notes", new { text = $"メモ {marker}" })).StatusCode);
        var other = await DirectLineClient.StartAsync(factory);
        await other.SayAsync("ほかの人の話");
        var connectionString = settings["ChatSupport:Storage:ConnectionString"];
        Assert.True(await RowsContainingAsync(connectionString, marker) >= 3, "the marker is in the transcript, the handoff and the note before");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value))).Build();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.True(await DataCommand.RunAsync(["erase", "--conversation", person.ConversationId!], stdout, stderr, configuration) == 0, stderr.ToString());

        Assert.Equal(0, await RowsContainingAsync(connectionString, marker));
        Assert.Empty(await factory.Services.GetRequiredService<ITranscriptStore>().ReadAsync(person.ConversationId!, 0, 100));
        Assert.Contains(await factory.Services.GetRequiredService<ITranscriptStore>().ReadAsync(other.ConversationId!, 0, 100), e => e.Activity.Text == "ほかの人の話");

        // The append-only guards are back on after the erasing transaction.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var delete = new NpgsqlCommand("DELETE FROM activities WHERE conversation_id = @c;", connection);
            delete.Parameters.AddWithValue("c", other.ConversationId!);
            await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
        }

        var audit = await factory.Services.GetRequiredService<IAuditLog>().ReadAsync(200);
        var erase = Assert.Single(audit, e => e.Action == AuditActions.Erase);
        Assert.Equal(person.ConversationId, erase.ConversationId);
        Assert.Contains("activities=", erase.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(audit, e => (e.Detail ?? string.Empty).Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>Rows of any table of the schema whose text contains <paramref name="marker"/>.</summary>
    private static async Task<long> RowsContainingAsync(string connectionString, string marker)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE';", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(tables);
        long total = 0;
        foreach (var table in tables)
        {
#pragma warning disable CA2100 // catalogue names
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\" t WHERE t::text LIKE @m;", connection);
#pragma warning restore CA2100
            count.Parameters.AddWithValue("m", "%" + marker + "%");
            total += (long)(await count.ExecuteScalarAsync())!;
        }

        return total;
    }
}
