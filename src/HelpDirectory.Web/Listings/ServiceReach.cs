using System.Linq.Expressions;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Localization;
using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Listings;

/// <summary>How a listing reaches a place, shown on every card so visitors know what is near them.</summary>
public enum Reach
{
    Local = 0,
    National = 1,
    International = 2,

    /// <summary>Does not reach the place (search shows these after the rest, as "elsewhere").</summary>
    Elsewhere = 3,
}

public static class ServiceReach
{
    /// <summary>Published services that can be used in the place: worldwide ones, ones for its country, and local ones
    /// for the subdivision (or, on a country page, for any subdivision of the country).</summary>
    /// <remarks>Written as "Id IN (areas that match)" rather than "EXISTS (a matching area)": SQLite then reads only the
    /// matching rows of the (Scope, CountryCode, SubdivisionCode, ServiceId) index and fetches those services by key, so a
    /// page costs the same however many listings other places have. EXISTS made it test every listing of the kind.</remarks>
    public static IQueryable<Service> ReachingPlace(this IQueryable<Service> services, IQueryable<ServiceArea> areas, Place place)
    {
        var ids = areas.Where(AreaReaches(place)).Select(a => a.ServiceId);
        return services.Where(s => ids.Contains(s.Id));
    }

    /// <summary>Whether a service area reaches the place: the one rule <see cref="ReachingPlace"/> runs in SQL, and the
    /// sitemap runs in memory (compiled).</summary>
    public static Expression<Func<ServiceArea, bool>> AreaReaches(Place place)
    {
        var countryCode = place.Country.CountryCode;
        var subdivision = place.Subdivision;
        if (subdivision is null)
        {
            return a =>
                a.Scope == AreaScope.Worldwide ||
                (a.Scope == AreaScope.Country && a.CountryCode == countryCode) ||
                (a.Scope == AreaScope.Subdivision && a.CountryCode == countryCode);
        }
        var subdivisionCode = subdivision.Code;
        return a =>
            a.Scope == AreaScope.Worldwide ||
            (a.Scope == AreaScope.Country && a.CountryCode == countryCode) ||
            (a.Scope == AreaScope.Subdivision && a.CountryCode == countryCode && a.SubdivisionCode == subdivisionCode);
    }

    /// <summary>How a service with these areas reaches the place: the rule of <see cref="ReachingPlace"/> and
    /// <see cref="ServiceCards.ToCards"/>, in memory, for the search index, which keeps each listing's areas.</summary>
    public static Reach Of(IReadOnlyList<ServiceArea> areas, string countryCode, string? subdivisionCode)
    {
        var reach = Reach.Elsewhere;
        for (var i = 0; i < areas.Count; i++)
        {
            var a = areas[i];
            if (a.Scope == AreaScope.Subdivision && a.CountryCode == countryCode && (subdivisionCode is null || a.SubdivisionCode == subdivisionCode)) return Reach.Local;
            if (a.Scope == AreaScope.Country && a.CountryCode == countryCode) reach = Reach.National;
            else if (a.Scope == AreaScope.Worldwide && reach == Reach.Elsewhere) reach = Reach.International;
        }
        return reach;
    }

    /// <summary>What visitors may see: published listings, except those editors rate low (as a low crisis line leaves the banner).</summary>
    public static IQueryable<Service> Published(this IQueryable<Service> services) =>
        services.Where(s => s.Status == ListingStatus.Published && s.Confidence != Confidences.Low);

    public static string Label(Reach reach) => reach switch
    {
        Reach.Local => Text.Get("Reach.Local"),
        Reach.National => Text.Get("Reach.National"),
        Reach.Elsewhere => Text.Get("Reach.Elsewhere"),
        _ => Text.Get("Reach.Online"),
    };
}
