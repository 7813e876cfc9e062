namespace HelpDirectory.Web.Data;

public enum PhoneType
{
    Voice = 0,
    Text = 1,
}

/// <summary>The words used in URLs, seed files and forms for each flag, with the plain label shown to visitors.</summary>
