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

    /// <summary>A record only read from a website, or one we are not sure of: what editors should confirm next.</summary>
    public sealed record ToConfirmRow(string What, string Name, string EditPath, string Confidence, DateOnly? LastChecked, IReadOnlyList<string> Sources);

    public IReadOnlyList<StaleRow> Stale { get; private set; } = [];
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];
    public IReadOnlyList<ToConfirmRow> ToConfirm { get; private set; } = [];
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

        var lines = await db.CrisisLines.AsNoTracking()
            .Where(l => l.Status == ListingStatus.Published && l.Confidence == Confidences.Medium && l.CheckMethod == CheckMethod.Website)
            .Select(l => new { l.Id, l.Name, l.RegionCode, l.Confidence, l.LastVerified, l.Source }).ToListAsync(ct);
        var listings = await db.Services.AsNoTracking()
            // Desk-checked listings, and any we are not sure of however they were checked; a confirmed high one is done.
            .Where(s => s.Status == ListingStatus.Published && (s.CheckMethod == CheckMethod.Website || s.Confidence != Confidences.High))
            .Select(s => new { s.Id, s.Name, s.Confidence, s.LastVerified, s.Source }).ToListAsync(ct);
        ToConfirm = lines.Select(l => new ToConfirmRow($"Crisis line ({l.RegionCode ?? "international"})", l.Name, $"/admin/crisis-lines/edit/{l.Id}", l.Confidence, l.LastVerified, Links(l.Source)))
            .Concat(listings.Select(s => new ToConfirmRow("Listing", s.Name, $"/admin/services/{s.Id}/edit", s.Confidence, s.LastVerified, Links(s.Source))))
            .OrderBy(r => r.LastChecked ?? DateOnly.MinValue).ThenBy(r => r.What.StartsWith("Listing", StringComparison.Ordinal)).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(200).ToList();
    }

    /// <summary>The web addresses among a record's sources, so each is one click away.</summary>
    private static IReadOnlyList<string> Links(string sources) =>
        sources.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(s => Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
            .Take(3).ToList();
}
