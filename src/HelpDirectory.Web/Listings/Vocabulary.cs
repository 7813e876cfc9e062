using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Listings;

public static class Vocabulary
{
    public sealed record Term<T>(T Value, string Slug, string Label);

    public static readonly IReadOnlyList<Term<ContactMethods>> Contact =
    [
        new(ContactMethods.Phone, "phone", "Phone"),
        new(ContactMethods.Text, "text", "Text message"),
        new(ContactMethods.Chat, "chat", "Online chat"),
        new(ContactMethods.Video, "video", "Video"),
        new(ContactMethods.Email, "email", "Email"),
        new(ContactMethods.InPerson, "in-person", "In person"),
        new(ContactMethods.Web, "web", "Website"),
    ];

    public static readonly IReadOnlyList<Term<Audiences>> Audience =
    [
        new(Audiences.All, "all", "Everyone"),
        new(Audiences.Youth, "youth", "Young people"),
        new(Audiences.Adults, "adults", "Adults"),
        new(Audiences.Lgbtqia, "lgbtqia", "LGBTQIA+ people"),
        new(Audiences.ParentsCarers, "parents-carers", "Parents and carers"),
        new(Audiences.Professionals, "professionals", "Professionals"),
    ];

    public static readonly IReadOnlyList<Term<Approaches>> Approach =
    [
        new(Approaches.Dbt, "dbt", "DBT (dialectical behaviour therapy)"),
        new(Approaches.Cbt, "cbt", "CBT (cognitive behavioural therapy)"),
        new(Approaches.Mbt, "mbt", "MBT (mentalization-based treatment)"),
        new(Approaches.Mbct, "mbct", "MBCT (mindfulness-based cognitive therapy)"),
        new(Approaches.Emdr, "emdr", "EMDR"),
        new(Approaches.Psychodynamic, "psychodynamic", "Psychodynamic therapy"),
        new(Approaches.CompassionFocused, "compassion-focused", "Compassion-focused therapy"),
        new(Approaches.Affirmative, "affirmative", "Affirmative therapy"),
        new(Approaches.Family, "family", "Family therapy"),
        new(Approaches.Group, "group", "Group therapy"),
        new(Approaches.IptA, "ipt-a", "IPT-A (interpersonal therapy for adolescents)"),
    ];

    public static readonly IReadOnlyList<Term<CostKind>> Cost =
    [
        new(CostKind.Free, "free", "Free"),
        new(CostKind.Paid, "paid", "Paid"),
        new(CostKind.Insurance, "insurance", "Covered by insurance"),
        new(CostKind.Mixed, "mixed", "Free and paid options"),
        new(CostKind.Unknown, "unknown", "Cost not stated"),
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
