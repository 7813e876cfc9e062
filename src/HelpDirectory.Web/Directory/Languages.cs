using System.Globalization;

namespace HelpDirectory.Web.Directory;

public static class Languages
{
    /// <summary>The English name of a BCP 47 code, or the code itself when the platform does not know it.</summary>
    public static string Name(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? code : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
