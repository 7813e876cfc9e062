namespace HelpDirectory.Web.Data;

/// <summary>An HSDS service: one listing in the directory.</summary>
public sealed class Service
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public HelpKind Kind { get; set; }
    public string Description { get; set; } = "";
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? ChatUrl { get; set; }
    public ContactMethods ContactMethods { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public bool Is24x7 { get; set; }
    public CostKind Cost { get; set; }
    public string? CostNote { get; set; }
    public Audiences Audiences { get; set; }
    public Approaches Approaches { get; set; }
    public ListingStatus Status { get; set; }
    /// <summary>When the details were last checked, by whom and how (a website read is not a confirmation).</summary>
    public DateOnly? LastVerified { get; set; }
    public string? VerifiedBy { get; set; }
    public CheckMethod CheckMethod { get; set; }
    /// <summary>high, medium or low (<see cref="Confidences"/>), for editors: what still needs confirming. Visitors never see it.</summary>
    public string Confidence { get; set; } = Confidences.Medium;
    public string Source { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    public List<ServicePhone> Phones { get; set; } = [];
    public List<ServiceHours> Hours { get; set; } = [];
    public List<ServiceLanguage> Languages { get; set; } = [];
    public List<ServiceArea> Areas { get; set; } = [];
    public List<ServiceLocation> Locations { get; set; } = [];
    /// <summary>The description, cost note and phones' notes in languages other than English.</summary>
    public List<ServiceText> Texts { get; set; } = [];
}
