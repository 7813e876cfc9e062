using HelpDirectory.Web.Data;
using HelpDirectory.Web.Regions;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Listings;

public sealed record ServiceCard(
    int Id,
    string Slug,
    string Name,
    string Organization,
    HelpKind Kind,
    string Description,
    ContactMethods Contact,
    CostKind Cost,
    bool Is24x7,
    string TimeZone,
    Reach Reach,
    DateOnly? LastVerified)
{
    public OpeningStatus Status { get; init; } = new(OpenState.Unknown, OpeningHours.NotListed);
    public OpenState Open => Status.State;
    public IReadOnlyList<ServicePhone> Phones { get; init; } = [];

    /// <summary>The listing's texts in the request's language, when it is not English (<see cref="ServiceCards.CompleteAsync"/>).</summary>
    public IReadOnlyList<ServiceText> Texts { get; init; } = [];

    /// <summary>Search only: the passage that matched, HTML-encoded with the matched words in &lt;mark&gt;.</summary>
    public string? SnippetHtml { get; init; }

    /// <summary>The index holds the English: on a page in another language, a listing with a translation shows its
    /// summary instead, and one without shows the English passage marked as English.</summary>
    public bool ShowsSnippet => SnippetHtml is not null && (SnippetLang is null || LocalSummary.LangWhenFallback is not null);

    public string? SnippetLang => Translations.IsEnglish(Translations.CurrentLanguage) ? null : Translations.English;

    public string Summary => Shorten(Description);

    /// <summary>The summary in the request's language, marked as English when there is no translation.</summary>
    public LocalText LocalSummary
    {
        get
        {
            var text = Texts.Local(TextFields.Description, Description);
            return text with { Text = Shorten(text.Text) };
        }
    }

    private static string Shorten(string text) => text.Length <= 220 ? text : text[..text.LastIndexOf(' ', 217)] + "…";
}

public sealed record CardPage(IReadOnlyList<ServiceCard> Cards, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The listing cards that the place, kind and search pages show, fetched with only the columns they need.</summary>
public static class ServiceCards
{
    public static IQueryable<ServiceCard> ToCards(this IQueryable<Service> services, Place? place)
    {
        var cc = place?.Country.CountryCode ?? "";
        var sc = place?.Subdivision?.Code;
        // Reach is computed in SQL, sorted on (local first), and only then shaped into the card record.
        return services
            .Select(s => new
            {
                s.Id, s.Slug, s.Name, Organization = s.Organization!.Name, s.Kind, s.Description, s.ContactMethods, s.Cost, s.Is24x7, s.TimeZone, s.LastVerified,
                // The country is in the test even for a subdivision, so the index on ServiceAreas answers it exactly.
                Reach = s.Areas.Any(a => a.Scope == AreaScope.Subdivision && a.CountryCode == cc && (sc == null || a.SubdivisionCode == sc)) ? Reach.Local
                    : s.Areas.Any(a => a.Scope == AreaScope.Country && a.CountryCode == cc) ? Reach.National
                    : Reach.International,
            })
            .OrderBy(c => c.Reach).ThenBy(c => c.Name)
            .Select(c => new ServiceCard(c.Id, c.Slug, c.Name, c.Organization, c.Kind, c.Description, c.ContactMethods, c.Cost, c.Is24x7, c.TimeZone, c.Reach, c.LastVerified));
    }

    /// <summary>One page of cards, with "open now" applied (it needs each service's hours in its own time zone, so it is
    /// decided here rather than in SQL) and each card's phones and opening state filled in. Without a filter: the first
    /// page, open or not.</summary>
    public static async Task<CardPage> PageAsync(this IQueryable<Service> filtered, Place? place, ListingFilter? filter,
        DateTimeOffset now, HelpDbContext db, CancellationToken ct)
    {
        var size = ListingFilter.PageSize;
        var page = filter?.Page ?? 1;
        var openNowOnly = filter?.OpenNow ?? false;
        List<ServiceCard> cards;
        int total;
        if (openNowOnly)
        {
            var ordered = await (await filtered.OpenAtAsync(now, ct)).ToCards(place).ToListAsync(ct);
            total = ordered.Count;
            cards = ordered.Skip((page - 1) * size).Take(size).ToList();
        }
        else
        {
            var query = filtered.ToCards(place);
            total = await query.CountAsync(ct);
            cards = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        }

        return new CardPage(await cards.CompleteAsync(place, now, db, ct), total, page, size);
    }

    /// <summary>Those of the services that are open at the moment: decided in memory, since each service's hours are in
    /// its own time zone.</summary>
    public static async Task<IQueryable<Service>> OpenAtAsync(this IQueryable<Service> filtered, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = await filtered
            .Select(s => new { s.Id, s.Is24x7, s.TimeZone, Hours = s.Hours.ToList() })
            .ToListAsync(ct);
        var openIds = candidates
            .Where(c => OpeningHours.StatusAt(c.Is24x7, c.TimeZone, c.Hours, now).IsOpen)
            .Select(c => c.Id).ToHashSet();
        return filtered.Where(s => openIds.Contains(s.Id));
    }

    /// <summary>Each card with its phones, its opening status (in words, for the place being viewed) and, on a page in
    /// another language than English, its texts in that language: one query each for the whole page.</summary>
    public static async Task<List<ServiceCard>> CompleteAsync(this IReadOnlyList<ServiceCard> cards, Place? place, DateTimeOffset now, HelpDbContext db, CancellationToken ct)
    {
        var ids = cards.Select(c => c.Id).ToList();
        var hours = (await db.ServiceHours.AsNoTracking().Where(h => ids.Contains(h.ServiceId)).ToListAsync(ct)).ToLookup(h => h.ServiceId);
        var phones = (await db.ServicePhones.AsNoTracking().Where(p => ids.Contains(p.ServiceId)).OrderBy(p => p.SortOrder).ToListAsync(ct)).ToLookup(p => p.ServiceId);
        var language = Translations.CurrentLanguage;
        var texts = (Translations.IsEnglish(language) ? [] : await db.ServiceTexts.ForLanguage(ids, language).ToListAsync(ct)).ToLookup(t => t.ServiceId);

        return cards.Select(c => c with
        {
            Status = OpeningHours.StatusAt(c.Is24x7, c.TimeZone, hours[c.Id].ToList(), now, place?.Most.TimeZone),
            Phones = phones[c.Id].ToList(),
            Texts = texts[c.Id].ToList(),
        }).ToList();
    }

    /// <summary>The texts of these listings in one language (<c>nb-no</c>) or its primary language (<c>nb</c>).</summary>
    public static IQueryable<ServiceText> ForLanguage(this IQueryable<ServiceText> texts, IReadOnlyCollection<int> ids, string language)
    {
        var primary = Translations.Primary(language);
        return texts.AsNoTracking().Where(t => ids.Contains(t.ServiceId) && (t.Language == primary || t.Language == language));
    }
}
