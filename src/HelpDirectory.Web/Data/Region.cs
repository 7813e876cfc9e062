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

public sealed class EmergencyNumber
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public required string Number { get; set; }
    public string Use { get; set; } = "";
    public string Source { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>A line shown in the crisis banner. RegionCode null means an international service.</summary>
public sealed class CrisisLine
{
    public int Id { get; set; }
    public string? RegionCode { get; set; }
    public required string Name { get; set; }
    public string Organization { get; set; } = "";
    public string? Phone { get; set; }
    public string? PhoneE164 { get; set; }
    public string? SmsNumber { get; set; }
    public string? SmsKeyword { get; set; }
    public string? ChatUrl { get; set; }
    public string? Website { get; set; }
    public string Hours { get; set; } = "";
    public bool Is24x7 { get; set; }
    public bool? Free { get; set; }
    public string? CostNote { get; set; }
    public string Languages { get; set; } = "";
    public string Audience { get; set; } = "all";
    public string Confidence { get; set; } = "high";
    public string Source { get; set; } = "";
    public int SortOrder { get; set; }
    public Directory.ListingStatus Status { get; set; } = Directory.ListingStatus.Published;
    public DateOnly? LastVerified { get; set; }
    public long Version { get; set; }
}
