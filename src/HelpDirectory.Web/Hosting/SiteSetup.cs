using HelpDirectory.Web.Api;
using HelpDirectory.Web.Caching;
using HelpDirectory.Web.Discovery;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Localization;
using HelpDirectory.Web.Pages;
using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Hosting;

public static class SiteSetup
{
    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SiteOptions>(configuration.GetSection("Site"));
        services.AddSiteLanguages(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Searching.SearchIndex>();
        services.AddSingleton<ISiteChangeListener>(sp => sp.GetRequiredService<Searching.SearchIndex>());
        services.AddSingleton(sp => CrisisQueries.Load(Path.Combine(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Content.ContentOptions>>().Value.ResolveRoot(sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            "data", "crisis-queries.json")));
        services.Configure<RouteOptions>(o =>
        {
            o.LowercaseUrls = true;
            o.ConstraintMap["helpkind"] = typeof(HelpKindRouteConstraint);
        });
        services.AddRazorPages(o =>
        {
            // The whole admin area sits behind one policy, set here once, so no admin page can be left open by mistake.
            o.Conventions.AuthorizeAreaFolder("Admin", "/", Editing.AdminSetup.EditorPolicy);
            o.Conventions.AllowAnonymousToAreaPage("Admin", "/Login");
            o.Conventions.AuthorizeAreaFolder("Admin", "/Users", Editing.AdminSetup.AdminPolicy);
            // A kind page answers for a whole country and for one of its regions.
            o.Conventions.AddPageRoute("/Help/Kind", "help/{country}/{region}/{kind:helpkind}");
            // The printable list: a whole place, or one kind of help there.
            o.Conventions.AddPageRoute("/Help/Print", "help/{country}/{region}/print");
            o.Conventions.AddPageRoute("/Help/Print", "help/{country}/{kind:helpkind}/print");
            o.Conventions.AddPageRoute("/Help/Print", "help/{country}/{region}/{kind:helpkind}/print");
        });
        // A method no handler of the page takes is 405, on every page, the admin area's too (see PageMethods).
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new PageMethods()));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddPageCaching();
        services.AddProxies(configuration);
        services.AddSingleton<StartState>();
        services.AddHostedService<WarmUp>();
        services.AddNodeNotifications(configuration);
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Run from a build output (dotnet run, the tests) rather than a publish, the compressed copies of stylesheets and
    /// scripts that <see cref="MapSite"/> serves live under obj/, listed in the build's static web assets manifest. ASP.NET
    /// Core reads that manifest only in Development; this reads it in any environment whenever it is there (a published site
    /// has none), so a browser asking for gzip never gets an empty stylesheet.
    /// </summary>
    public static WebApplicationBuilder UseBuildOutputStaticAssets(this WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json");
        if (!builder.Environment.IsDevelopment() && File.Exists(manifest)) builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        app.UseProxies();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRequestLogging();
        app.UseSiteLanguages();
        // The languages editors write listings' and crisis lines' texts in: every configured one but English.
        Data.Translations.UseLanguages(app.Services.GetRequiredService<SiteLanguages>().All.Select(l => l.Tag));
        // A request that failed because the database is unavailable says so with 503 (a load balancer tries another
        // node); the error page still carries the crisis banner, whose lines are kept in memory.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            StatusCodeSelector = ex => Data.DataSetup.IsUnavailable(ex) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        });
        app.UseApiErrors();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRouting();
        app.UseRoutePatternForLogs();
        app.UseMiddleware<RegionResolutionMiddleware>();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        // After the region is resolved (the cache varies by it) and after authorization (a cached page is never a way
        // around it).
        app.UseOutputCache();
        app.UsePageCompression();
        return app;
    }

    /// <summary>The pages, and the stylesheets and scripts under wwwroot. Those are served from the manifest the build
    /// writes: already compressed (Brotli and gzip when published), with an ETag, and under a fingerprinted name that the
    /// layout's links use and browsers may keep for a year. They are answered as soon as routing finds them: the security
    /// headers and the request log (before routing) apply, but region, sign-in, rate limits and the page cache do not.</summary>
    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapStaticAssets().ShortCircuit();
        // For load balancers: a word, nothing else; no region, no sign-in, no page cache.
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).ShortCircuit();
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") }).ShortCircuit();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenData();
        app.MapSearchEngines();
        return app;
    }
}

public sealed class HelpKindRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && HelpKinds.TryParse(value as string, out _);
}
