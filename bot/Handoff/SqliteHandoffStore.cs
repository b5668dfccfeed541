using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatSupport.Bot.Storage;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Handoff;

namespace ChatSupport.Bot.Handoff;

/// <summary>
/// Handoff sessions in SQLite. A save is one conditional statement (<c>UPDATE … WHERE version = $read</c>,
/// or an insert that does nothing if the row exists), so of two concurrent claims exactly one changes the row.
/// </summary>
public sealed class SqliteHandoffStore(StoreDatabase database) : IHandoffStore
{
    internal static readonly JsonSerializerOptions Json = CreateJson();

    public async Task<HandoffSession?> FindAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        var command = session.Command("SELECT data, version FROM handoff_sessions WHERE conversation_id = $id;");
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader.GetString(0), reader.GetInt64(1)) : null;
    }

    public async Task<bool> TrySaveAsync(HandoffSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var next = session.Version + 1;
        var snapshot = session.ToSnapshot() with { Version = next };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = session.Version == 0
            ? """
              INSERT INTO handoff_sessions (conversation_id, state, priority_band, waiting_since, counselor_id, data, version)
              VALUES ($id, $state, $band, $since, $counselor, $data, $next)
              ON CONFLICT (conversation_id) DO NOTHING;
              """
            : """
              UPDATE handoff_sessions
              SET state = $state, priority_band = $band, waiting_since = $since, counselor_id = $counselor, data = $data, version = $next
              WHERE conversation_id = $id AND version = $expected;
              """;
        command.Parameters.AddWithValue("$id", session.ConversationId);
        command.Parameters.AddWithValue("$state", session.State.ToWire());
        command.Parameters.AddWithValue("$band", HandoffQueueOrder.Band(session.Priority));
        command.Parameters.AddWithValue("$since", (object?)session.WaitingSince?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$counselor", (object?)session.CounselorId ?? DBNull.Value);
        command.Parameters.AddWithValue("$data", JsonSerializer.Serialize(snapshot, Json));
        command.Parameters.AddWithValue("$next", next);
        command.Parameters.AddWithValue("$expected", session.Version);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            return false;
        }

        session.MarkSaved(next);
        return true;
    }

    public async Task<IReadOnlyList<HandoffSession>> ListAsync(IReadOnlyCollection<HandoffState> states, CancellationToken cancellationToken = default)
    {
        var sessions = new List<HandoffSession>();
        if (states.Count == 0)
        {
            return sessions;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var names = states.Select((s, i) => (Name: "$s" + i.ToString(CultureInfo.InvariantCulture), Value: s.ToWire())).ToList();
        command.CommandText = $"SELECT data, version FROM handoff_sessions WHERE state IN ({string.Join(", ", names.Select(n => n.Name))});";
        foreach (var (name, value) in names)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sessions.Add(Read(reader.GetString(0), reader.GetInt64(1)));
        }

        return sessions;
    }

    private static HandoffSession Read(string data, long version)
    {
        var snapshot = JsonSerializer.Deserialize<HandoffSessionSnapshot>(data, Json)
            ?? throw new JsonException("A stored handoff session is empty.");
        return HandoffSession.Restore(snapshot with { Version = version });
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(ActivityJson.Options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
