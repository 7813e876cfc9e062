namespace HelpDirectory.Web.Data;

[Flags]
public enum ContactMethods
{
    None = 0,
    Phone = 1,
    Text = 2,
    Chat = 4,
    Video = 8,
    Email = 16,
    InPerson = 32,
    Web = 64,
}
