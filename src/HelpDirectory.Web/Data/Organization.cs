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
