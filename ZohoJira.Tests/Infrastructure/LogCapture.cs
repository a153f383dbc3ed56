using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ZohoJira.Tests.Infrastructure;

/// <summary>Keeps what the app logs (formatted message, level, category, whether an exception was attached) so tests can
/// check that secrets never reach the log and that bad input does not flood it.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private const int Capacity = 200_000;
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyCollection<Entry> Entries => _entries;

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, string Message, bool HasException);

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (owner._entries.Count < Capacity)
            {
                owner._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception is not null));
            }
        }
    }
}
