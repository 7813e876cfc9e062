using System.Text.RegularExpressions;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Listings;

/// <summary>
/// The filters of a kind page, parsed from the query string. Values that cannot be understood are dropped and described
/// in <see cref="Problems"/> so the page can say what it ignored; they never fail the request.
/// </summary>
public sealed partial class ListingFilter
{
    public const int PageSize = 20;

    public ContactMethods Contact { get; private init; }
    public bool FreeOnly { get; private init; }
    public Audiences Audience { get; private init; }
    public string? Language { get; private init; }
    public Approaches Approach { get; private init; }
    public bool OpenNow { get; private init; }
    public int Page { get; private init; } = 1;
    public IReadOnlyList<string> Problems { get; private init; } = [];

    public bool Any => Contact != 0 || FreeOnly || Audience != 0 || Language is not null || Approach != 0 || OpenNow;

    public static ListingFilter Parse(IQueryCollection query)
    {
        var problems = new List<string>();
        var unknown = new List<string>();

        var contact = Vocabulary.ParseFlags(Vocabulary.Contact, Values(query, "contact"), unknown);
        Report(problems, unknown, Text.Get("Filter.What.Contact"));
        var audience = Vocabulary.ParseFlags(Vocabulary.Audience, Values(query, "audience"), unknown);
        Report(problems, unknown, Text.Get("Filter.What.Audience"));
        var approach = Vocabulary.ParseFlags(Vocabulary.Approach, Values(query, "approach"), unknown);
        Report(problems, unknown, Text.Get("Filter.What.Approach"));

        var free = Flag(query, "free", "true", problems);
        var open = Flag(query, "open", "now", problems);

        string? language = null;
        var languageValue = Values(query, "language").FirstOrDefault();
        if (languageValue is not null)
        {
            language = LanguageTags.Normalize(languageValue);
            if (language is null) problems.Add(Text.Get("Filter.BadLanguage"));
        }

        var page = 1;
        var pageValue = query["page"].ToString();
        if (pageValue.Length > 0 && (!int.TryParse(pageValue, out page) || page < 1 || page > 10_000))
        {
            problems.Add(Text.Get("Filter.BadPage"));
            page = 1;
        }

        return new ListingFilter
        {
            Contact = contact, Audience = audience, Approach = approach, FreeOnly = free, OpenNow = open,
            Language = language, Page = page, Problems = problems,
        };
    }

    /// <summary>The filtered listings. Without the language filter: the set whose languages the language choice offers.</summary>
    public IQueryable<Service> Apply(IQueryable<Service> services, bool byLanguage = true)
    {
        var contact = Contact;
        if (contact != 0) services = services.Where(s => (s.ContactMethods & contact) == contact);
        if (FreeOnly) services = services.Where(s => s.Cost == CostKind.Free);
        var audience = Audience;
        if (audience != 0) services = services.Where(s => (s.Audiences & audience) != 0);
        var approach = Approach;
        if (approach != 0) services = services.Where(s => (s.Approaches & approach) == approach);
        if (byLanguage && Language is { } code)
        {
            var language = code;
            var prefix = language + "-";
            services = services.Where(s => s.Languages.Any(l => l.Code == language || EF.Functions.Like(l.Code, prefix + "%")));
        }
        return services;
    }

    /// <summary>The languages the given listings offer, as the language choice lists them: each primary language once
    /// ("es-US" is offered as "es"), named in words, in alphabetical order of the name.</summary>
    public static async Task<IReadOnlyList<(string Code, string Name)>> LanguagesOfAsync(IQueryable<Service> services, CancellationToken ct)
    {
        var codes = await services.SelectMany(s => s.Languages).Select(l => l.Code).Distinct().ToListAsync(ct);
        return codes.Select(c => (c.Split('-')[0].ToLowerInvariant())).Distinct()
            .Select(c => (Code: c, Name: Languages.Name(c))).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The query string for this filter on another page (or with page left out), for links that keep the filters.</summary>
    public Dictionary<string, string?> RouteValues(int? page = null)
    {
        var values = new Dictionary<string, string?>();
        var contact = Vocabulary.Labels(Vocabulary.Contact, Contact).Select(t => t.Slug).ToList();
        if (contact.Count > 0) values["contact"] = string.Join(',', contact);
        if (FreeOnly) values["free"] = "true";
        var audience = Vocabulary.Labels(Vocabulary.Audience, Audience).Select(t => t.Slug).ToList();
        if (audience.Count > 0) values["audience"] = string.Join(',', audience);
        if (Language is not null) values["language"] = Language;
        var approach = Vocabulary.Labels(Vocabulary.Approach, Approach).Select(t => t.Slug).ToList();
        if (approach.Count > 0) values["approach"] = string.Join(',', approach);
        if (OpenNow) values["open"] = "now";
        if (page is > 1) values["page"] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    // contact=phone&contact=text and contact=phone,text both work; the no-JavaScript form sends the first shape.
    private static IEnumerable<string> Values(IQueryCollection query, string key) =>
        query[key].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(v => v.Length > 0).Take(20);

    private static bool Flag(IQueryCollection query, string key, string expected, List<string> problems)
    {
        var value = query[key].ToString();
        if (value.Length == 0) return false;
        if (string.Equals(value, expected, StringComparison.OrdinalIgnoreCase)) return true;
        problems.Add(Text.Format("Filter.BadFlag", key));
        return false;
    }

    private static void Report(List<string> problems, List<string> unknown, string what)
    {
        if (unknown.Count == 0) return;
        problems.Add(Text.Format("Filter.UnknownValue", what, string.Join(", ", unknown.Take(3).Select(u => u.Length > 40 ? u[..40] + "…" : u))));
        unknown.Clear();
    }

}
