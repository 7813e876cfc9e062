using HelpDirectory.Web.Areas.Admin.Pages.Shared;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.Regions;

public sealed class EditModel(HelpDbContext db, RecordSaver saver) : RecordEditPage<Region, RegionForm>(db, saver)
{
    /// <summary>Only for a new region: its ISO 3166 code.</summary>
    [BindProperty] public string? NewCode { get; set; }

    protected override RecordKind<Region> Kind => RecordKinds.Region;
    protected override string EditPath => "/admin/regions/edit";

    public Task<IActionResult> OnGetAsync(string? code, long? revision, CancellationToken ct) => GetAsync(code?.ToUpperInvariant(), revision, ct);
    public Task<IActionResult> OnPostAsync(string? code, CancellationToken ct) => PostAsync(code?.ToUpperInvariant(), ct);


    protected override Region CreateNew()
    {
        var code = NewCode?.Trim().ToUpperInvariant() ?? "";
        var country = code.Length >= 2 ? code[..2] : code;
        return new Region { Code = code, CountryCode = country, ParentCode = code.Length > 2 ? country : null, Name = "", Slug = "", TimeZone = "UTC" };
    }

    protected override RegionForm FormOf(Region entity) => RegionForm.From(entity);
    protected override RegionForm FormOf(IReadOnlyDictionary<string, string> snapshot) => RegionForm.FromFields(snapshot);

    protected override async Task ValidateAsync(Region region, bool isNew, CancellationToken ct)
    {
        if (isNew)
        {
            var code = region.Code;
            var isSubdivision = code.Length is > 3 and <= 10 && code[2] == '-';
            var country = region.CountryCode;
            if (!(code.Length == 2 && code.All(char.IsAsciiLetterUpper)) && !isSubdivision)
                ModelState.AddModelError(nameof(NewCode), "Use an ISO 3166 code: NO for a country, NO-03 for a region within it.");
            else if (isSubdivision && !await Db.Regions.AnyAsync(r => r.Code == country, ct))
                ModelState.AddModelError(nameof(NewCode), "Add the country first.");
            else if (await Db.Regions.AnyAsync(r => r.Code == code, ct))
                ModelState.AddModelError(nameof(NewCode), "This region already exists.");
        }
        var isCountry = region.ParentCode is null;
        if (await Db.Regions.AnyAsync(r => r.CountryCode == region.CountryCode && r.Slug == Form.Slug && r.Code != region.Code && (r.ParentCode == null) == isCountry, ct))
            ModelState.AddModelError("Form.Slug", "Another region of this country already uses this address.");
    }
}
