namespace ChatSupport.Domain.Support;

/// <summary>Configuration section <c>ChatSupport:Directory</c>.</summary>
public sealed class SupportDirectoryOptions
{
    public const string SectionName = "ChatSupport:Directory";

    /// <summary>Default folder of operators' local lists, relative to the working directory.</summary>
    public const string DefaultLocalPath = "data/directory";

    /// <summary>
    /// Folder with local YAML lists (key <c>ChatSupport:Directory:LocalPath</c>, default
    /// <c>data/directory</c>). A missing folder means "national data only".
    /// </summary>
    public string LocalPath { get; set; } = DefaultLocalPath;
}
