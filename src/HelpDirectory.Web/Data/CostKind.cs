namespace HelpDirectory.Web.Data;

public enum CostKind
{
    Unknown = 0,
    Free = 1,
    Paid = 2,
    Insurance = 3,
    Mixed = 4,
}
