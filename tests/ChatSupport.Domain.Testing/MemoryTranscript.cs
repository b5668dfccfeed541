using System.Collections.Concurrent;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Storage;

namespace ChatSupport.Domain.Testing;

/// <summary>A transcript in memory: sequences from 1 per conversation, activity ids as the real stores give them, copies kept.</summary>
public sealed class MemoryTranscript : ITranscriptStore
{
    private readonly ConcurrentDictionary<string, List<TranscriptEntry>> _entries = new();

    public Task<TranscriptEntry> AppendAsync(string conversationId, TranscriptDirection direction, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var list = _entries.GetOrAdd(conversationId, _ => []);
        lock (list)
        {
            var seq = list.Count + 1;
            activity.Id = TranscriptIds.ActivityId(conversationId, seq);
            var entry = new TranscriptEntry(conversationId, seq, direction, activity.Clone(), DateTimeOffset.UtcNow);
            list.Add(entry);
            return Task.FromResult(entry);
        }
    }

    public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        var list = _entries.GetOrAdd(conversationId, _ => []);
        lock (list)
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>(list.Where(e => e.Sequence > afterSequence).Take(limit).ToList());
        }
    }

    public Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)_entries.GetOrAdd(conversationId, _ => []).Count);

    public IReadOnlyList<TranscriptEntry> All(string conversationId) => _entries.GetOrAdd(conversationId, _ => []);
}
