using System.Globalization;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.Organizations;

public sealed class EditModel(HelpDbContext db, RecordEditor editor) : PageModel
{
    public const string EntityType = "organization";

    [BindProperty] public OrganizationForm Form { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    [BindProperty] public long? RestoredFrom { get; set; }
    public IReadOnlyList<Revision> History { get; private set; } = [];
    public bool Conflict { get; private set; }
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, long? revision, CancellationToken ct)
    {
        if (id is null) return Page();
        var org = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return NotFound();
        Form = OrganizationForm.From(org);
        Version = org.Version;
        await LoadHistoryAsync(id.Value, ct);
        if (revision is { } r && History.FirstOrDefault(h => h.Id == r) is { } old)
        {
            Form = OrganizationForm.FromFields(RevisionLog.Snapshot(old));
            RestoredFrom = r;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var org = id is null ? new Organization { Key = "", Name = "" } : await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return NotFound();
        if (ModelState.IsValid)
        {
            var result = await editor.SaveAsync(org, id is null, Version, EntityType, o => o.Id.ToString(CultureInfo.InvariantCulture),
                o => OrganizationForm.From(o).Fields(), Form, User.Identity?.Name ?? "unknown", Action(id), ct);
            switch (result)
            {
                case RecordResult.Saved saved: return Redirect($"/admin/organizations/edit/{saved.Key}?saved=1");
                case RecordResult.Invalid invalid: foreach (var (f, m) in invalid.Errors) ModelState.AddModelError($"Form.{f}", m); break;
                case RecordResult.Conflict: Conflict = true; break;
            }
        }
        if (id is not null) await LoadHistoryAsync(id.Value, ct);
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private string Action(int? id) => id is null ? "created" : RestoredFrom is { } r ? $"restored revision {r}" : "updated";

    private async Task LoadHistoryAsync(int id, CancellationToken ct)
    {
        Id = id;
        History = await editor.HistoryAsync(EntityType, id.ToString(CultureInfo.InvariantCulture), ct);
    }
}
