using System.Globalization;
using HelpDirectory.Web.Areas.Admin.Pages.Shared;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.CrisisLines;

public sealed class EditModel(HelpDbContext db, RecordSaver saver, ServiceEditor services) : RecordEditPage<CrisisLine, CrisisLineForm>(db, saver)
{
    protected override RecordKind<CrisisLine> Kind => RecordKinds.CrisisLine;
    protected override string EditPath => "/admin/crisis-lines/edit";

    public Task<IActionResult> OnGetAsync(int? id, long? revision, CancellationToken ct) => GetAsync(IdKey(id), revision, ct);
    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => PostAsync(IdKey(id), ct);

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
