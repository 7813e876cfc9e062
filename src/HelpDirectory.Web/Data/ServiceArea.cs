namespace HelpDirectory.Web.Data;

/// <summary>Where a service can be used: everywhere, a country, or a subdivision.</summary>
public sealed class ServiceArea
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public AreaScope Scope { get; set; }
    /// <summary>Alpha-2 country for Country and Subdivision scope; empty for Worldwide.</summary>
    public string CountryCode { get; set; } = "";
    /// <summary>ISO 3166-2 code for Subdivision scope; empty otherwise.</summary>
    public string SubdivisionCode { get; set; } = "";
}
