namespace HelpDirectory.Web.Regions;

public enum RegionSource
{
    Fallback,
    Path,
    Cookie,
    AcceptLanguage,
    GeoIp,
}

public sealed record ResolvedRegion(RegionInfo? Country, RegionInfo? Subdivision, RegionSource Source)
{
    public static ResolvedRegion International { get; } = new(null, null, RegionSource.Fallback);

    public RegionInfo? Most => Subdivision ?? Country;

    /// <summary>The value every cache of a rendered page varies by.</summary>
    public string CacheKey => Most?.Code ?? "INTL";

    /// <summary>The visitor's place, or null when no region is known.</summary>
    public Place? Place { get; } = Country is null ? null : new Place(Country, Subdivision);

    /// <summary>The region's place page, or null when no region is known.</summary>
    public string? PlacePath => Place?.Path;

    public string DisplayName => Place?.Name ?? Localization.Text.Get("Region.International");
}

public sealed record RegionRequest(string? PathCountry, string? PathRegion, string? Cookie, string? AcceptLanguage, string? GeoIpCountry = null);

/// <summary>
/// Decides which region a request is about, in this order: the URL path, the visitor's saved choice, the browser's
/// languages, an optional GeoIP lookup, then the international fallback. Pure: everything it needs is in its arguments.
/// </summary>
public static class RegionResolver
{
    public static ResolvedRegion Resolve(RegionSnapshot regions, RegionRequest request)
    {
        var country = regions.FindCountryBySlug(request.PathCountry);
        if (country is not null)
            return new(country, regions.FindSubdivision(country, request.PathRegion), RegionSource.Path);

        if (FromCode(regions, request.Cookie) is { } chosen)
            return chosen with { Source = RegionSource.Cookie };

        if (FromAcceptLanguage(regions, request.AcceptLanguage) is { } fromLanguage)
            return new(fromLanguage, null, RegionSource.AcceptLanguage);

        if (regions.Find(request.GeoIpCountry) is { IsCountry: true } geo)
            return new(geo, null, RegionSource.GeoIp);

        return ResolvedRegion.International;
    }

    public static ResolvedRegion? FromCode(RegionSnapshot regions, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 10) return null;
        var region = regions.Find(code);
        if (region is null) return null;
        return region.IsCountry
            ? new(region, null, RegionSource.Cookie)
            : new(regions.Find(region.CountryCode), region, RegionSource.Cookie);
    }

    public static RegionInfo? FromAcceptLanguage(RegionSnapshot regions, string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 1000) return null;
        foreach (var tag in LanguageTags(header))
        {
            var parts = tag.Split('-', StringSplitOptions.RemoveEmptyEntries);
            // The region subtag is the first two-letter subtag after the language (skipping a four-letter script).
            var regionSubtag = parts.Skip(1).FirstOrDefault(p => p.Length == 2 && p.All(char.IsAsciiLetter));
            if (regionSubtag is not null && regions.Find(regionSubtag) is { IsCountry: true } byRegion) return byRegion;
            if (parts.Length > 0 && regions.CountryForLanguage(parts[0]) is { } byLanguage) return byLanguage;
        }
        return null;
    }

    private static IEnumerable<string> LanguageTags(string header)
    {
        var entries = new List<(string Tag, double Q, int Order)>();
        var order = 0;
        foreach (var raw in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20))
        {
            var pieces = raw.Split(';', StringSplitOptions.TrimEntries);
            var tag = pieces[0];
            if (tag.Length is 0 or > 35 || tag == "*") continue;
            var q = 1.0;
            foreach (var p in pieces.Skip(1))
            {
                if (p.StartsWith("q=", StringComparison.OrdinalIgnoreCase) &&
                    double.TryParse(p[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                    q = parsed;
            }
            if (q <= 0) continue;
            entries.Add((tag, q, order++));
        }
        return entries.OrderByDescending(e => e.Q).ThenBy(e => e.Order).Select(e => e.Tag);
    }
}
