namespace HelpDirectory.Web.Data;

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
