using ChatSupport.Domain.Handoff;

namespace ChatSupport.Domain.Testing;

/// <summary>A fixed list of console accounts (none: nobody is away); statuses cannot be changed.</summary>
public sealed class MemoryCounselors(params CounselorAccount[] accounts) : ICounselorDirectory
{
    public Task<IReadOnlyList<CounselorAccount>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<CounselorAccount>>(accounts);

    public Task<CounselorAccount?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        Task.FromResult(accounts.FirstOrDefault(a => a.UserName == userName));

    public Task<bool> SetStatusAsync(string userName, CounselorStatus status, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
