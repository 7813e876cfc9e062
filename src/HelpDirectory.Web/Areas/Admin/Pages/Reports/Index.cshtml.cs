using HelpDirectory.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.Reports;

public sealed class IndexModel(HelpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, int ServiceId, string ServiceName, string Problem, string Details, DateTime At, ReportStatus Status, string? HandledBy, DateTime? HandledAt, string? HandledNote);

    public IReadOnlyList<Row> Open { get; private set; } = [];
    public IReadOnlyList<Row> Handled { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Open = await Rows(db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open).OrderBy(r => r.At)).ToListAsync(ct);
        Handled = await Rows(db.Reports.AsNoTracking().Where(r => r.Status != ReportStatus.Open).OrderByDescending(r => r.HandledAt).Take(50)).ToListAsync(ct);
    }

    private static IQueryable<Row> Rows(IQueryable<Report> reports) =>
        reports.Select(r => new Row(r.Id, r.ServiceId, r.Service!.Name, r.Problem, r.Details, r.At, r.Status, r.HandledBy, r.HandledAt, r.HandledNote));

    public Task<IActionResult> OnPostResolveAsync(int id, string? note, CancellationToken ct) => HandleAsync(id, ReportStatus.Resolved, note, ct);
    public Task<IActionResult> OnPostDismissAsync(int id, string? note, CancellationToken ct) => HandleAsync(id, ReportStatus.Dismissed, note, ct);

    private async Task<IActionResult> HandleAsync(int id, ReportStatus status, string? note, CancellationToken ct)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return NotFound();
        if (report.Status == ReportStatus.Open)
        {
            report.Status = status;
            report.HandledBy = User.Identity?.Name ?? "unknown";
            report.HandledAt = clock.GetUtcNow().UtcDateTime;
            report.HandledNote = note is { Length: > 0 } ? note[..Math.Min(note.Length, 1000)] : null;
            await db.SaveChangesAsync(ct);
        }
        return Redirect("/admin/reports");
    }
}
