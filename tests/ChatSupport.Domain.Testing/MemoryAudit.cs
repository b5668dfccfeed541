using System.Collections.Concurrent;
using ChatSupport.Domain.Handoff;

namespace ChatSupport.Domain.Testing;

/// <summary>An audit log in memory; <see cref="Entries"/> in the order they were written.</summary>
public sealed class MemoryAudit : IAuditLog
{
    public ConcurrentQueue<AuditEntry> Entries { get; } = new();

    public Task AppendAsync(string actor, string action, string? conversationId, string? detail = null, CancellationToken cancellationToken = default)
    {
        Entries.Enqueue(new AuditEntry(Entries.Count + 1, DateTimeOffset.UtcNow, actor, action, conversationId, detail));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(int limit, long? beforeId = null, string? conversationId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(Entries.Reverse().Take(limit).ToList());
}
