namespace HelpDirectory.Web.Data;

public enum ListingStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}
