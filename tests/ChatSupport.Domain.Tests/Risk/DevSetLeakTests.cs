using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The development sets are for measuring only: no lexicon file, risk test, probe or the risk docs may cite
/// one of their messages word for word (a whole message, or any 14 characters of one). Phrases that are
/// the rubric's own examples are allowed: the rubric is the specification.
/// </summary>
public class DevSetLeakTests
{
    private const int Window = 14;

    [Fact]
    public void NoDevelopmentMessage_IsCitedInTheLexiconTestsOrDocs()
    {
        var messages = new[] { "dev.jsonl", "dev2.jsonl" }
            .Select(DevSetQualityTests.FindDevSet)
            .Where(p => p is not null)
            .SelectMany(p => File.ReadLines(p!))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
            .ToList();
        Assert.True(messages.Count >= 520, "the development sets were not found");
        var rubricPath = DevSetQualityTests.FindDevSet("RUBRIC.md");
        var rubric = rubricPath is null ? string.Empty : File.ReadAllText(rubricPath);

        var root = RepositoryRoot();
        var files = System.IO.Directory.EnumerateFiles(Path.Combine(root, "domain", "Risk", "Lexicon"), "*.yaml")
            .Concat(System.IO.Directory.EnumerateFiles(Path.Combine(root, "tests", "ChatSupport.Domain.Tests", "Risk"), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "docs", "risk.md"))
            .Where(File.Exists)
            .Where(f => !f.EndsWith(nameof(DevSetLeakTests) + ".cs", StringComparison.Ordinal));

        var leaks = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var message in messages.Where(m => !rubric.Contains(m, StringComparison.Ordinal)))
            {
                if (message.Length >= 7 && text.Contains(message, StringComparison.Ordinal))
                {
                    leaks.Add($"{Path.GetRelativePath(root, file)}: a whole development message");
                    continue;
                }

                for (var i = 0; i + Window <= message.Length; i++)
                {
                    var piece = message.Substring(i, Window);
                    if (text.Contains(piece, StringComparison.Ordinal) && !rubric.Contains(piece, StringComparison.Ordinal))
                    {
                        leaks.Add($"{Path.GetRelativePath(root, file)}: 14 characters of a development message");
                        break;
                    }
                }
            }
        }

        // The report names files only, never the development text itself.
        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Distinct()));
    }

    private static string RepositoryRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
