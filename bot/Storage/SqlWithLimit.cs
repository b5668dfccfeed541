using System.Collections.Concurrent;
using System.Globalization;

namespace ChatSupport.Bot.Storage;

/// <summary>
/// A query whose LIMIT is written into its text as a number (<c>{limit}</c> in the template) instead of bound as a
/// parameter. SQLite's planner reads a bound LIMIT's value, so it marks the compiled statement to be compiled again
/// before its next run every time that parameter is bound — even to the same value — and a kept statement
/// (<see cref="StoreSession.Command"/>) would be compiled on every call. The few limits a query is called with (a
/// page size) each get their own text, made once; the result is the same rows.
/// </summary>
public sealed class SqlWithLimit(string template)
{
    private readonly ConcurrentDictionary<int, string> _texts = new();

    /// <summary>The query's text with <paramref name="limit"/> as its LIMIT.</summary>
    public string For(int limit)
    {
        if (_texts.TryGetValue(limit, out var text))
        {
            return text;
        }

        text = template.Replace("{limit}", limit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // Callers pass constants; the bound keeps an unexpected caller from growing the set without end.
        return _texts.Count < MaxTexts ? _texts.GetOrAdd(limit, text) : text;
    }

    private const int MaxTexts = 32;
}
