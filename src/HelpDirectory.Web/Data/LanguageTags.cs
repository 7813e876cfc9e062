using System.Text.RegularExpressions;

namespace HelpDirectory.Web.Data;

/// <summary>
/// The one reading of a BCP 47 language tag as we store it: a primary language (2-3 letters) and optional subtags, in
/// lowercase (<c>en</c>, <c>nb</c>, <c>es-us</c>, <c>zh-hant</c>). Listings, region defaults and the directory's language
/// filter all read tags through here.
/// </summary>
public static partial class LanguageTags
{
    public const string Rule = "a language code such as en, nb or es-US";

    /// <summary>The tag in the form we store it, or null when it is not a language tag.</summary>
    public static string? Normalize(string? tag)
    {
        var trimmed = tag?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 35) return null;
        var lower = trimmed.Replace('_', '-').ToLowerInvariant();
        return Tag().IsMatch(lower) ? lower : null;
    }

    /// <summary>A primary language subtag alone (<c>nb</c>, <c>sv</c>), as a region's "languages that mean this country".</summary>
    public static bool IsPrimaryLanguage(string? tag) => Normalize(tag) is { } t && !t.Contains('-', StringComparison.Ordinal);

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$")] private static partial Regex Tag();
}
