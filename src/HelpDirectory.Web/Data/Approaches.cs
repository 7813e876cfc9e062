namespace HelpDirectory.Web.Data;

[Flags]
public enum Approaches
{
    None = 0,
    Dbt = 1,
    Cbt = 2,
    Mbt = 4,
    Mbct = 8,
    Emdr = 16,
    Psychodynamic = 32,
    CompassionFocused = 64,
    Affirmative = 128,
    Family = 256,
    Group = 512,
    IptA = 1024,
}
