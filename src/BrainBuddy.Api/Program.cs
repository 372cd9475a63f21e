using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Habits;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Api.Sessions;
using BrainBuddy.Data;

var builder = WebApplication.CreateBuilder(args);

// Configure storage, accounts and the web conventions
builder.AddBrainBuddyData();
builder.AddBrainBuddyAccounts();
builder.AddBrainBuddyWeb();

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

app.Run();
