using System.Collections.Concurrent;
using System.Globalization;

namespace HelpDirectory.Web.Localization;

/// <summary>
/// The names of languages and countries in the reader's language, from ICU's data (CLDR), not from lists of our own:
/// "nb" is "Norwegian Bokmål" to an English reader and "norsk bokmål" to a Norwegian one; "GB" is "Storbritannia".
/// Asked once per language and code, then kept.
/// </summary>
public static class Names
{
    private static readonly ConcurrentDictionary<(string Ui, string Code), string?> LanguageNames = new();
    private static readonly ConcurrentDictionary<(string Ui, string Code), string?> CountryNames = new();

    /// <summary>A BCP 47 code's name ("pt-BR" is "Portuguese (Brazil)"), or the code itself when ICU does not know it.</summary>
    public static string Language(string code)
    {
        var ui = CultureInfo.CurrentUICulture;
        return LanguageNames.GetOrAdd((ui.Name, code), static key =>
        {
            if (key.Code.Length is 0 or > 35) return null;
            try
            {
                // ICU names a language it does not know by its code ("xx", "xx (YY)").
                var primary = key.Code.Split('-')[0];
                if (string.Equals(CultureInfo.GetCultureInfo(primary).EnglishName, primary, StringComparison.OrdinalIgnoreCase)) return null;
                var culture = CultureInfo.GetCultureInfo(key.Code);
                if (culture.EnglishName.Contains("Unknown", StringComparison.Ordinal)) return null;
                return Capitalised(culture.DisplayName, CultureInfo.CurrentUICulture);
            }
            catch (CultureNotFoundException)
            {
                return null;
            }
        }) ?? code;
    }

    /// <summary>A country's name in the reader's language, or <paramref name="stored"/> (the name in our data, which is
    /// English) for an English reader, for a code ICU does not know, and outside a request.</summary>
    public static string Country(string code, string stored)
    {
        var ui = CultureInfo.CurrentUICulture;
        if (ui.TwoLetterISOLanguageName is "en" or "iv" || code.Length != 2) return stored;
        return CountryNames.GetOrAdd((ui.Name, code), static key =>
        {
            try
            {
                // ICU names a region inside a culture's name: "ukjent språk (Storbritannia)" for und-GB.
                var name = CultureInfo.GetCultureInfo("und-" + key.Code).DisplayName;
                var open = name.LastIndexOf('(');
                var close = name.LastIndexOf(')');
                if (open < 0 || close <= open + 1) return null;
                var country = name[(open + 1)..close].Trim();
                return country.Contains("Unknown", StringComparison.OrdinalIgnoreCase) || country.Equals(key.Code, StringComparison.OrdinalIgnoreCase) ? null : country;
            }
            catch (CultureNotFoundException)
            {
                return null;
            }
        }) ?? stored;
    }

    private static string Capitalised(string name, CultureInfo culture) =>
        name.Length == 0 ? name : char.ToUpper(name[0], culture) + name[1..];
}
