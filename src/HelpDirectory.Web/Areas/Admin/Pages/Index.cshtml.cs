using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDirectory.Web.Areas.Admin.Pages;

public sealed class IndexModel(HelpDbContext db, TimeProvider clock, IOptions<AdminOptions> options) : PageModel
{
    public sealed record StaleRow(int Id, string Name, string Status, DateOnly? LastVerified);
    public sealed record ReportRow(int Id, int ServiceId, string ServiceName, string Problem, string Details, DateTime At);

    public IReadOnlyList<StaleRow> Stale { get; private set; } = [];
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];
    public DateOnly StaleBefore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        StaleBefore = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-options.Value.StaleAfterMonths);
        var before = StaleBefore;
        Stale = await db.Services.AsNoTracking()
            .Where(s => s.Status != ListingStatus.Archived && (s.LastVerified == null || s.LastVerified < before))
            .OrderBy(s => s.LastVerified).ThenBy(s => s.Name)
            .Select(s => new StaleRow(s.Id, s.Name, s.Status.ToString(), s.LastVerified))
            .Take(100).ToListAsync(ct);
        Reports = await db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open)
            .OrderBy(r => r.At)
            .Select(r => new ReportRow(r.Id, r.ServiceId, r.Service!.Name, r.Problem, r.Details, r.At))
            .Take(100).ToListAsync(ct);
    }
}
