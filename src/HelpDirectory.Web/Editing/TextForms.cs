using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Editing;

/// <summary>A listing's description and cost note in one language besides English.</summary>
public sealed class ListingTextForm
{
    public string Language { get; set; } = "";
    [StringLength(4000)] public string? Description { get; set; }
    [StringLength(500), Display(Name = "Cost note")] public string? CostNote { get; set; }

    public bool HasText => !string.IsNullOrWhiteSpace(Description) || !string.IsNullOrWhiteSpace(CostNote);
}

/// <summary>A crisis line's hours and cost note in one language besides English.</summary>
public sealed class CrisisLineTextForm
{
    public string Language { get; set; } = "";
    [StringLength(200)] public string? Hours { get; set; }
    [StringLength(500), Display(Name = "Cost note")] public string? CostNote { get; set; }

    public bool HasText => !string.IsNullOrWhiteSpace(Hours) || !string.IsNullOrWhiteSpace(CostNote);
}

/// <summary>
/// How a form carries texts in other languages: as flat fields named <c>Field@language</c> (<c>Description@nb</c>) in
/// revisions and CSV columns, one group per language on the page, and rows of <see cref="ITranslatedText"/> in the database.
/// </summary>
public static partial class TextForms
{
    public static string Key(string field, string language) => $"{field}@{language}";

    /// <summary>The languages a form shows: the site's other languages, then any other the record already has.</summary>
    public static IEnumerable<string> LanguagesOf(IEnumerable<string> present) =>
        Translations.OtherLanguages.Concat(present.Where(l => !Translations.OtherLanguages.Contains(l)).Distinct().Order(StringComparer.Ordinal));

    /// <summary>The languages named in flat fields (<c>Description@nb</c> gives <c>nb</c>).</summary>
    public static IEnumerable<string> LanguagesIn(IEnumerable<string> keys) =>
        LanguagesOf(keys.Select(k => k.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? k[(at + 1)..] : null).OfType<string>());

    public static string? Text(IEnumerable<ITranslatedText> texts, string language, string field) =>
        texts.FirstOrDefault(t => t.Language == language && t.Field == field)?.Text;

    /// <summary>Why a language tag cannot hold translations, or null when it can.</summary>
    public static string? LanguageProblem(string language) =>
        LanguageTags.Normalize(language) != language ? $"\"{language}\" is not {LanguageTags.Rule}, in lowercase."
        : Translations.IsEnglish(language) ? "English is the listing's own text, not a translation." : null;

    /// <summary>Makes a record's rows match the wanted texts, changing rows in place (so no key is deleted and added in one save).</summary>
    public static void Sync<T>(List<T> rows, IReadOnlyCollection<(string Language, string Field, string Text)> wanted, Func<string, string, T> create)
        where T : class, ITranslatedText
    {
        rows.RemoveAll(r => !wanted.Any(w => w.Language == r.Language && w.Field == r.Field));
        foreach (var (language, field, text) in wanted)
        {
            if (rows.FirstOrDefault(r => r.Language == language && r.Field == field) is { } row) row.Text = text;
            else
            {
                var added = create(language, field);
                added.Text = text;
                rows.Add(added);
            }
        }
    }

    /// <summary>A phone line's notes in other languages, written after its English note: "| nb: note".</summary>
    public static string PhoneNotes(IEnumerable<ITranslatedText> texts, int sortOrder) =>
        string.Concat(texts.Where(t => t.Field == TextFields.Phone(sortOrder)).OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => $" | {t.Language}: {t.Text}"));

    /// <summary>Reads "nb: note" from a phone line's parts after the English note.</summary>
    public static bool TryReadPhoneNote(string part, out string language, out string note)
    {
        var match = PhoneNote().Match(part);
        language = match.Success ? match.Groups[1].Value.ToLowerInvariant() : "";
        note = match.Success ? match.Groups[2].Value.Trim() : "";
        return match.Success && LanguageProblem(language) is null;
    }

    public static bool HasHtml(string? text) => text is not null && text.Contains('<', StringComparison.Ordinal) && HtmlTag().IsMatch(text);

    [GeneratedRegex(@"^([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\s*:\s*(.*)$", RegexOptions.Singleline)] private static partial Regex PhoneNote();
    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")] private static partial Regex HtmlTag();
}
