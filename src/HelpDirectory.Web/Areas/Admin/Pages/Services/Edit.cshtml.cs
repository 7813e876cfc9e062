using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;

namespace HelpDirectory.Web.Areas.Admin.Pages.Services;

public sealed class EditModel(HelpDbContext db, ServiceEditor editor) : ServiceFormPage(db)
{
    [BindProperty] public long Version { get; set; }

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public ListingStatus Status { get; private set; }
    public DateOnly? LastVerified { get; private set; }
    public string Confidence { get; private set; } = "";
    public ConflictDetails? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var service = await editor.LoadAsync(id, ct);
        if (service is null) return NotFound();
        Form = ServiceForm.From(service);
        await ShowAsync(service, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        ModelState.IsValid ? HandleAsync(id, editor.UpdateAsync(id, Version, Form, Editor, ct: ct), "saved", ct) : RedisplayAsync(id, ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) => HandleAsync(id, editor.SetStatusAsync(id, Version, ListingStatus.Published, Editor, ct), "published", ct);
    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) => HandleAsync(id, editor.SetStatusAsync(id, Version, ListingStatus.Draft, Editor, ct), "unpublished", ct);
    public Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken ct) => HandleAsync(id, editor.SetStatusAsync(id, Version, ListingStatus.Archived, Editor, ct), "archived", ct);
    public Task<IActionResult> OnPostCheckAsync(int id, string? method, string? confidence, CancellationToken ct) =>
        CheckMethods.TryParse(method, out var how) && Confidences.TryParseOptional(confidence, out var chosen)
            ? HandleAsync(id, editor.RecordCheckAsync(id, Version, how, Editor, chosen, ct), "checked-" + how.Slug(), ct)
            : Task.FromResult<IActionResult>(BadRequest());

    private async Task<IActionResult> HandleAsync(int id, Task<SaveResult> work, string done, CancellationToken ct)
    {
        switch (await work)
        {
            case SaveResult.Saved:
                return Redirect($"/admin/services/{id}/edit?saved={done}");
            case SaveResult.NotFound:
                return NotFound();
            case SaveResult.Invalid invalid:
                AddErrors(invalid.Errors);
                return await RedisplayAsync(id, ct);
            case SaveResult.Conflict conflict:
                // Nothing was written. The form keeps this editor's values and now carries the saved version, so saving
                // again is the explicit choice to put them over the other editor's ("keep mine").
                Conflict = conflict.Details;
                Version = conflict.Details.SavedVersion;
                ModelState.Remove(nameof(Version));
                var service = await editor.LoadAsync(id, ct);
                if (service is null) return NotFound();
                Form.Status = service.Status.ToString().ToLowerInvariant();
                ModelState.Remove("Form.Status");
                await ShowAsync(service, ct, keepVersion: true);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException("Unknown save result");
        }
    }

    private async Task<IActionResult> RedisplayAsync(int id, CancellationToken ct)
    {
        var service = await editor.LoadAsync(id, ct);
        if (service is null) return NotFound();
        await ShowAsync(service, ct, keepVersion: true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task ShowAsync(Service service, CancellationToken ct, bool keepVersion = false)
    {
        Id = service.Id;
        Slug = service.Slug;
        Status = service.Status;
        LastVerified = service.LastVerified;
        Confidence = service.Confidence;
        if (!keepVersion) Version = service.Version;
        await LoadChoicesAsync(ct);
    }
}
