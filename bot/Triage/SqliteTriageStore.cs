using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using ChatSupport.Bot.Storage;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// The triage tables in the embedded SQLite file: judgements and reviews (redacted text only, ETH-05), opt-outs
/// (ETH-04), the kill switch flag and the append-only audit log (ETH-03, ETH-08). SQL is parameterised throughout.
/// </summary>
public sealed class SqliteTriageStore(StoreDatabase database) : ITriageReviewStore, ITriageControlStore, ITriageOptOuts
{
    private const string StoppedKey = "kill_switch.stopped";
    private const string Columns = """
        id, conversation_id, created_at, rule_level, ai_level, final_level, raised_by_ai, categories, rationale, confidence,
        prompt_version, model, excerpt, reviewer_id, review_decision, reviewed_level, review_reason, reviewed_at
        """;

    // Opt-outs are never undone, so a positive answer can be remembered (the turn path then needs no I/O).
    private readonly ConcurrentDictionary<(string, string), bool> _optedOut = new();

    public async Task<long> AddAsync(NewTriageRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var j = record.Judgement;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO triage_judgements (conversation_id, created_at, rule_level, ai_level, final_level, raised_by_ai, categories,
                rationale, confidence, prompt_version, model, excerpt)
            VALUES ($conversation, $at, $rule, $ai, $final, $raised, $categories, $rationale, $confidence, $version, $model, $excerpt)
            RETURNING id;
            """;
        command.Parameters.AddWithValue("$conversation", record.ConversationId);
        command.Parameters.AddWithValue("$at", Format(record.CreatedAt));
        command.Parameters.AddWithValue("$rule", record.RuleLevel.ToWire());
        command.Parameters.AddWithValue("$ai", j.Level.ToWire());
        command.Parameters.AddWithValue("$final", record.FinalLevel.ToWire());
        command.Parameters.AddWithValue("$raised", record.RaisedByAi ? 1 : 0);
        command.Parameters.AddWithValue("$categories", string.Join(' ', j.Categories.Select(c => c.ToWire())));
        command.Parameters.AddWithValue("$rationale", j.Rationale);
        command.Parameters.AddWithValue("$confidence", j.Confidence);
        command.Parameters.AddWithValue("$version", j.PromptVersion);
        command.Parameters.AddWithValue("$model", j.Model);
        command.Parameters.AddWithValue("$excerpt", record.Excerpt.Value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<TriageRecord?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM triage_judgements WHERE id = $id;", c => c.Parameters.AddWithValue("$id", id), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<TriageRecord>> ListAsync(TriageListFilter filter, int limit, CancellationToken cancellationToken)
    {
        var where = filter switch
        {
            TriageListFilter.Pending => "WHERE reviewed_at IS NULL",
            TriageListFilter.Reviewed => "WHERE reviewed_at IS NOT NULL",
            _ => string.Empty,
        };
        return QueryAsync($"SELECT {Columns} FROM triage_judgements {where} ORDER BY id DESC LIMIT $limit;", c => c.Parameters.AddWithValue("$limit", limit), cancellationToken);
    }

    public async Task<TriageRecord?> LatestForConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            $"SELECT {Columns} FROM triage_judgements WHERE conversation_id = $conversation ORDER BY id DESC LIMIT 1;",
            c => c.Parameters.AddWithValue("$conversation", conversationId),
            cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async Task<bool> TryRecordReviewAsync(long id, TriageReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE triage_judgements SET reviewer_id = $reviewer, review_decision = $decision, reviewed_level = $level,
                review_reason = $reason, reviewed_at = $at
            WHERE id = $id AND reviewed_at IS NULL;
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$reviewer", review.ReviewerId);
        command.Parameters.AddWithValue("$decision", review.Decision == TriageReviewDecision.Confirmed ? "confirmed" : "overridden");
        command.Parameters.AddWithValue("$level", review.Level.ToWire());
        command.Parameters.AddWithValue("$reason", review.Reason);
        command.Parameters.AddWithValue("$at", Format(review.ReviewedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<int> EraseTextsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE triage_judgements SET rationale = '', excerpt = ''
            WHERE reviewed_at IS NOT NULL AND created_at < $cutoff AND (rationale <> '' OR excerpt <> '');
            """;
        command.Parameters.AddWithValue("$cutoff", Format(cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool?> LoadStoppedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM triage_settings WHERE key = $key;";
        command.Parameters.AddWithValue("$key", StoppedKey);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string value ? value == "true" : null;
    }

    public async Task SaveStoppedAsync(bool stopped, TriageAuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO triage_settings (key, value, updated_at) VALUES ($key, $value, $at)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
                """;
            command.Parameters.AddWithValue("$key", StoppedKey);
            command.Parameters.AddWithValue("$value", stopped ? "true" : "false");
            command.Parameters.AddWithValue("$at", Format(audit.At));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await AppendAuditAsync(connection, transaction, audit, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AppendAuditAsync(TriageAuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await AppendAuditAsync(connection, null, audit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TriageAuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken)
    {
        var entries = new List<TriageAuditEntry>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, actor_id, action, reason FROM triage_audit ORDER BY id DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TriageAuditEntry(Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return entries;
    }

    public async Task<bool> IsOptedOutAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        if (_optedOut.ContainsKey((channelId, userId)))
        {
            return true;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM triage_opt_outs WHERE channel_id = $channel AND user_id = $user;";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$user", userId);
        var found = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        if (found)
        {
            _optedOut[(channelId, userId)] = true;
        }

        return found;
    }

    public async Task OptOutAsync(string channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _optedOut[(channelId, userId)] = true;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO triage_opt_outs (channel_id, user_id, opted_out_at) VALUES ($channel, $user, $at) ON CONFLICT DO NOTHING;";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$at", Format(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task AppendAuditAsync(DbConnection connection, DbTransaction? transaction, TriageAuditEntry audit, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO triage_audit (at, actor_id, action, reason) VALUES ($at, $actor, $action, $reason);";
        command.Parameters.AddWithValue("$at", Format(audit.At));
        command.Parameters.AddWithValue("$actor", audit.ActorId);
        command.Parameters.AddWithValue("$action", audit.Action);
        command.Parameters.AddWithValue("$reason", audit.Reason);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<TriageRecord>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        var records = new List<TriageRecord>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            TriageReview? review = null;
            if (!reader.IsDBNull(17))
            {
                review = new TriageReview(
                    reader.GetString(13),
                    reader.GetString(14) == "confirmed" ? TriageReviewDecision.Confirmed : TriageReviewDecision.Overridden,
                    Level(reader.GetString(15)),
                    reader.GetString(16),
                    Parse(reader.GetString(17)));
            }

            var categories = reader.GetString(7).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => SupportCategories.TryParse(w, out var c) ? (SupportCategory?)c : null)
                .OfType<SupportCategory>()
                .ToList();
            records.Add(new TriageRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                Parse(reader.GetString(2)),
                Level(reader.GetString(3)),
                Level(reader.GetString(4)),
                Level(reader.GetString(5)),
                reader.GetInt64(6) != 0,
                categories,
                reader.GetString(8),
                reader.GetDouble(9),
                reader.GetString(10),
                reader.GetString(11),
                reader.GetString(12),
                review));
        }

        return records;
    }

    private static RiskLevel Level(string wire) => RiskLevels.TryParse(wire, out var level) ? level : RiskLevel.None;

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
