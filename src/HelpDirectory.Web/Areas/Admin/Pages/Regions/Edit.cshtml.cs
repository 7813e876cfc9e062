using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.Regions;

public sealed class EditModel(HelpDbContext db, RecordEditor editor) : PageModel
{
    public const string EntityType = "region";

    [BindProperty] public RegionForm Form { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    [BindProperty] public long? RestoredFrom { get; set; }
    /// <summary>Only for a new region: its ISO 3166 code.</summary>
    [BindProperty] public string? NewCode { get; set; }
    public IReadOnlyList<Revision> History { get; private set; } = [];
    public bool Conflict { get; private set; }
    public string? Code { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, long? revision, CancellationToken ct)
    {
        if (code is null) return Page();
        var region = await db.Regions.Include(r => r.EmergencyNumbers).SingleOrDefaultAsync(r => r.Code == code.ToUpper(), ct);
        if (region is null) return NotFound();
        Form = RegionForm.From(region);
        Version = region.Version;
        Code = region.Code;
        History = await editor.HistoryAsync(EntityType, region.Code, ct);
        if (revision is { } r && History.FirstOrDefault(h => h.Id == r) is { } old)
        {
            Form = RegionForm.FromFields(RevisionLog.Snapshot(old));
            RestoredFrom = r;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        Region? region;
        if (code is null)
        {
            var newCode = NewCode?.Trim().ToUpperInvariant() ?? "";
            var isSubdivision = newCode.Length is > 3 and <= 10 && newCode[2] == '-';
            if (!(newCode.Length == 2 && newCode.All(char.IsAsciiLetterUpper)) && !isSubdivision) ModelState.AddModelError(nameof(NewCode), "Use an ISO 3166 code: NO for a country, NO-03 for a region within it.");
            else if (isSubdivision && newCode[..2] is var country && !await db.Regions.AnyAsync(r => r.Code == country, ct)) ModelState.AddModelError(nameof(NewCode), "Add the country first.");
            region = new Region { Code = newCode, CountryCode = newCode.Length >= 2 ? newCode[..2] : newCode, ParentCode = isSubdivision ? newCode[..2] : null, Name = "", Slug = "", TimeZone = "UTC" };
        }
        else
        {
            region = await db.Regions.Include(r => r.EmergencyNumbers).SingleOrDefaultAsync(r => r.Code == code.ToUpper(), ct);
            if (region is null) return NotFound();
        }
        if (ModelState.IsValid && await db.Regions.AnyAsync(r => r.CountryCode == region.CountryCode && r.Slug == Form.Slug && r.Code != region.Code && (r.ParentCode == null) == (region.ParentCode == null), ct))
            ModelState.AddModelError("Form.Slug", "Another region of this country already uses this address.");
        if (ModelState.IsValid)
        {
            var result = await editor.SaveAsync(region, code is null, Version, EntityType, r => r.Code, r => RegionForm.From(r).Fields(), Form,
                User.Identity?.Name ?? "unknown", code is null ? "created" : RestoredFrom is { } rf ? $"restored revision {rf}" : "updated", ct);
            switch (result)
            {
                case RecordResult.Saved saved: return Redirect($"/admin/regions/edit/{saved.Key}?saved=1");
                case RecordResult.Invalid invalid: foreach (var (f, m) in invalid.Errors) ModelState.AddModelError(f == "Key" ? nameof(NewCode) : $"Form.{f}", m); break;
                case RecordResult.Conflict: Conflict = true; break;
            }
        }
        if (code is not null)
        {
            Code = region.Code;
            History = await editor.HistoryAsync(EntityType, region.Code, ct);
        }
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
