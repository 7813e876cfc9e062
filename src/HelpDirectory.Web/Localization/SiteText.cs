using System.Globalization;
using System.Resources;

namespace HelpDirectory.Web.Localization;

/// <summary>
/// Every word a visitor reads, by key, in SiteText.resx (English, the default) and SiteText.{tag}.resx for each other
/// language. Views use it through IStringLocalizer&lt;SiteText&gt; (<c>T["Layout.SkipLink"]</c>); code that puts words
/// together (opening hours, the kinds of help) uses <see cref="Text"/>. Both read the same resources in the request's
/// culture.
/// </summary>
public sealed class SiteText;

/// <summary>The words of the pages that are mostly prose (search, print, articles, about, privacy, the report form, open
/// data, the widget), in PageText.resx and PageText.{tag}.resx, through IStringLocalizer&lt;PageText&gt; (<c>P["..."]</c>).</summary>
public sealed class PageText;

/// <summary>The words around the articles (their list, the notice on an article not yet translated, reviewed dates), in
/// ArticleText.resx and ArticleText.{tag}.resx, through IStringLocalizer&lt;ArticleText&gt; (<c>A["..."]</c>).</summary>
public sealed class ArticleText;

public static class Text
{
    private static readonly ResourceManager Resources = new(typeof(SiteText).FullName!, typeof(SiteText).Assembly);

    /// <summary>The text for a key in the current UI culture; the English text when the language lacks it. A key with no
    /// text at all comes back as itself, which the translation tests catch.</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>The text for a key in a given language: a language's own name is written in that language.</summary>
    public static string GetIn(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>A date the way the reader's language writes it: "22 November 2026", "22. november 2026".</summary>
    public static string Date(DateOnly date) => date.ToString(Get("Format.Date"), CultureInfo.CurrentCulture);

    /// <summary>The keys and texts of one language's file only (no fallback), for the tests that compare languages.</summary>
    public static IReadOnlyDictionary<string, string> Entries(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (set is null) return result;
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            if (entry.Value is string value) result[(string)entry.Key] = value;
        }
        return result;
    }
}
