using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatSupport.Bot.Cli;

/// <summary>One line of the CLI's JSON Lines input: an optional <c>id</c>, the <c>text</c> and, in labelled input, the gold labels.</summary>
internal readonly record struct JsonLine<TGold>(string? Id, string Text, TGold Gold);

/// <summary>Reads a labelled line's gold labels from its JSON object; false with the problem in plain words.</summary>
internal delegate bool GoldReader<TGold>(JsonElement line, out TGold gold, out string problem);

/// <summary>
/// The JSON Lines input shared by <c>risk score</c>/<c>risk eval</c> and <c>understand</c>/<c>understand eval</c>:
/// one JSON object a line with a string <c>"text"</c> and an optional <c>"id"</c> (string or any JSON value); blank
/// lines are skipped and lines keep their numbers for error messages. A malformed line is reported on stderr with its
/// number and skipped, and the exit code is then 1. Output lines are JSON with Japanese left readable.
/// </summary>
internal static class JsonLines
{
    private static readonly JsonSerializerOptions OutputOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The reader for <c>--input</c>: standard input for <c>-</c>, else the file (dispose it when done); null, with the
    /// reason on stderr, when the file does not exist.
    /// </summary>
    public static TextReader? Open(string input, TextReader stdin, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (input == "-")
        {
            return new NotClosing(stdin);
        }

        if (!File.Exists(input))
        {
            stderr.WriteLine($"input file not found: {input}");
            return null;
        }

        return new StreamReader(input);
    }

    /// <summary>
    /// Calls <paramref name="handle"/> for every well-formed line (with its gold labels when <paramref name="gold"/> is
    /// given); reports each malformed line on stderr as <c>line N: problem</c>. Returns the exit code: 0 when every
    /// line was read, 1 otherwise.
    /// </summary>
    public static int ForEach<TGold>(TextReader reader, TextWriter stderr, GoldReader<TGold>? gold, Action<JsonLine<TGold>> handle)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(handle);
        var malformed = 0;
        foreach (var (number, line) in NonBlank(reader))
        {
            if (!TryRead(line, gold, out var item, out var problem))
            {
                stderr.WriteLine($"line {number}: {problem}");
                malformed++;
                continue;
            }

            handle(item);
        }

        return malformed == 0 ? 0 : 1;
    }

    /// <summary>Writes one output line.</summary>
    public static void Write<T>(TextWriter stdout, T value)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        stdout.WriteLine(JsonSerializer.Serialize(value, OutputOptions));
    }

    /// <summary>An evaluation's report: what was evaluated, the figures, then one line per error (when listed).</summary>
    public static void WriteReport(TextWriter stdout, string versions, string figures, IEnumerable<string> errors)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(errors);
        stdout.WriteLine(versions);
        stdout.Write(figures);
        foreach (var error in errors)
        {
            stdout.WriteLine(error);
        }
    }

    /// <summary>Standard input handed out as <c>--input -</c>: disposing it leaves the process's stream open.</summary>
    private sealed class NotClosing(TextReader inner) : TextReader
    {
        public override int Peek() => inner.Peek();

        public override int Read() => inner.Read();

        public override string? ReadLine() => inner.ReadLine();

        public override string ReadToEnd() => inner.ReadToEnd();
    }

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
