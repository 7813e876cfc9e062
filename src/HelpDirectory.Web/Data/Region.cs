namespace HelpDirectory.Web.Data;

/// <summary>A country (ISO 3166-1 alpha-2) or a subdivision (ISO 3166-2) that visitors can choose.</summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string CountryCode { get; set; }
    public string? ParentCode { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public required string TimeZone { get; set; }

    /// <summary>Language subtags (space separated) that by themselves unambiguously mean this country.</summary>
    public string DefaultLanguages { get; set; } = "";

    public long Version { get; set; }
    public List<EmergencyNumber> EmergencyNumbers { get; set; } = [];

    public bool IsCountry => ParentCode is null;
}
