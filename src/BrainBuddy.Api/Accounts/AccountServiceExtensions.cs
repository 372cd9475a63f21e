using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BrainBuddy.Api.Accounts;

public static class AccountServiceExtensions
{
    public static IHostApplicationBuilder AddBrainBuddyAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SigningKey>();
        builder.Services.AddSingleton<UserStateCache>();
        builder.Services.AddSingleton<AccountLocks>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton(services => new CachingTokenHandler(
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<AuthOptions>>().Value.ValidatedTokenCacheSize));
        builder.Services.AddScoped<RoleChanges>();
        builder.Services.AddSingleton<IPasswordHasher<User>, BcryptPasswordHasher>();
        builder.Services.AddSingleton<ILookupNormalizer, EmailNormalizer>();

        builder.Services.AddIdentityCore<User>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.User.AllowedUserNameCharacters = "";
                // NIST 800-63B: length over composition rules.
                identity.Password.RequiredLength = 10;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
            })
            .AddRoles<Role>()
            .AddUserStore<UserStore>()
            .AddRoleStore<RoleStore>();
        builder.Services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedAccessAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.LockoutMinutes);
            identity.Lockout.AllowedForNewUsers = true;
        });
        builder.Services.AddHostedService<RoleSeeder>();

        builder.Services.AddAuthentication(AccessTokenHandler.SchemeName).AddScheme<AccessTokenOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null);
        builder.Services.AddOptions<AccessTokenOptions>(AccessTokenHandler.SchemeName)
            .Configure<SigningKey, IOptions<AuthOptions>, TimeProvider>((access, key, auth, clock) =>
            {
                access.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = key.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    // The app's clock rather than the library's, so every time rule follows one TimeProvider.
                    LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(clock.GetUtcNow().UtcDateTime, notBefore, expires, parameters.ClockSkew),
                    NameClaimType = "sub",
                    RoleClaimType = System.Security.Claims.ClaimTypes.Role,
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Researcher, policy => policy.RequireRole(RoleNames.Researcher, RoleNames.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(RoleNames.Admin));
        return builder;
    }

    private static bool IsWithinLifetime(DateTime now, DateTime? notBefore, DateTime? expires, TimeSpan skew) =>
        expires is { } end && now < end + skew && (notBefore is not { } start || start - skew <= now);
}

public static class Policies
{
    public const string Researcher = "researcher";
    public const string Admin = "admin";
}

/// <summary>Makes sure the three roles exist.</summary>
internal sealed class RoleSeeder(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<Role>>();
        foreach (var name in RoleNames.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new Role { Name = name });
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
