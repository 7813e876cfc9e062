using System.Text.RegularExpressions;

namespace HelpDirectory.Web.Data;

/// <summary>
/// The one rule for every address word we store: listings', regions' and articles' slugs and organisations' keys. The
/// form attributes use <see cref="Pattern"/>; the seed loader, import and the article store call <see cref="IsValid"/>.
/// </summary>
public static partial class Slugs
{
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public const string Rule = "Use lowercase letters, digits and single hyphens, for example \"samaritans-helpline\".";
    public const int MaxLength = 100;

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= MaxLength } && SlugPattern().IsMatch(slug);

    [GeneratedRegex(Pattern)] private static partial Regex SlugPattern();
}
