namespace ChatSupport.Domain.Support;

/// <summary>One problem in a directory data file.</summary>
public sealed record DirectoryDataError(string File, string? EntryId, string Reason)
{
    public override string ToString() =>
        EntryId is null ? $"{File}: {Reason}" : $"{File}: entry '{EntryId}': {Reason}";
}

/// <summary>
/// Thrown at start when directory data is invalid. The message lists every problem with the file,
/// the entry id and the reason, so the operator can fix the data and start again.
/// </summary>
public sealed class DirectoryDataException : Exception
{
    public DirectoryDataException(IReadOnlyList<DirectoryDataError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<DirectoryDataError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<DirectoryDataError> errors) =>
        $"Support directory data is invalid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}); fix the data and start again:"
        + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
