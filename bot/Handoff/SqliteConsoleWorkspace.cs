using System.Data.Common;
using System.Globalization;
using ChatSupport.Bot.Storage;
using ChatSupport.Domain.Handoff;

namespace ChatSupport.Bot.Handoff;

/// <summary>Counselors' notes and canned responses in SQLite.</summary>
public sealed class SqliteConsoleWorkspace(StoreDatabase database, TimeProvider clock) : ICounselorNotes, ICannedResponses
{
    public async Task<CounselorNote> AddAsync(string conversationId, string author, string text, CancellationToken cancellationToken = default)
    {
        var at = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO counselor_notes (conversation_id, author, at, text) VALUES ($c, $a, $at, $t) RETURNING id;";
        command.Parameters.AddWithValue("$c", conversationId);
        command.Parameters.AddWithValue("$a", author);
        command.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$t", text);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return new CounselorNote(id, conversationId, author, at, text);
    }

    public async Task<IReadOnlyList<CounselorNote>> ListAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var notes = new List<CounselorNote>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, author, at, text FROM counselor_notes WHERE conversation_id = $c ORDER BY id;";
        command.Parameters.AddWithValue("$c", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            notes.Add(new CounselorNote(reader.GetInt64(0), conversationId, reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetString(3)));
        }

        return notes;
    }

    public async Task<IReadOnlyList<CannedResponse>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<CannedResponse>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title, text FROM canned_responses ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new CannedResponse(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return list;
    }

    public async Task ReplaceAsync(IReadOnlyList<(string Title, string Text)> responses, string editedBy, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM canned_responses;";
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (title, text) in responses)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO canned_responses (title, text, updated_by, updated_at) VALUES ($title, $text, $by, $at);";
            insert.Parameters.AddWithValue("$title", title);
            insert.Parameters.AddWithValue("$text", text);
            insert.Parameters.AddWithValue("$by", editedBy);
            insert.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
