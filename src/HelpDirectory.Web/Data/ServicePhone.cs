namespace HelpDirectory.Web.Data;

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
