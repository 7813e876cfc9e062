using HelpDirectory.Web.Data;
using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Listings;

/// <summary>One listing as the public page (and the editors' preview) shows it. <paramref name="ZoneLabel"/> names the
/// service's time zone ("UK time") when it differs from the zone of the visitor's region, else it is null.</summary>
public sealed record ServiceDetailView(Service Service, OpeningStatus Status, string? ZoneLabel, IReadOnlyList<string> AreaNames)
{
    public OpenState Open => Status.State;

    public static ServiceDetailView For(Service service, RegionSnapshot regions, DateTimeOffset now, string? viewerZone) => new(
        service,
        OpeningHours.StatusAt(service.Is24x7, service.TimeZone, service.Hours, now, viewerZone),
        OpeningHours.ZoneLabel(service.TimeZone, viewerZone, now),
        service.Areas.Select(a => a.Scope switch
        {
            AreaScope.Worldwide => "Anywhere (online)",
            AreaScope.Country => regions.Find(a.CountryCode)?.Name ?? a.CountryCode,
            _ => regions.Find(a.SubdivisionCode) is { } r ? $"{r.Name}, {regions.Find(r.CountryCode)?.Name}" : a.SubdivisionCode,
        }).Distinct().Order(StringComparer.Ordinal).ToList());
}
