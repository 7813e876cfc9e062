using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Areas.Admin.Pages.Services;

public sealed class HistoryModel(ServiceEditor editor) : PageModel
{
    public sealed record Entry(Revision Revision, IReadOnlyDictionary<string, FieldChange> Changes);

    public Service Service { get; private set; } = null!;
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(int id, long revision, long version, CancellationToken ct)
    {
        switch (await editor.RestoreAsync(id, revision, version, User.Identity?.Name ?? "unknown", ct))
        {
            case SaveResult.Saved:
                return Redirect($"/admin/services/{id}/history?restored={revision}");
            case SaveResult.NotFound:
                return NotFound();
            case SaveResult.Conflict:
                Problem = "Someone changed the listing since you opened this page. Look at the newest version below, then restore again if you still want to.";
                break;
            case SaveResult.Invalid invalid:
                Problem = "That version cannot be restored as it is: " + string.Join(" ", invalid.Errors.Values);
                break;
        }
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var service = await editor.LoadAsync(id, ct);
        if (service is null) return false;
        Service = service;
        Entries = (await editor.HistoryAsync(id, ct)).Select(r => new Entry(r, RevisionLog.Changes(r))).ToList();
        return true;
    }
}
