namespace HelpDirectory.Web.Data;

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
    public ListingStatus Status { get; set; } = ListingStatus.Published;
    public DateOnly? LastVerified { get; set; }
    public long Version { get; set; }
}
