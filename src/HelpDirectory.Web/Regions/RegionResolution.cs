using Microsoft.Extensions.Options;

namespace HelpDirectory.Web.Regions;

public sealed class RegionOptions
{
    public const string CookieName = Localization.ChoiceCookie.Name;

    /// <summary>How long a visitor's region choice is kept.</summary>
    public int CookieDays { get; set; } = 180;
}

/// <summary>The region a request was resolved to, with the snapshot it was resolved against.</summary>
public sealed record RegionFeature(ResolvedRegion Region, RegionSnapshot Regions);

public static class RegionHttpContextExtensions
{
    public static ResolvedRegion GetRegion(this HttpContext context) =>
        context.Features.Get<RegionFeature>()?.Region ?? ResolvedRegion.International;

    /// <summary>The place a /help address names, as the request resolved it; null when the address names no known place
    /// (an unknown country, or an unknown region of a known one), which the page answers with 404.</summary>
    public static Place? GetPlaceFromPath(this HttpContext context)
    {
        var region = context.GetRegion();
        if (region.Source != RegionSource.Path) return null;
        var namesRegion = context.Request.RouteValues.TryGetValue("region", out var slug) && slug is string { Length: > 0 };
        return namesRegion && region.Subdivision is null ? null : region.Place;
    }

    public static RegionSnapshot GetRegions(this HttpContext context) =>
        context.Features.Get<RegionFeature>()?.Regions ?? RegionSnapshot.Empty;
}

/// <summary>Resolves the region once per request (after routing, so the path's country and region are known).</summary>
public sealed class RegionResolutionMiddleware(RequestDelegate next, RegionCatalog catalog, ILogger<RegionResolutionMiddleware> logger, GeoIpFile? geoIp = null)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // An error page re-executed for this request keeps the region the original request resolved.
        if (context.Features.Get<RegionFeature>() is null)
        {
            RegionSnapshot regions;
            try
            {
                regions = await catalog.GetAsync(context.RequestAborted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The banner must still render (with the international fallback) when the database is unreachable.
                logger.LogError(ex, "Region data could not be loaded");
                regions = RegionSnapshot.Empty;
            }
            var route = context.Request.RouteValues;
            var resolved = RegionResolver.Resolve(regions, new RegionRequest(
                route.TryGetValue("country", out var c) ? c as string : null,
                route.TryGetValue("region", out var r) ? r as string : null,
                Localization.ChoiceCookie.Read(context.Request).Region,
                context.Request.Headers.AcceptLanguage.ToString(),
                geoIp?.CountryFor(context.Connection.RemoteIpAddress)));
            context.Features.Set(new RegionFeature(resolved, regions));
        }
        await next(context);
    }
}

public static class RegionCookie
{
    /// <summary>Saves the region in the choice cookie, keeping a language the visitor chose.</summary>
    public static void Save(HttpContext context, RegionInfo region, IOptions<RegionOptions> options) =>
        Localization.ChoiceCookie.Save(context, region.Code, language: null, options.Value.CookieDays);

    public static void Forget(HttpContext context, IOptions<RegionOptions> options) =>
        Localization.ChoiceCookie.ForgetRegion(context, options.Value.CookieDays);
}

/// <param name="WithLanguage">The region page's picker also chooses the language, so one form sets both.</param>
public sealed record CountryPickerModel(IReadOnlyList<RegionInfo> Countries, RegionInfo? Selected, string Label, bool WithLanguage = false);
