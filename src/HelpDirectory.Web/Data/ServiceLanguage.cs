namespace HelpDirectory.Web.Data;

public sealed class ServiceLanguage
{
    public int ServiceId { get; set; }
    public required string Code { get; set; }
}
