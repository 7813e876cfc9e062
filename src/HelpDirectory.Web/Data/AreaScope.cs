namespace HelpDirectory.Web.Data;

public enum AreaScope
{
    Worldwide = 0,
    Country = 1,
    Subdivision = 2,
}
