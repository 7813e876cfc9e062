using System.Threading.RateLimiting;
using HelpDirectory.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace HelpDirectory.Web.Editing;

public sealed class AdminOptions
{
    /// <summary>A listing not verified for this many months goes to the editors' queue.</summary>
    public int StaleAfterMonths { get; set; } = 12;
    public int SignInAttemptsPerMinute { get; set; } = 10;
    public int ReportsPerHour { get; set; } = 5;
}

public static class AdminSetup
{
    public const string EditorPolicy = "Editor";
    public const string AdminPolicy = "Admin";
    public const string EditorRole = "Editor";
    public const string AdminRole = "Admin";
    public const string SignInLimit = "sign-in";
    public const string ReportLimit = "report";

    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Admin").Get<AdminOptions>() ?? new AdminOptions();
        services.Configure<AdminOptions>(configuration.GetSection("Admin"));

        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HelpDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "hd_admin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            // An editor on an admin-only page gets a plain 403 (rendered by the error page), not a redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // Signing in on the login path, the handler redirects to ReturnUrl by itself, before the page's own check.
            o.Events.OnRedirectToReturnUrl = ctx =>
            {
                ctx.Response.Redirect(AdminReturnAddress.SafeOrDefault(ctx.RedirectUri));
                return Task.CompletedTask;
            };
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, p => p.RequireAuthenticatedUser().RequireRole(EditorRole, AdminRole))
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(AdminRole));

        // Partitioned by client address in memory only; the address is never logged or stored.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(ReportLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ReportsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
        });

        services.AddScoped<ServiceEditor>();
        services.AddScoped<Transfer.ImportPlanner>();
        services.AddScoped<RecordSaver>();
        services.AddScoped<Seeding.SeedLoader>();
        return services;
    }
}
