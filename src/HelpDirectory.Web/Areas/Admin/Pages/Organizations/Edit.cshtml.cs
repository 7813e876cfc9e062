using System.Globalization;
using HelpDirectory.Web.Areas.Admin.Pages.Shared;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.Organizations;

public sealed class EditModel(HelpDbContext db, RecordEditor editor) : RecordEditPage<Organization, OrganizationForm>(editor)
{
    protected override string EntityType => "organization";
    protected override string EditPath => "/admin/organizations/edit";

    public Task<IActionResult> OnGetAsync(int? id, long? revision, CancellationToken ct) => GetAsync(IdKey(id), revision, ct);
    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => PostAsync(IdKey(id), ct);

    protected override Task<Organization?> FindAsync(string key, CancellationToken ct) =>
        db.Organizations.SingleOrDefaultAsync(o => o.Id == int.Parse(key, CultureInfo.InvariantCulture), ct);
    protected override Organization CreateNew() => new() { Key = "", Name = "" };
    protected override string KeyOf(Organization entity) => entity.Id.ToString(CultureInfo.InvariantCulture);
    protected override OrganizationForm FormOf(Organization entity) => OrganizationForm.From(entity);
    protected override OrganizationForm FormOf(IReadOnlyDictionary<string, string> snapshot) => OrganizationForm.FromFields(snapshot);

    private static string? IdKey(int? id) => id?.ToString(CultureInfo.InvariantCulture);
}
