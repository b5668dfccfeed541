using ChatSupport.Domain.Support;

namespace ChatSupport.Domain.Tests.Support;

/// <summary>Builds small directory files for tests.</summary>
internal static class DirectoryTestData
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static SupportDirectory National { get; } = new(DirectoryLoader.LoadAll(SupportDirectory.EmbeddedFiles(), Today));

    /// <summary>One valid phone service; <paramref name="hoursYaml"/> is the block under "hours:" (indented 10).</summary>
    public static string PhoneService(string id = "test-line", string hoursYaml = "          kind: always", string extra = "", string number = "0120-000-000", string status = "official", string verified = "2026-11-22") => $$"""
        services:
          - id: {{id}}
            status: {{status}}
            name: { ja: "テスト相談" }
            description: { ja: "テスト用の相談窓口です。" }
            categories: [loneliness]
            region: { scope: national }
        {{extra}}
            channels:
              - kind: phone
                number: "{{number}}"
                cost: free
                hours:
        {{hoursYaml}}
            source: "https://example.org/source"
            verified: {{verified}}
        """;

    public static ServiceHours Hours(string hoursYaml)
    {
        var (services, errors) = DirectoryLoader.Parse("test.yaml", PhoneService(hoursYaml: hoursYaml), Today);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return services.Single().Channels.Single().Hours;
    }

    public static IReadOnlyList<DirectoryDataError> Errors(string yaml) => DirectoryLoader.Parse("bad.yaml", yaml, Today).Errors;

    public static DateTimeOffset Jst(int year, int month, int day, int hour = 0, int minute = 0) => JapanTime.At(year, month, day, hour, minute);
}

/// <summary>A clock fixed at one instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
