using HelpDirectory.Web.Data;
using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Listings;

/// <summary>One listing as the public page (and the editors' preview) shows it.</summary>
public sealed record ServiceDetailView(Service Service, OpenState Open, IReadOnlyList<string> AreaNames)
{
    public static ServiceDetailView For(Service service, RegionSnapshot regions, DateTimeOffset now) => new(
        service,
        OpeningHours.StateAt(service.Is24x7, service.TimeZone, service.Hours, now),
        service.Areas.Select(a => a.Scope switch
        {
            AreaScope.Worldwide => "Anywhere (online)",
            AreaScope.Country => regions.Find(a.CountryCode)?.Name ?? a.CountryCode,
            _ => regions.Find(a.SubdivisionCode) is { } r ? $"{r.Name}, {regions.Find(r.CountryCode)?.Name}" : a.SubdivisionCode,
        }).Distinct().Order(StringComparer.Ordinal).ToList());
}
