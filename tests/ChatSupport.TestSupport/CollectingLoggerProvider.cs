using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatSupport.TestSupport;

/// <summary>
/// Keeps every log line at every level, as "<c>{level} {category}: {message} {exception}</c>", so a test can assert
/// what the logs never contain (what a person wrote, their ids, exception messages).
/// </summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collector(Lines, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
