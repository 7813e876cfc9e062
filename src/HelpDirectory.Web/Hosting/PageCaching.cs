using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace HelpDirectory.Web.Hosting;

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

/// <summary>Evicts every cached page. Editors' publish actions call it; region and crisis-line changes reach it through
/// <see cref="RegionCatalog.Changed"/>.</summary>
public sealed class SiteCache
{
    private readonly IOutputCacheStore _store;
    private readonly ILogger<SiteCache> _logger;

    public SiteCache(IOutputCacheStore store, RegionCatalog regions, ILogger<SiteCache> logger)
    {
        _store = store;
        _logger = logger;
        regions.Changed += () => _ = EvictAfterRegionChangeAsync();
    }

    public ValueTask InvalidateAsync(CancellationToken ct = default) => _store.EvictByTagAsync(PageCaching.Tag, ct);

    private async Task EvictAfterRegionChangeAsync()
    {
        try
        {
            await InvalidateAsync();
        }
        catch (Exception ex)
        {
            // Pages expire within a minute anyway; say so rather than fail the editor's save.
            _logger.LogError(ex, "Cached pages could not be evicted after a region change");
        }
    }
}

internal sealed class RegionPagePolicy(TimeProvider clock, IResponseCompressionProvider compression) : IOutputCachePolicy
{
    // The query parameters pages read (the kind page's filters and pagination; q for search). A request with any other
    // is rendered afresh: it cannot fill the cache with variants, and a page that starts reading a new parameter is never
    // served from the wrong entry before the parameter is added here.
    private static readonly HashSet<string> KnownQueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "contact", "audience", "approach", "free", "open", "language", "page", "q",
    };

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var cacheable = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        cacheable &= PageCaching.IsAnonymous(http.Request) && http.User.Identity?.IsAuthenticated != true;
        cacheable &= http.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is null;
        foreach (var key in http.Request.Query.Keys) cacheable &= KnownQueryKeys.Contains(key);

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable) return ValueTask.CompletedTask;

        var region = http.GetRegion();
        var now = clock.GetUtcNow();
        // Every query parameter, so a page that starts reading a new one is never served for another value of it.
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["region"] = $"{region.CacheKey}/{region.Source}";
        // Pages are stored compressed: one entry per encoding the compression middleware will choose for this request
        // (not per raw Accept-Encoding header, which would let odd headers multiply the entries).
        context.CacheVaryByRules.VaryByValues["encoding"] = compression.GetCompressionProvider(http)?.EncodingName ?? "identity";
        // "Open now" is decided to the minute, in the site's clock: a page is kept until that minute ends.
        context.CacheVaryByRules.VaryByValues["minute"] = now.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(60 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond);
        context.Tags.Add(PageCaching.Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        var page = response.StatusCode == StatusCodes.Status200OK
                   && !cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
                   && !cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase);
        // The "not found" page is kept too, once per region: it is re-executed at /error/404 whatever address was asked
        // for, so unknown addresses share one entry and cannot fill the cache. (Its no-store is for browsers.)
        var notFoundPage = response.StatusCode == StatusCodes.Status404NotFound
                           && context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (!(page || notFoundPage) || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
