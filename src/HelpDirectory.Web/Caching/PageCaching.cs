using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace HelpDirectory.Web.Caching;

/// <summary>
/// Rendered public pages are kept in memory and served again to visitors whose request would render the same bytes:
/// same URL and query, same resolved region (and the way it was resolved, which the banner states), same minute (cards say
/// "open now"). Nothing that could be personal is cached: not a request with any cookie but the region cookie or with an
/// Authorization header, not the admin and account areas, not a response that sets a cookie, not an error (the shared
/// "not found" page aside).
/// </summary>
public static class PageCaching
{
    public const string Tag = "pages";

    /// <summary>Paths that are never cached or compressed, whoever asks: editors' pages carry antiforgery tokens.</summary>
    private static readonly PathString[] PrivatePaths = ["/admin", "/identity", "/account"];

    public static IServiceCollection AddPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            // The one policy, without the framework's default beside it: every rule about what is cached is in RegionPagePolicy.
            o.AddBasePolicy(b => b.AddPolicy<RegionPagePolicy>(), excludeDefaultPolicy: true);
            // At about 20 KB a page, room for every page of every region several times over; least used go first.
            o.SizeLimit = 32 * 1024 * 1024;
        });
        // The framework's store, kept inside ours, which refuses pages rendered before the last save (PageStore).
        var framework = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(framework);
        services.AddSingleton(sp => new PageStore(framework.ImplementationFactory is { } make
            ? (IOutputCacheStore)make(sp)
            : (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, framework.ImplementationType!)));
        services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<PageStore>());
        services.AddSingleton<SiteCache>();

        services.AddResponseCompression(o =>
        {
            // Compressed only when the response is for anyone (see IsAnonymous), so no response that holds a secret, such
            // as an antiforgery token next to reflected input, is ever compressed (BREACH).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Pages are compressed inside the output cache (UsePageCompression), so a cached page is compressed once per
        // encoding and minute, not once per request: both encoders can afford their better levels. Stylesheets and
        // scripts never pass through these encoders; they are compressed when the site is published (MapStaticAssets).
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services;
    }

    /// <summary>Compression for responses that are the same for anyone. It sits inside the output cache, which therefore
    /// keeps compressed pages, one entry for each encoding (see <see cref="RegionPagePolicy"/>).</summary>
    public static IApplicationBuilder UsePageCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => IsAnonymous(context.Request), branch => branch.UseResponseCompression());

    /// <summary>A request that carries nothing that could identify a person: no cookie but the region choice, no
    /// Authorization header, and not for the admin or account pages.</summary>
    public static bool IsAnonymous(HttpRequest request)
    {
        if (request.Headers.ContainsKey(HeaderNames.Authorization)) return false;
        foreach (var path in PrivatePaths)
        {
            if (request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)) return false;
        }
        foreach (var cookie in request.Cookies)
        {
            if (cookie.Key != RegionOptions.CookieName) return false;
        }
        return true;
    }
}
