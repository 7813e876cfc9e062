using System.Globalization;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.CrisisLines;

public sealed class EditModel(HelpDbContext db, RecordEditor editor, ServiceEditor services) : PageModel
{
    public const string EntityType = "crisis-line";

    [BindProperty] public CrisisLineForm Form { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    [BindProperty] public long? RestoredFrom { get; set; }
    public IReadOnlyList<Revision> History { get; private set; } = [];
    public bool Conflict { get; private set; }
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, long? revision, CancellationToken ct)
    {
        if (id is null) return Page();
        var line = await db.CrisisLines.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (line is null) return NotFound();
        Form = CrisisLineForm.From(line);
        Version = line.Version;
        await LoadHistoryAsync(id.Value, ct);
        if (revision is { } r && History.FirstOrDefault(h => h.Id == r) is { } old)
        {
            Form = CrisisLineForm.FromFields(RevisionLog.Snapshot(old));
            RestoredFrom = r;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var line = id is null ? new CrisisLine { Name = "" } : await db.CrisisLines.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (line is null) return NotFound();
        if (Form.RegionCode is { Length: > 0 } code && !await db.Regions.AnyAsync(r => r.Code == code.ToUpper(), ct))
            ModelState.AddModelError("Form.RegionCode", "Use a known region code such as NO or GB-SCT, or leave it empty for an international service.");
        if (ModelState.IsValid)
        {
            var reference = await services.ReferenceDataAsync(ct);
            Form.ShortCodes = Form.RegionCode is { Length: >= 2 } rc && reference.ShortCodes.TryGetValue(rc[..2], out var sc) ? sc : new HashSet<string>();
            var result = await editor.SaveAsync(line, id is null, Version, EntityType, l => l.Id.ToString(CultureInfo.InvariantCulture),
                l => CrisisLineForm.From(l).Fields(), Form, User.Identity?.Name ?? "unknown",
                id is null ? "created" : RestoredFrom is { } r ? $"restored revision {r}" : "updated", ct);
            switch (result)
            {
                case RecordResult.Saved saved: return Redirect($"/admin/crisis-lines/edit/{saved.Key}?saved=1");
                case RecordResult.Invalid invalid: foreach (var (f, m) in invalid.Errors) ModelState.AddModelError($"Form.{f}", m); break;
                case RecordResult.Conflict: Conflict = true; break;
            }
        }
        if (id is not null) await LoadHistoryAsync(id.Value, ct);
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadHistoryAsync(int id, CancellationToken ct)
    {
        Id = id;
        History = await editor.HistoryAsync(EntityType, id.ToString(CultureInfo.InvariantCulture), ct);
    }
}
