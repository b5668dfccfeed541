namespace ChatSupport.Domain.Triage;

/// <summary>
/// The triage stores in memory, for tests and for hosts without a database. Behaves like the SQLite adapter
/// (a review is recorded once; the audit log only grows).
/// </summary>
public sealed class MemoryTriageStore : ITriageReviewStore, ITriageControlStore, ITriageOptOuts
{
    private readonly Lock _gate = new();
    private readonly List<TriageRecord> _records = [];
    private readonly List<TriageAuditEntry> _audit = [];
    private readonly HashSet<(string, string)> _optOuts = [];
    private bool? _stopped;

    public Task<long> AddAsync(NewTriageRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var id = _records.Count + 1L;
            var j = record.Judgement;
            _records.Add(new TriageRecord(id, record.ConversationId, record.CreatedAt, record.RuleLevel, j.Level, record.FinalLevel, record.RaisedByAi, j.Categories, j.Rationale, j.Confidence, j.PromptVersion, j.Model, record.Excerpt.Value, null));
            return Task.FromResult(id);
        }
    }

    public Task<TriageRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(id >= 1 && id <= _records.Count ? _records[(int)id - 1] : null);
        }
    }

    public Task<IReadOnlyList<TriageRecord>> ListAsync(TriageListFilter filter, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TriageRecord> list = [.. _records.Where(r => filter == TriageListFilter.All || (filter == TriageListFilter.Reviewed) == (r.Review is not null))
                .OrderByDescending(r => r.Id).Take(limit)];
            return Task.FromResult(list);
        }
    }

    public Task<TriageRecord?> LatestForConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.LastOrDefault(r => r.ConversationId == conversationId));
        }
    }

    public Task<bool> TryRecordReviewAsync(long id, TriageReview review, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (id < 1 || id > _records.Count || _records[(int)id - 1].Review is not null)
            {
                return Task.FromResult(false);
            }

            _records[(int)id - 1] = _records[(int)id - 1] with { Review = review };
            return Task.FromResult(true);
        }
    }

    public Task<int> EraseTextsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var n = 0;
            for (var i = 0; i < _records.Count; i++)
            {
                var r = _records[i];
                if (r.Review is not null && r.CreatedAt < cutoff && (r.Rationale.Length > 0 || r.Excerpt.Length > 0))
                {
                    _records[i] = r with { Rationale = string.Empty, Excerpt = string.Empty };
                    n++;
                }
            }

            return Task.FromResult(n);
        }
    }

    public Task<bool?> LoadStoppedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_stopped);
        }
    }

    public Task SaveStoppedAsync(bool stopped, TriageAuditEntry audit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopped = stopped;
            _audit.Add(audit);
        }

        return Task.CompletedTask;
    }

    public Task AppendAuditAsync(TriageAuditEntry audit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _audit.Add(audit);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TriageAuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TriageAuditEntry> list = [.. Enumerable.Reverse(_audit).Take(limit)];
            return Task.FromResult(list);
        }
    }

    public Task<bool> IsOptedOutAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_optOuts.Contains((channelId, userId)));
        }
    }

    public Task OptOutAsync(string channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _optOuts.Add((channelId, userId));
        }

        return Task.CompletedTask;
    }
}
