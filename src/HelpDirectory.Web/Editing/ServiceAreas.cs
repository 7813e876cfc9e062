using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Editing;

/// <summary>
/// Where a listing can be used, as editors, imports and the published seed write it: a scope ("worldwide", "countries" or
/// "subdivisions") and, unless worldwide, ISO codes (NO, GB; NO-03, US-CA) of regions we know.
/// </summary>
public static class ServiceAreas
{
    public const string Worldwide = "worldwide";
    public const string Countries = "countries";
    public const string Subdivisions = "subdivisions";

    /// <param name="regions">Known region codes, each with whether it is a country.</param>
    public static bool TryParse(string? scope, IEnumerable<string> codes, IReadOnlyDictionary<string, bool> regions,
        out List<ServiceArea> areas, out string error, out bool scopeIsWrong)
    {
        areas = [];
        error = "";
        scopeIsWrong = false;
        var list = codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        switch (scope?.Trim().ToLowerInvariant())
        {
            case Worldwide:
                areas = [new ServiceArea { Scope = AreaScope.Worldwide }];
                return true;
            case Countries or Subdivisions:
                if (list.Count == 0)
                {
                    error = "Name at least one country or region code, for example NO or NO-03.";
                    return false;
                }
                var wantCountry = scope.Trim().Equals(Countries, StringComparison.OrdinalIgnoreCase);
                var bad = list.FirstOrDefault(c => !regions.TryGetValue(c, out var isCountry) || isCountry != wantCountry);
                if (bad is not null)
                {
                    error = $"\"{bad}\" is not a known {(wantCountry ? "country" : "region")} code.";
                    return false;
                }
                areas = list.Select(c => wantCountry
                    ? new ServiceArea { Scope = AreaScope.Country, CountryCode = c }
                    : new ServiceArea { Scope = AreaScope.Subdivision, CountryCode = c[..2], SubdivisionCode = c }).ToList();
                return true;
            default:
                error = "Choose worldwide, countries or regions.";
                scopeIsWrong = true;
                return false;
        }
    }

    public static string ScopeOf(IReadOnlyCollection<ServiceArea> areas) =>
        areas.Any(a => a.Scope == AreaScope.Worldwide) ? Worldwide : areas.Any(a => a.Scope == AreaScope.Subdivision) ? Subdivisions : Countries;

    public static string CodesOf(IEnumerable<ServiceArea> areas) => string.Join(' ', areas.Where(a => a.Scope != AreaScope.Worldwide)
        .Select(a => a.Scope == AreaScope.Subdivision ? a.SubdivisionCode : a.CountryCode).Order(StringComparer.Ordinal));
}
