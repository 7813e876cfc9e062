namespace HelpDirectory.Web.Regions;

/// <summary>
/// A country, or one of its subdivisions, as the directory serves it: what its pages are called and where they live. Every
/// /help address is built here.
/// </summary>
public sealed record Place(RegionInfo Country, RegionInfo? Subdivision)
{
    /// <summary>The subdivision when there is one, else the country: whose crisis lines and emergency numbers apply.</summary>
    public RegionInfo Most => Subdivision ?? Country;

    public string Name => Subdivision is null ? Country.Name : $"{Subdivision.Name}, {Country.Name}";

    /// <summary>/help/{country} or /help/{country}/{region}.</summary>
    public string Path => Subdivision is null ? $"/help/{Country.Slug}" : $"/help/{Country.Slug}/{Subdivision.Slug}";

    /// <summary>/help/{country}[/{region}]/{kind}.</summary>
    public string KindPath(string kindSlug) => $"{Path}/{kindSlug}";

    /// <summary>The whole country this place is in.</summary>
    public Place WholeCountry => Subdivision is null ? this : new(Country, null);

    /// <summary>One of the country's subdivisions.</summary>
    public Place Within(RegionInfo subdivision) => new(Country, subdivision);
}
