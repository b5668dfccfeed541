using System.Text.Json;

namespace ChatSupport.Bot.Cli;

/// <summary>One line of the CLI's JSON Lines input: an optional <c>id</c>, the <c>text</c> and, in labelled input, the gold labels.</summary>
internal readonly record struct JsonLine<TGold>(string? Id, string Text, TGold Gold);

/// <summary>Reads a labelled line's gold labels from its JSON object; false with the problem in plain words.</summary>
internal delegate bool GoldReader<TGold>(JsonElement line, out TGold gold, out string problem);

/// <summary>
/// The JSON Lines input shared by <c>risk score</c>/<c>risk eval</c> and <c>understand</c>/<c>understand eval</c>:
/// one JSON object a line with a string <c>"text"</c> and an optional <c>"id"</c> (string or any JSON value); blank
/// lines are skipped and lines keep their numbers for error messages.
/// </summary>
internal static class JsonLines
{
    /// <summary>The non-blank lines with their 1-based line numbers.</summary>
    public static IEnumerable<(int Number, string Line)> NonBlank(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line);
            }
        }
    }

    /// <summary>Parses one line; with <paramref name="gold"/> (labelled input) also its gold labels.</summary>
    public static bool TryRead<TGold>(string line, GoldReader<TGold>? gold, out JsonLine<TGold> item, out string problem)
    {
        item = default;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "expected a JSON object";
                return false;
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                problem = "missing string field \"text\"";
                return false;
            }

            var id = root.TryGetProperty("id", out var idElement)
                ? idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : idElement.GetRawText()
                : null;
            TGold labels = default!;
            if (gold is not null && !gold(root, out labels, out problem))
            {
                return false;
            }

            item = new JsonLine<TGold>(id, text.GetString()!, labels);
            problem = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            problem = $"not valid JSON ({e.Message.Split('.')[0]})";
            return false;
        }
    }
}
