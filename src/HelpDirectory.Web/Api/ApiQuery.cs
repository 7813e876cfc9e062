using System.Globalization;
using RegionInfo = HelpDirectory.Web.Regions.RegionInfo;
using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Api;

/// <summary>The query string of one API request, read strictly: an unknown or repeated parameter, or a value that is not
/// what the parameter takes, is a 400 that says which, never a silent default.</summary>
public sealed class ApiQuery
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 100;
    public const int MaxSearchLength = 200;

    private readonly IQueryCollection _query;

    private ApiQuery(IQueryCollection query) => _query = query;

    public string? Error { get; private set; }

    /// <summary>The query, or an error when it has a parameter the endpoint does not take or a parameter twice.</summary>
    public static ApiQuery Read(IQueryCollection query, params string[] accepted)
    {
        var result = new ApiQuery(query);
        foreach (var (key, values) in query)
        {
            if (!accepted.Contains(key, StringComparer.Ordinal))
            {
                result.Error ??= $"Unknown parameter. This list takes: {string.Join(", ", accepted)}.";
            }
            else if (values.Count > 1)
            {
                result.Error ??= $"The parameter '{key}' is given more than once.";
            }
        }
        return result;
    }

    public string? Text(string key) => _query.TryGetValue(key, out var v) && v.ToString() is { Length: > 0 } s ? s.Trim() : null;

    public int Page => Int("page", 1, 1, int.MaxValue);

    public int PerPage => Int("per_page", DefaultPerPage, 1, MaxPerPage);

    public string? Search
    {
        get
        {
            var s = Text("search");
            if (s is { Length: > MaxSearchLength }) Error ??= $"'search' takes at most {MaxSearchLength} characters.";
            return s;
        }
    }

    public bool Flag(string key)
    {
        var s = Text(key);
        if (s is null) return false;
        if (bool.TryParse(s, out var b)) return b;
        Error ??= $"'{key}' takes true or false.";
        return false;
    }

    /// <summary>A UUID parameter (as our ids are), lower-case.</summary>
    public string? Id(string key)
    {
        var s = Text(key);
        if (s is null) return null;
        if (Guid.TryParseExact(s, "D", out var g)) return g.ToString();
        Error ??= $"'{key}' takes a UUID such as 3f2b8c1e-0000-5000-8000-000000000000.";
        return null;
    }

    /// <summary>modified_after: an ISO 8601 date or date and time; without an offset it is UTC.</summary>
    public DateTime? ModifiedAfter
    {
        get
        {
            var s = Text("modified_after");
            if (s is null) return null;
            string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
            if (DateTimeOffset.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
            {
                return d.UtcDateTime;
            }
            Error ??= "'modified_after' takes an ISO 8601 date or date-time, such as 2026-01-31 or 2026-01-31T12:00:00Z.";
            return null;
        }
    }

    /// <summary>country (ISO 3166-1 alpha-2 code or our address name, such as "no" or "norway") and region (ISO 3166-2
    /// code or address name, such as "NO-03" or "oslo"): the place the directory's own pages would serve.</summary>
    public Place? Place(RegionSnapshot regions)
    {
        var country = Text("country");
        var region = Text("region");
        if (country is null && region is null) return null;
        RegionInfo? subdivision = null;
        var found = country is null ? null : regions.FindCountryBySlug(country) ?? (regions.Find(country) is { IsCountry: true } c ? c : null);
        if (region is not null)
        {
            subdivision = regions.Find(region) is { IsCountry: false } r ? r : found is null ? null : regions.FindSubdivision(found, region);
            if (subdivision is not null && found is not null && !string.Equals(subdivision.CountryCode, found.CountryCode, StringComparison.OrdinalIgnoreCase)) subdivision = null;
            if (subdivision is not null) found ??= regions.Find(subdivision.CountryCode);
        }
        if (found is null || (region is not null && subdivision is null))
        {
            Error ??= "Unknown place: 'country' takes an ISO 3166-1 alpha-2 code and 'region' an ISO 3166-2 code of a place the directory serves.";
            return null;
        }
        return new Place(found, subdivision);
    }

    private int Int(string key, int fallback, int min, int max)
    {
        var s = Text(key);
        if (s is null) return fallback;
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Error ??= max == int.MaxValue ? $"'{key}' takes a whole number from {min}." : $"'{key}' takes a whole number from {min} to {max}.";
        return fallback;
    }
}
