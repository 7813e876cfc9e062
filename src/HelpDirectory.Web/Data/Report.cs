namespace HelpDirectory.Web.Data;

/// <summary>A visitor's report of a problem with a listing.</summary>
public sealed class Report
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public Service? Service { get; set; }
    public required string Problem { get; set; }
    public string Details { get; set; } = "";
    public DateTime At { get; set; }
    public ReportStatus Status { get; set; }
    public string? HandledBy { get; set; }
    public DateTime? HandledAt { get; set; }
    public string? HandledNote { get; set; }
}
