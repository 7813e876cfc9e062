namespace HelpDirectory.Web.Data;

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
