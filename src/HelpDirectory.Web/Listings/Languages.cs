namespace HelpDirectory.Web.Listings;

/// <summary>
/// English names for the language codes listings use. The site runs with invariant globalization (no ICU: it saves memory
/// and makes every page the same whatever the server's locale), so the names are kept here rather than asked of the
/// platform. A code not listed shows as itself; a test checks that every language in the published seed has a name.
/// </summary>
public static class Languages
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English",
        ["de"] = "German",
        ["fr"] = "French",
        ["es"] = "Spanish",
        ["no"] = "Norwegian",
        ["nb"] = "Norwegian Bokmål",
        ["nn"] = "Norwegian Nynorsk",
        ["sv"] = "Swedish",
        ["da"] = "Danish",
        ["fi"] = "Finnish",
        ["is"] = "Icelandic",
        ["it"] = "Italian",
        ["nl"] = "Dutch",
        ["pt"] = "Portuguese",
        ["pl"] = "Polish",
        ["ja"] = "Japanese",
        ["ko"] = "Korean",
        ["zh"] = "Chinese",
        ["th"] = "Thai",
        ["vi"] = "Vietnamese",
        ["id"] = "Indonesian",
        ["cr"] = "Cree",
        ["oj"] = "Ojibwa",
        ["iu"] = "Inuktitut",
        ["se"] = "Northern Sami",
        ["smj"] = "Lule Sami",
        ["sma"] = "Southern Sami",
        ["ar"] = "Arabic",
        ["tr"] = "Turkish",
        ["ru"] = "Russian",
        ["uk"] = "Ukrainian",
        ["cy"] = "Welsh",
        ["ga"] = "Irish",
        ["gd"] = "Scottish Gaelic",
        ["mi"] = "Māori",
        ["hi"] = "Hindi",
        ["ur"] = "Urdu",
        ["bn"] = "Bangla",
        ["pa"] = "Punjabi",
        ["ta"] = "Tamil",
        ["tl"] = "Tagalog",
        ["fil"] = "Filipino",
        ["ms"] = "Malay",
        ["he"] = "Hebrew",
        ["el"] = "Greek",
        ["cs"] = "Czech",
        ["sk"] = "Slovak",
        ["hu"] = "Hungarian",
        ["ro"] = "Romanian",
        ["bg"] = "Bulgarian",
        ["hr"] = "Croatian",
        ["sr"] = "Serbian",
        ["sl"] = "Slovenian",
        ["et"] = "Estonian",
        ["lv"] = "Latvian",
        ["lt"] = "Lithuanian",
        ["fa"] = "Persian",
        ["so"] = "Somali",
        ["sw"] = "Swahili",
        ["af"] = "Afrikaans",
        ["zu"] = "Zulu",
        ["xh"] = "Xhosa",
        ["am"] = "Amharic",
        ["ti"] = "Tigrinya",
        ["ps"] = "Pashto",
        ["ku"] = "Kurdish",
        ["yue"] = "Cantonese",
        ["kl"] = "Kalaallisut",
        ["fo"] = "Faroese",
        ["sm"] = "Samoan",
        ["to"] = "Tongan",
        ["haw"] = "Hawaiian",
        ["ase"] = "American Sign Language",
    };

    /// <summary>The English name of a BCP 47 code ("nb" is "Norwegian Bokmål", "pt-BR" is "Portuguese (BR)"), or the code
    /// itself when it is not known here.</summary>
    public static string Name(string code)
    {
        if (Names.TryGetValue(code, out var name)) return name;
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && Names.TryGetValue(code[..dash], out var language))
        {
            return $"{language} ({code[(dash + 1)..].ToUpperInvariant()})";
        }
        return code;
    }
}
