using System.Globalization;
using HelpDirectory.Web.Areas.Admin.Pages.Shared;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.Organizations;

public sealed class EditModel(HelpDbContext db, RecordSaver saver) : RecordEditPage<Organization, OrganizationForm>(db, saver)
{
    protected override RecordKind<Organization> Kind => RecordKinds.Organization;
    protected override string EditPath => "/admin/organizations/edit";

    public Task<IActionResult> OnGetAsync(int? id, long? revision, CancellationToken ct) => GetAsync(IdKey(id), revision, ct);
    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => PostAsync(IdKey(id), ct);

    protected override Organization CreateNew() => new() { Key = "", Name = "" };
    protected override OrganizationForm FormOf(Organization entity) => OrganizationForm.From(entity);
    protected override OrganizationForm FormOf(IReadOnlyDictionary<string, string> snapshot) => OrganizationForm.FromFields(snapshot);

    private static string? IdKey(int? id) => id?.ToString(CultureInfo.InvariantCulture);
}
