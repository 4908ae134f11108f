using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hotline.Host.Tests.Infrastructure;

/// <summary>One log record as written.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message);

/// <summary>Keeps every record the logging filters let through, and tells <paramref name="onLog"/> of each as it is written.</summary>
public sealed class CapturingLoggerProvider(Action<CapturedLog>? onLog = null) : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();
    private readonly Action<CapturedLog>? _onLog = onLog;

    public IReadOnlyList<CapturedLog> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var record = new CapturedLog(category, logLevel, formatter(state, exception));
            provider._records.Enqueue(record);
            provider._onLog?.Invoke(record);
        }
    }
}
