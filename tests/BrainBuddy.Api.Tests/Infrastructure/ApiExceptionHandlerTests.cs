using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BrainBuddy.Api.Tests.Infrastructure;

public sealed class ApiExceptionHandlerTests
{
    /// <summary>Only reachable when other instances overtake every retry of an account change, so it is raised directly.</summary>
    [Fact]
    public async Task Should_answer_409_with_a_problem_when_an_account_stays_busy()
    {
        await using var services = new ServiceCollection().AddOptions().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
        var handler = new ApiExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ApiExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, new AccountBusyException(), TestContext.Current.CancellationToken);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, context.Response.StatusCode);
        Assert.Contains("try again", body, StringComparison.Ordinal);
    }
}
