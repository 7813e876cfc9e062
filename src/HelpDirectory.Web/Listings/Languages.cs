using HelpDirectory.Web.Localization;

namespace HelpDirectory.Web.Listings;

/// <summary>The names of the language codes listings use, in the reader's language, from ICU (see
/// <see cref="Names"/>). A code ICU does not know shows as itself; a test checks that every language in the published
/// seed has a name.</summary>
public static class Languages
{
    public static string Name(string code) => Names.Language(code);
}
