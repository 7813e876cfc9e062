using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.Services;

/// <summary>What the new-listing and edit-listing pages share: the bound form, its choices, and how errors reach fields.</summary>
public abstract class ServiceFormPage(HelpDbContext db) : PageModel
{
    public sealed record Choice(string Value, string Label);

    [BindProperty] public ServiceForm Form { get; set; } = new();

    public IReadOnlyList<Choice> Organizations { get; private set; } = [];

    protected string Editor => User.Identity?.Name ?? "unknown";

    protected async Task LoadChoicesAsync(CancellationToken ct) =>
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new Choice(o.Key, o.Name)).ToListAsync(ct);

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors) ModelState.AddModelError($"{nameof(Form)}.{field}", message);
    }
}
