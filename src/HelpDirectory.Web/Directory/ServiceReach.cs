using HelpDirectory.Web.Data;
using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Directory;

/// <summary>How a listing reaches a place, shown on every card so visitors know what is near them.</summary>
public enum Reach
{
    Local = 0,
    National = 1,
    International = 2,
}

public static class ServiceReach
{
    /// <summary>Published services that can be used in the place: worldwide ones, ones for its country, and local ones
    /// for the subdivision (or, on a country page, for any subdivision of the country).</summary>
    public static IQueryable<Service> ReachingPlace(this IQueryable<Service> services, RegionInfo country, RegionInfo? subdivision)
    {
        var countryCode = country.CountryCode;
        if (subdivision is null)
        {
            return services.Where(s => s.Areas.Any(a =>
                a.Scope == AreaScope.Worldwide ||
                (a.Scope == AreaScope.Country && a.CountryCode == countryCode) ||
                (a.Scope == AreaScope.Subdivision && a.CountryCode == countryCode)));
        }
        var subdivisionCode = subdivision.Code;
        return services.Where(s => s.Areas.Any(a =>
            a.Scope == AreaScope.Worldwide ||
            (a.Scope == AreaScope.Country && a.CountryCode == countryCode) ||
            (a.Scope == AreaScope.Subdivision && a.SubdivisionCode == subdivisionCode)));
    }

    public static IQueryable<Service> Published(this IQueryable<Service> services) =>
        services.Where(s => s.Status == ListingStatus.Published);

    public static string Label(Reach reach) => reach switch
    {
        Reach.Local => "Local",
        Reach.National => "National",
        _ => "Online, available here",
    };
}
