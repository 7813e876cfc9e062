using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Areas.Admin.Pages.Shared;

/// <summary>
/// The edit page of an organisation, crisis line or region: load, show history, load an earlier version into the form,
/// save through <see cref="RecordEditor"/> with the version the editor loaded, and show a conflict when someone was faster.
/// </summary>
public abstract class RecordEditPage<TEntity, TForm>(RecordEditor editor) : PageModel
    where TEntity : class
    where TForm : class, IRecordForm<TEntity>, new()
{
    [BindProperty] public TForm Form { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    [BindProperty] public long? RestoredFrom { get; set; }
    public IReadOnlyList<Revision> History { get; private set; } = [];
    public bool Conflict { get; private set; }
    public string? Key { get; private set; }

    protected abstract string EntityType { get; }
    protected abstract string EditPath { get; }
    protected abstract Task<TEntity?> FindAsync(string key, CancellationToken ct);
    protected abstract TEntity CreateNew();
    protected abstract string KeyOf(TEntity entity);
    protected abstract TForm FormOf(TEntity entity);
    protected abstract TForm FormOf(IReadOnlyDictionary<string, string> snapshot);

    /// <summary>Checks that need the database (known codes, unique addresses); add model errors for what is wrong.</summary>
    protected virtual Task ValidateAsync(TEntity entity, bool isNew, CancellationToken ct) => Task.CompletedTask;

    protected async Task<IActionResult> GetAsync(string? key, long? revision, CancellationToken ct)
    {
        if (key is null) return Page();
        var entity = await FindAsync(key, ct);
        if (entity is null) return NotFound();
        Form = FormOf(entity);
        Version = editor.VersionOf(entity);
        await LoadHistoryAsync(KeyOf(entity), ct);
        if (revision is { } r && History.FirstOrDefault(h => h.Id == r) is { } old)
        {
            Form = FormOf(RevisionLog.Snapshot(old));
            RestoredFrom = r;
        }
        return Page();
    }

    protected async Task<IActionResult> PostAsync(string? key, CancellationToken ct)
    {
        var isNew = key is null;
        var entity = isNew ? CreateNew() : await FindAsync(key!, ct);
        if (entity is null) return NotFound();
        await ValidateAsync(entity, isNew, ct);
        if (ModelState.IsValid)
        {
            var action = isNew ? "created" : RestoredFrom is { } r ? $"restored revision {r}" : "updated";
            switch (await editor.SaveAsync(entity, isNew, Version, EntityType, KeyOf, e => FormOf(e).Fields(), Form, User.Identity?.Name ?? "unknown", action, ct))
            {
                case RecordResult.Saved saved:
                    return Redirect($"{EditPath}/{saved.Key}?saved=1");
                case RecordResult.Invalid invalid:
                    foreach (var (field, message) in invalid.Errors) ModelState.AddModelError($"{nameof(Form)}.{field}", message);
                    break;
                case RecordResult.Conflict:
                    Conflict = true;
                    break;
            }
        }
        if (!isNew) await LoadHistoryAsync(KeyOf(entity), ct);
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadHistoryAsync(string key, CancellationToken ct)
    {
        Key = key;
        History = await editor.HistoryAsync(EntityType, key, ct);
    }
}
