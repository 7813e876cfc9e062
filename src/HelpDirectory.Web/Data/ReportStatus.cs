namespace HelpDirectory.Web.Data;

public enum ReportStatus
{
    Open = 0,
    Resolved = 1,
    Dismissed = 2,
}
