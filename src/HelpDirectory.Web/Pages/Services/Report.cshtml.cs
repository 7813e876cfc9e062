using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpDirectory.Web.Pages.Services;

[EnableRateLimiting(AdminSetup.ReportLimit)]
public sealed class ReportModel(HelpDbContext db, TimeProvider clock, IStringLocalizer<PageText> text) : PageModel
{
    public const int MaxDetails = 1000;

    /// <summary>The value stored with a report (editors read it), and the key of the words a visitor reads.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Problems =
    [
        ("wrong-number", "Report.Problem.WrongNumber"),
        ("closed", "Report.Problem.Closed"),
        ("wrong-hours", "Report.Problem.WrongHours"),
        ("wrong-details", "Report.Problem.WrongDetails"),
        ("concern", "Report.Problem.Concern"),
    ];

    // Checked in OnPostAsync rather than by attributes, so the messages are in the reader's language.
    public sealed class InputModel
    {
        public string? Problem { get; set; }
        public string? Details { get; set; }
        // A field people never see (hidden with CSS and from screen readers); bots fill it in.
        public string? Website { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string ServiceName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct) =>
        await FindAsync(slug, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken ct)
    {
        if (await FindAsync(slug, ct) is not { } id) return NotFound();
        if (Problems.All(p => p.Value != Input.Problem)) ModelState.AddModelError("Input.Problem", text["Report.ChooseProblem"]);
        if (Input.Details is { Length: > MaxDetails }) ModelState.AddModelError("Input.Details", text["Report.DetailsTooLong", MaxDetails]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (string.IsNullOrEmpty(Input.Website))
        {
            db.Reports.Add(new Report { ServiceId = id, Problem = Input.Problem!, Details = (Input.Details ?? "").Trim(), At = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        return Redirect(HttpContext.Href($"/services/{slug}/report?sent=1"));
    }

    private async Task<int?> FindAsync(string? slug, CancellationToken ct)
    {
        // A slug of only spaces is bound as null.
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 200) return null;
        var service = await db.Services.AsNoTracking().Published().Where(s => s.Slug == slug)
            .Select(s => new { s.Id, s.Name, s.Slug }).SingleOrDefaultAsync(ct);
        if (service is null) return null;
        ServiceName = service.Name;
        Slug = service.Slug;
        Sent = Request.Query["sent"] == "1";
        return service.Id;
    }
}
