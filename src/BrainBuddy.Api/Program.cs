using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Cli;
using BrainBuddy.Api.Habits;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Api.Knowledge;
using BrainBuddy.Api.Sessions;
using BrainBuddy.Data;

// appsettings.json is read from beside the binaries, whatever directory the service is started in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Configure storage, accounts, knowledge and the web conventions
builder.AddBrainBuddyData();
builder.AddBrainBuddyAccounts();
builder.AddBrainBuddyKnowledge();
builder.AddBrainBuddyWeb();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(builder, args);
}

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthApi();
app.MapBrainBuddyOpenApi();
app.MapAccountsApi();
app.MapMeApi();
app.MapSessionsApi();
app.MapHabitsApi();
app.MapKnowledgeApi();

await app.RunAsync();
return 0;
