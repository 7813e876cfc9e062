namespace HelpDirectory.Web.Data;

[Flags]
public enum Audiences
{
    None = 0,
    All = 1,
    Youth = 2,
    Adults = 4,
    Lgbtqia = 8,
    ParentsCarers = 16,
    Professionals = 32,
}
