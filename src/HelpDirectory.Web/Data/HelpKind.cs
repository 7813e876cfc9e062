namespace HelpDirectory.Web.Data;

public enum HelpKind
{
    Therapy = 1,
    OnlineTherapy = 2,
    Groups = 3,
    Helplines = 4,
    Forums = 5,
}
