using System.Globalization;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Handoff;
using ChatSupport.TestSupport;
using Microsoft.Data.Sqlite;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>
/// Audit finding: each handoff.initiate copied the whole transcript, earlier copies included, so
/// repeated 「人と話したい」/「キャンセル」 rounds doubled the store each time.
/// </summary>
public sealed class StoreGrowthTests
{
    [Fact]
    public async Task Repeated_requests_for_a_person_and_cancels_grow_the_store_linearly()
    {
        using var factory = new ChatSupportFactory();
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync("こんにちは");

        const int rounds = 10;
        var sizes = new List<long> { await StoredBytesAsync(factory, person.ConversationId!) };
        for (var round = 0; round < rounds; round++)
        {
            await person.SayAsync("人と話したい");
            await person.SayAsync("キャンセル");
            sizes.Add(await StoredBytesAsync(factory, person.ConversationId!));
        }

        var growth = sizes.Zip(sizes.Skip(1), (before, after) => after - before).ToList();
        Assert.Equal(rounds, growth.Count);
        Assert.All(growth, g => Assert.True(g > 0, "every round stores something"));

        // Linear: the last round adds about what the second one did (doubling would make it 2^8 times more).
        Assert.True(growth[^1] <= growth[1] * 3 / 2, $"round growth went from {growth[1]} to {growth[^1]} bytes");
        Assert.True(sizes[^1] < 200_000, $"the conversation holds {sizes[^1]} bytes after {rounds} rounds");

        // Each handoff.initiate carries only the messages since the previous handoff, without attachments of their own.
        var initiates = (await ActivitiesAsync(factory, person.ConversationId!)).Where(a => a.Name == HandoffActivities.InitiateHandoff).ToList();
        Assert.Equal(rounds, initiates.Count);
        var last = initiates[^1].Attachments!.Single().Content!.Value.GetProperty("activities").EnumerateArray().ToList();
        Assert.NotEmpty(last);
        Assert.Contains(last, a => a.GetProperty("text").GetString() == "人と話したい");
        Assert.DoesNotContain(last, a => a.TryGetProperty("attachments", out _));
        Assert.DoesNotContain(last, a => a.GetProperty("text").GetString() == "こんにちは");
    }

    private static async Task<long> StoredBytesAsync(ChatSupportFactory factory, string conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(LENGTH(CAST(activity AS BLOB))), 0) FROM activities WHERE conversation_id = $c;";
        command.Parameters.AddWithValue("$c", conversationId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<Activity>> ActivitiesAsync(ChatSupportFactory factory, string conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT activity FROM activities WHERE conversation_id = $c ORDER BY seq;";
        command.Parameters.AddWithValue("$c", conversationId);
        var list = new List<Activity>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(ActivityJson.Deserialize(reader.GetString(0)));
        }

        return list;
    }
}
