using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Areas.Admin.Pages.Shared;

/// <summary>
/// The edit page of an organisation, crisis line or region: load, show history, load an earlier version into the form,
/// save through <see cref="RecordSaver"/> with the version the editor loaded, and show the conflict when someone was faster.
/// </summary>
public abstract class RecordEditPage<TEntity, TForm>(HelpDbContext db, RecordSaver saver) : PageModel
    where TEntity : class
    where TForm : class, IRecordForm<TEntity>, new()
{
    protected HelpDbContext Db { get; } = db;
    protected RecordSaver Saver { get; } = saver;

    [BindProperty] public TForm Form { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    [BindProperty] public long? RestoredFrom { get; set; }
    public IReadOnlyList<Revision> History { get; private set; } = [];
    public ConflictDetails? Conflict { get; private set; }
    public string? Key { get; private set; }

    protected abstract RecordKind<TEntity> Kind { get; }
    protected abstract string EditPath { get; }
    protected abstract TEntity CreateNew();
    protected abstract TForm FormOf(TEntity entity);
    protected abstract TForm FormOf(IReadOnlyDictionary<string, string> snapshot);

    /// <summary>Checks that need the database (known codes, unique addresses); add model errors for what is wrong.</summary>
    protected virtual Task ValidateAsync(TEntity entity, bool isNew, CancellationToken ct) => Task.CompletedTask;

    protected async Task<IActionResult> GetAsync(string? key, long? revision, CancellationToken ct)
    {
        if (key is null) return Page();
        var entity = await Kind.FindAsync(Db, key, ct);
        if (entity is null) return NotFound();
        Form = FormOf(entity);
        Version = Saver.VersionOf(entity);
        await LoadHistoryAsync(Kind.KeyOf(entity), ct);
        if (revision is { } r && History.FirstOrDefault(h => h.Id == r) is { } old)
        {
            Form = FormOf(RevisionLog.Restorable(Kind.Fields(entity), old));
            RestoredFrom = r;
        }
        return Page();
    }

    protected async Task<IActionResult> PostAsync(string? key, CancellationToken ct)
    {
        var isNew = key is null;
        var entity = isNew ? CreateNew() : await Kind.FindAsync(Db, key!, ct);
        if (entity is null) return NotFound();
        await ValidateAsync(entity, isNew, ct);
        if (ModelState.IsValid)
        {
            var action = isNew ? "created" : RestoredFrom is { } r ? $"restored revision {r}" : "updated";
            var result = await Saver.SaveAsync(Kind, entity, isNew ? null : Version, Form.ApplyTo, Form.Fields(), User.Identity?.Name ?? "unknown", action, ct);
            switch (result)
            {
                case SaveResult.Saved saved:
                    return Redirect($"{EditPath}/{saved.Key}?saved=1");
                case SaveResult.NotFound:
                    return NotFound();
                case SaveResult.Invalid invalid:
                    foreach (var (field, message) in invalid.Errors) ModelState.AddModelError($"{nameof(Form)}.{field}", message);
                    break;
                case SaveResult.Conflict conflict:
                    // Nothing was written. The form keeps this editor's values and now carries the saved version, so
                    // saving again is the explicit choice to put them over the other editor's.
                    Conflict = conflict.Details;
                    Version = conflict.Details.SavedVersion;
                    ModelState.Remove(nameof(Version));
                    break;
            }
        }
        if (!isNew) await LoadHistoryAsync(key!, ct);
        Response.StatusCode = Conflict is not null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadHistoryAsync(string key, CancellationToken ct)
    {
        Key = key;
        History = await Saver.HistoryAsync(Kind, key, ct);
    }
}
