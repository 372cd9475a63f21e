using System.Collections.Concurrent;
using BrainBuddy.Api.Operations;
using BrainBuddy.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BrainBuddy.Api.Tests.Operations;

public sealed class RequestLoggingTests
{
    [Fact]
    public async Task Should_log_one_line_per_request_with_the_user_id_and_never_the_email_token_or_password()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new BrainBuddyApplication(services: services => services.AddSingleton<ILoggerProvider>(logs));
        var user = await app.SignUpAsync();

        await user.Http.GetAsync("/api/v1/me");

        var line = Assert.Single(logs.Lines, l => l.Category == RequestLogging.Category && l.Message.Contains("/api/v1/me", StringComparison.Ordinal));
        Assert.Contains(user.UserId, line.Message, StringComparison.Ordinal);
        Assert.Contains("GET", line.Message, StringComparison.Ordinal);
        Assert.Contains(" 200 ", line.Message, StringComparison.Ordinal);
        Assert.Matches("trace [0-9a-f]{32}", line.Message);
        Assert.Contains(logs.Lines, l => l.Category == RequestLogging.Category && l.Message.StartsWith("POST /api/v1/auth/login 200", StringComparison.Ordinal));
        Assert.All(logs.Lines, l =>
        {
            Assert.DoesNotContain(user.Email, l.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(user.Tokens.AccessToken, l.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(user.Tokens.RefreshToken, l.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(BrainBuddyApplication.Password, l.Message, StringComparison.Ordinal);
        });
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Lines);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<(string, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
