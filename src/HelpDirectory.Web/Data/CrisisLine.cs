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
    /// <summary>high, medium or low. A new line starts at medium until someone confirms it; low never reaches the banner.</summary>
    public string Confidence { get; set; } = Confidences.Medium;
    public string Source { get; set; } = "";
    public int SortOrder { get; set; }
    public ListingStatus Status { get; set; } = ListingStatus.Published;
    /// <summary>When the line's details were last checked, by whom and how.</summary>
    public DateOnly? LastVerified { get; set; }
    public string? CheckedBy { get; set; }
    public CheckMethod CheckMethod { get; set; }
    public long Version { get; set; }
    /// <summary>The hours and cost note in languages other than English.</summary>
    public List<CrisisLineText> Texts { get; set; } = [];
}
