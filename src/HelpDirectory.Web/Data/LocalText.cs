using System.Globalization;

namespace HelpDirectory.Web.Data;

/// <summary>
/// A record's text in the reader's language. <see cref="LangWhenFallback"/> is set (to <c>en</c>) only when the text is
/// the English because there is no version in the reader's language, so a view writes <c>lang="en"</c> on exactly those
/// (Razor leaves out an attribute whose value is null).
/// </summary>
public readonly record struct LocalText(string Text, string? LangWhenFallback)
{
    public override string ToString() => Text;
}

/// <summary>Picks a field's text for a language from a record's translations; the record's own columns are the English.</summary>
public static class Translations
{
    public const string English = "en";

    /// <summary>
    /// The languages editors write listings and crisis lines in besides English: the fields the forms show and the columns
    /// an export writes. They are the site's configured languages (set at start, <see cref="UseLanguages"/>); any other
    /// language a record has is kept too.
    /// </summary>
    public static IReadOnlyList<string> OtherLanguages { get; private set; } = ["nb"];

    public static void UseLanguages(IEnumerable<string> tags) =>
        OtherLanguages = tags.Select(LanguageTags.Normalize).OfType<string>().Where(t => !IsEnglish(t)).Distinct().ToList();

    /// <summary>The request's language (from <see cref="CultureInfo.CurrentUICulture"/>, which localization sets per request).</summary>
    public static string CurrentLanguage => LanguageOf(CultureInfo.CurrentUICulture);

    public static string LanguageOf(CultureInfo culture) => LanguageTags.Normalize(culture.Name) ?? English;

    public static bool IsEnglish(string language) => language == English || language.StartsWith("en-", StringComparison.Ordinal);

    /// <summary>The primary language of a tag (<c>nb</c> for <c>nb-no</c>): what translations are stored under.</summary>
    public static string Primary(string language) => language.Split('-')[0];

    /// <summary>The field in the request's language.</summary>
    public static LocalText Local(this IEnumerable<ITranslatedText>? texts, string field, string? english) =>
        texts.Local(field, english, CurrentLanguage);

    public static LocalText Local(this IEnumerable<ITranslatedText>? texts, string field, string? english, string language)
    {
        english ??= "";
        if (IsEnglish(language)) return new LocalText(english, null);
        var primary = Primary(language);
        string? found = null;
        foreach (var t in texts ?? [])
        {
            if (t.Field != field || t.Text.Length == 0) continue;
            if (t.Language == language) return new LocalText(t.Text, null);
            if (t.Language == primary) found = t.Text;
        }
        return found is not null ? new LocalText(found, null) : new LocalText(english, english.Length == 0 ? null : English);
    }
}
