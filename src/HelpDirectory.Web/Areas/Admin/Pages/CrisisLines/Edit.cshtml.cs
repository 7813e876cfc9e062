using System.Globalization;
using HelpDirectory.Web.Areas.Admin.Pages.Shared;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.CrisisLines;

public sealed class EditModel(HelpDbContext db, RecordSaver saver, ServiceEditor services, TimeProvider clock) : RecordEditPage<CrisisLine, CrisisLineForm>(db, saver)
{
    protected override RecordKind<CrisisLine> Kind => RecordKinds.CrisisLine;
    protected override string EditPath => "/admin/crisis-lines/edit";

    public Task<IActionResult> OnGetAsync(int? id, long? revision, CancellationToken ct) => GetAsync(IdKey(id), revision, ct);
    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => PostAsync(IdKey(id), ct);

    /// <summary>
    /// Records a check made today by this editor. Confirmation by the line itself raises our confidence to high, unless the
    /// editor chose a confidence with the check.
    /// </summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, string? method, string? confidence, CancellationToken ct)
    {
        if (!CheckMethods.TryParse(method, out var how)) return BadRequest();
        if (!Confidences.TryParseOptional(confidence, out var chosen)) return BadRequest();
        var line = await Kind.FindAsync(Db, IdKey(id)!, ct);
        if (line is null) return NotFound();
        var by = User.Identity?.Name ?? "unknown";
        var result = await Saver.SaveAsync(Kind, line, Version, l =>
        {
            l.LastVerified = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            l.CheckedBy = by;
            l.CheckMethod = how;
            l.Confidence = chosen ?? Confidences.AfterCheck(l.Confidence, how);
            return new Dictionary<string, string>();
        }, null, by, ServiceEditor.CheckAction(how), ct);
        if (result is SaveResult.Saved) return Redirect($"{EditPath}/{id}?saved=1");
        if (result is SaveResult.NotFound) return NotFound();
        // Someone saved the line meanwhile: nothing was recorded. Show the line as it is now.
        Db.ChangeTracker.Clear();
        await GetAsync(IdKey(id), null, ct);
        CheckProblem = "Someone changed this line since you opened it, so the check was not recorded. Look at it again, then record the check.";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public string? CheckProblem { get; private set; }

    protected override CrisisLine CreateNew() => new() { Name = "" };
    protected override CrisisLineForm FormOf(CrisisLine entity) => CrisisLineForm.From(entity);
    protected override CrisisLineForm FormOf(IReadOnlyDictionary<string, string> snapshot) => CrisisLineForm.FromFields(snapshot);

    protected override async Task ValidateAsync(CrisisLine entity, bool isNew, CancellationToken ct)
    {
        var code = Form.RegionCode?.Trim().ToUpperInvariant();
        if (code is { Length: > 0 } && !await Db.Regions.AnyAsync(r => r.Code == code, ct))
            ModelState.AddModelError("Form.RegionCode", "Use a known region code such as NO or GB-SCT, or leave it empty for an international service.");
        var reference = await services.ReferenceDataAsync(ct);
        Form.ShortCodes = code is { Length: >= 2 } && reference.ShortCodes.TryGetValue(code[..2], out var shortCodes) ? shortCodes : new HashSet<string>();
    }

    private static string? IdKey(int? id) => id?.ToString(CultureInfo.InvariantCulture);
}
