using HelpDirectory.Web.Directory;

namespace HelpDirectory.Web.Data;

/// <summary>An HSDS organization.</summary>
public sealed class Organization
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string? Url { get; set; }
    public string? Email { get; set; }
    public long Version { get; set; }
    public List<Service> Services { get; set; } = [];
}

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
    public DateOnly? LastVerified { get; set; }
    public string? VerifiedBy { get; set; }
    public string Source { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    public List<ServicePhone> Phones { get; set; } = [];
    public List<ServiceHours> Hours { get; set; } = [];
    public List<ServiceLanguage> Languages { get; set; } = [];
    public List<ServiceArea> Areas { get; set; } = [];
    public List<ServiceLocation> Locations { get; set; } = [];
}

public sealed class ServicePhone
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public required string Number { get; set; }
    public string? E164 { get; set; }
    public PhoneType Type { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>One weekly opening, in the service's own time zone. Closes may be before Opens when it runs past midnight.</summary>
public sealed class ServiceHours
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
    /// <summary>True when the opening runs to midnight ("24:00"), which TimeOnly cannot hold in Closes.</summary>
    public bool ClosesAtMidnight { get; set; }
}

public sealed class ServiceLanguage
{
    public int ServiceId { get; set; }
    public required string Code { get; set; }
}

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

public sealed class ServiceLocation
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public string? Name { get; set; }
    public required string Address1 { get; set; }
    public string City { get; set; } = "";
    public string? StateProvince { get; set; }
    public string? PostalCode { get; set; }
    public required string Country { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}
