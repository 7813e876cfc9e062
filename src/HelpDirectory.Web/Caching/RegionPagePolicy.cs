using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace HelpDirectory.Web.Caching;

internal sealed class RegionPagePolicy(TimeProvider clock, IResponseCompressionProvider compression, PageStore store) : IOutputCachePolicy
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
        var anyRegion = http.GetEndpoint()?.Metadata.GetMetadata<AnswerForEveryRegion>();
        foreach (var key in http.Request.Query.Keys) cacheable &= KnownQueryKeys.Contains(key) || anyRegion?.QueryKeys.Contains(key) == true;

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable) return ValueTask.CompletedTask;

        var region = http.GetRegion();
        var now = clock.GetUtcNow();
        // Every query parameter, so a page that starts reading a new one is never served for another value of it.
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["region"] = anyRegion is null ? $"{region.CacheKey}/{region.Source}" : "any";
        // The language is in the address's prefix too; said here as well, so no page is ever served in the other one.
        context.CacheVaryByRules.VaryByValues["language"] = Localization.LanguageHttpContextExtensions.GetLanguage(http).Tag;
        // Pages are stored compressed: one entry per encoding the compression middleware will choose for this request
        // (not per raw Accept-Encoding header, which would let odd headers multiply the entries).
        context.CacheVaryByRules.VaryByValues["encoding"] = compression.GetCompressionProvider(http)?.EncodingName ?? "identity";
        // "Open now" is decided to the minute, in the site's clock: a page is kept until that minute ends.
        context.CacheVaryByRules.VaryByValues["minute"] = now.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(60 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond);
        context.Tags.Add(PageCaching.Tag);
        // Taken before the page reads any data: a save after this point keeps the page out of the cache (PageStore).
        context.Tags.Add(store.CurrentTag);
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
