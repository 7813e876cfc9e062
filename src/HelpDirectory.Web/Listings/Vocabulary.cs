using HelpDirectory.Web.Data;
using HelpDirectory.Web.Localization;

namespace HelpDirectory.Web.Listings;

public static class Vocabulary
{
    /// <summary>A value with its address word (the same in every language) and its label in the reader's language
    /// (SiteText: {Group}.{Slug}).</summary>
    public sealed record Term<T>(T Value, string Slug, string Group)
    {
        public string Label => Text.Get($"{Group}.{Slug}");
    }

    public static readonly IReadOnlyList<Term<ContactMethods>> Contact =
    [
        new(ContactMethods.Phone, "phone", "Contact"),
        new(ContactMethods.Text, "text", "Contact"),
        new(ContactMethods.Chat, "chat", "Contact"),
        new(ContactMethods.Video, "video", "Contact"),
        new(ContactMethods.Email, "email", "Contact"),
        new(ContactMethods.InPerson, "in-person", "Contact"),
        new(ContactMethods.Web, "web", "Contact"),
    ];

    public static readonly IReadOnlyList<Term<Audiences>> Audience =
    [
        new(Audiences.All, "all", "Audience"),
        new(Audiences.Youth, "youth", "Audience"),
        new(Audiences.Adults, "adults", "Audience"),
        new(Audiences.Lgbtqia, "lgbtqia", "Audience"),
        new(Audiences.ParentsCarers, "parents-carers", "Audience"),
        new(Audiences.Professionals, "professionals", "Audience"),
    ];

    public static readonly IReadOnlyList<Term<Approaches>> Approach =
    [
        new(Approaches.Dbt, "dbt", "Approach"),
        new(Approaches.Cbt, "cbt", "Approach"),
        new(Approaches.Mbt, "mbt", "Approach"),
        new(Approaches.Mbct, "mbct", "Approach"),
        new(Approaches.Emdr, "emdr", "Approach"),
        new(Approaches.Psychodynamic, "psychodynamic", "Approach"),
        new(Approaches.CompassionFocused, "compassion-focused", "Approach"),
        new(Approaches.Affirmative, "affirmative", "Approach"),
        new(Approaches.Family, "family", "Approach"),
        new(Approaches.Group, "group", "Approach"),
        new(Approaches.IptA, "ipt-a", "Approach"),
    ];

    public static readonly IReadOnlyList<Term<CostKind>> Cost =
    [
        new(CostKind.Free, "free", "Cost"),
        new(CostKind.Paid, "paid", "Cost"),
        new(CostKind.Insurance, "insurance", "Cost"),
        new(CostKind.Mixed, "mixed", "Cost"),
        new(CostKind.Unknown, "unknown", "Cost"),
    ];

    public static bool TryParse<T>(IReadOnlyList<Term<T>> terms, string? slug, out T value)
    {
        var term = terms.FirstOrDefault(t => string.Equals(t.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = term is null ? default! : term.Value;
        return term is not null;
    }

    public static TFlags ParseFlags<TFlags>(IReadOnlyList<Term<TFlags>> terms, IEnumerable<string> slugs, ICollection<string>? unknown = null)
        where TFlags : struct, Enum
    {
        var result = 0;
        foreach (var slug in slugs)
        {
            if (TryParse(terms, slug, out var value))
            {
                result |= Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                unknown?.Add(slug);
            }
        }
        return (TFlags)Enum.ToObject(typeof(TFlags), result);
    }

    public static IEnumerable<Term<TFlags>> Labels<TFlags>(IReadOnlyList<Term<TFlags>> terms, TFlags flags)
        where TFlags : struct, Enum =>
        terms.Where(t => flags.HasFlag(t.Value) && Convert.ToInt32(t.Value, System.Globalization.CultureInfo.InvariantCulture) != 0);

    public static string Label<T>(IReadOnlyList<Term<T>> terms, T value) =>
        terms.FirstOrDefault(t => EqualityComparer<T>.Default.Equals(t.Value, value))?.Label ?? value?.ToString() ?? "";
}
