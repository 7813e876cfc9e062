using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDirectory.Web.Areas.Admin.Pages.Services;

public sealed class IndexModel(HelpDbContext db, TimeProvider clock, IOptions<AdminOptions> options) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Name, string Slug, HelpKind Kind, ListingStatus Status, DateOnly? LastVerified, int OpenReports);

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Stale { get; set; }
    [BindProperty(SupportsGet = true)] public bool Reported { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Services.AsNoTracking();
        if (HelpKinds.TryParse(Kind, out var kind)) query = query.Where(s => s.Kind == kind.Kind);
        if (Country is { Length: 2 } country)
        {
            var cc = country.ToUpperInvariant();
            query = query.Where(s => s.Areas.Any(a => a.CountryCode == cc));
        }
        if (Enum.TryParse<ListingStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status)) query = query.Where(s => s.Status == status);
        if (Stale)
        {
            var before = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-options.Value.StaleAfterMonths);
            query = query.Where(s => s.LastVerified == null || s.LastVerified < before);
        }
        if (Reported) query = query.Where(s => db.Reports.Any(r => r.ServiceId == s.Id && r.Status == ReportStatus.Open));
        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= 100)
        {
            var pattern = "%" + Q.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            query = query.WhereAnyLike(db.Database, pattern, s => s.Name, s => s.Slug);
        }

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await query.OrderBy(s => s.Name).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new Row(s.Id, s.Name, s.Slug, s.Kind, s.Status, s.LastVerified, db.Reports.Count(r => r.ServiceId == s.Id && r.Status == ReportStatus.Open)))
            .ToListAsync(ct);
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["kind"] = Kind, ["country"] = Country, ["status"] = Status, ["stale"] = Stale ? "true" : null, ["reported"] = Reported ? "true" : null,
        ["q"] = Q, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}
