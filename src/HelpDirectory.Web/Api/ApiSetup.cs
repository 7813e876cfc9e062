using System.Threading.RateLimiting;
using HelpDirectory.Web.Caching;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelpDirectory.Web.Api;

public sealed class ApiOptions
{
    /// <summary>Requests one client may make to /api in a minute before it is asked to wait (429 with Retry-After).</summary>
    public int RequestsPerMinute { get; set; } = 120;
}

/// <summary>
/// The open API (/api): HSDS, crisis lines and the OpenAPI description. Any site may read it from a browser (CORS, GET
/// only, /api only); each client has a per-minute allowance kept in memory by address, which is never logged or stored.
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api";
    public const string CorsPolicy = "open-api";
    public const string RateLimit = "open-api";

    public static IServiceCollection AddOpenData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection("Api"));
        services.AddSingleton<HsdsRecords>();
        services.AddSingleton<ISiteChangeListener>(sp => sp.GetRequiredService<HsdsRecords>());
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET").WithHeaders("If-None-Match").WithExposedHeaders("ETag", "Retry-After")));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            // Every 429 of the site says when to come back; the API's says it in JSON.
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(seconds, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (context.HttpContext.Request.Path.StartsWithSegments(Prefix))
                {
                    await ApiProblem.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                        "This client has made too many requests this minute. Please wait, then try again.");
                }
            };
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new()
            {
                Title = "HelpDirectory open data",
                Version = HsdsApi.Version,
                Description = "Published listings as Open Referral HSDS 3.0 (read-only), and crisis lines by place. Free to use from any site; no key, no cookies.",
            };
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>Errors inside /api answer as JSON, never with the site's HTML error page. Goes after the site's own
    /// exception handler, so this one runs first for /api.</summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Prefix), api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = c => ApiProblem.WriteAsync(c, StatusCodes.Status500InternalServerError, "Server error", "Something went wrong on our side. Please try again later."),
        }));

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireCors(CorsPolicy).RequireRateLimiting(RateLimit);
        api.MapHsdsApi();
        api.MapCrisisLinesApi();
        api.MapOpenApi("/openapi.json");
        // Any other address under /api: JSON, not the site's HTML "not found" page.
        app.MapFallback(Prefix + "/{**rest}", () => ApiProblem.NotFound("There is nothing at this address. The API is described at /api/openapi.json."))
            .RequireCors(CorsPolicy).RequireRateLimiting(RateLimit).ExcludeFromDescription();
        return app;
    }
}
