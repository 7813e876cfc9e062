using System.Globalization;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Editing;

public abstract record EditResult
{
    public sealed record Saved(Service Service) : EditResult;
    public sealed record Invalid(Dictionary<string, string> Errors) : EditResult;
    /// <summary>Someone saved since this editor loaded the listing; nothing was written.</summary>
    public sealed record Conflict(ServiceForm Current, long SavedVersion, string SavedBy, DateTime SavedAt) : EditResult;
    public sealed record NotFound : EditResult;
}

/// <summary>Every change editors make to a listing goes through here: validated, checked for conflicts, recorded.</summary>
public sealed class ServiceEditor(HelpDbContext db, TimeProvider clock, SiteCache cache)
{
    public const string EntityType = "service";

    public async Task<ReferenceData> ReferenceDataAsync(CancellationToken ct = default)
    {
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Key, o => o.Id, StringComparer.OrdinalIgnoreCase, ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.ParentCode == null, StringComparer.OrdinalIgnoreCase, ct);
        var shortCodes = await ShortCodesAsync(db, ct);
        return new ReferenceData(organizations, regions, shortCodes);
    }

    /// <summary>Each country's short codes in our crisis-line data: its lines' phone and text numbers and its emergency numbers.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ShortCodesAsync(HelpDbContext db, CancellationToken ct = default)
    {
        var lines = await db.CrisisLines.AsNoTracking().Where(l => l.RegionCode != null && (l.Phone != null || l.SmsNumber != null))
            .Select(l => new { l.RegionCode, l.Phone, l.SmsNumber }).ToListAsync(ct);
        var emergency = await db.EmergencyNumbers.AsNoTracking().Select(n => new { n.RegionCode, n.Number }).ToListAsync(ct);
        return PhoneInput.ShortCodesByCountry(lines.SelectMany(l => new[] { (l.RegionCode!, l.Phone), (l.RegionCode!, l.SmsNumber) })
            .Concat(emergency.Select(e => (e.RegionCode, (string?)e.Number))));
    }

    public Task<Service?> LoadAsync(int id, CancellationToken ct = default) =>
        db.Services.AsSplitQuery()
            .Include(s => s.Organization).Include(s => s.Phones).Include(s => s.Hours).Include(s => s.Languages)
            .Include(s => s.Areas).Include(s => s.Locations)
            .SingleOrDefaultAsync(s => s.Id == id, ct);

    public async Task<EditResult> CreateAsync(ServiceForm form, string by, string action = "created", CancellationToken ct = default)
    {
        var service = new Service { Slug = form.Slug, Name = form.Name };
        var errors = form.ApplyTo(service, await ReferenceDataAsync(ct));
        if (errors.Count == 0 && await db.Services.AnyAsync(s => s.Slug == form.Slug, ct)) errors["Slug"] = "Another listing already uses this slug.";
        if (errors.Count > 0) return new EditResult.Invalid(errors);

        service.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Services.Add(service);
        await db.SaveChangesAsync(ct);
        await db.Entry(service).Reference(s => s.Organization).LoadAsync(ct);
        db.Revisions.Add(RevisionLog.Record(EntityType, Key(service), by, action, service.UpdatedAt, null, ServiceForm.From(service).Fields()));
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(ct);
        return new EditResult.Saved(service);
    }

    public async Task<EditResult> UpdateAsync(int id, long version, ServiceForm form, string by, string action = "updated", CancellationToken ct = default)
    {
        var service = await LoadAsync(id, ct);
        if (service is null) return new EditResult.NotFound();
        if (service.Version != version) return await ConflictAsync(service, ct);

        var before = ServiceForm.From(service).Fields();
        var errors = form.ApplyTo(service, await ReferenceDataAsync(ct));
        if (errors.Count == 0 && await db.Services.AnyAsync(s => s.Slug == form.Slug && s.Id != id, ct)) errors["Slug"] = "Another listing already uses this slug.";
        if (errors.Count > 0) return new EditResult.Invalid(errors);
        return await SaveAsync(service, version, before, by, action, ct);
    }

    public async Task<EditResult> SetStatusAsync(int id, long version, ListingStatus status, string by, CancellationToken ct = default)
    {
        var service = await LoadAsync(id, ct);
        if (service is null) return new EditResult.NotFound();
        if (service.Version != version) return await ConflictAsync(service, ct);
        var before = ServiceForm.From(service).Fields();
        var action = status switch
        {
            ListingStatus.Published => "published",
            ListingStatus.Archived => "archived",
            _ => service.Status == ListingStatus.Published ? "unpublished" : "moved to draft",
        };
        service.Status = status;
        return await SaveAsync(service, version, before, by, action, ct);
    }

    public async Task<EditResult> VerifyAsync(int id, long version, string by, CancellationToken ct = default)
    {
        var service = await LoadAsync(id, ct);
        if (service is null) return new EditResult.NotFound();
        if (service.Version != version) return await ConflictAsync(service, ct);
        var before = ServiceForm.From(service).Fields();
        service.LastVerified = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        service.VerifiedBy = by;
        return await SaveAsync(service, version, before, by, "verified", ct);
    }

    public async Task<EditResult> RestoreAsync(int id, long revisionId, long version, string by, CancellationToken ct = default)
    {
        var revision = await db.Revisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == revisionId && r.EntityType == EntityType && r.EntityKey == id.ToString(CultureInfo.InvariantCulture), ct);
        if (revision is null) return new EditResult.NotFound();
        var form = ServiceForm.FromFields(RevisionLog.Snapshot(revision));
        return await UpdateAsync(id, version, form, by, $"restored the version of {revision.At:yyyy-MM-dd HH:mm} UTC", ct);
    }

    public Task<List<Revision>> HistoryAsync(int id, CancellationToken ct = default)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        return db.Revisions.AsNoTracking().Where(r => r.EntityType == EntityType && r.EntityKey == key)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToListAsync(ct);
    }

    private async Task<EditResult> SaveAsync(Service service, long version, IReadOnlyDictionary<string, string> before, string by, string action, CancellationToken ct)
    {
        // The version the editor loaded is what the UPDATE's WHERE clause checks, so a save that races another fails here.
        db.Entry(service).Property(s => s.Version).OriginalValue = version;
        service.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // A change only to phones or hours must still bump the listing's version.
        db.Entry(service).Property(s => s.UpdatedAt).IsModified = true;
        await db.Entry(service).Reference(s => s.Organization).LoadAsync(ct);
        var after = ServiceForm.From(service).Fields();
        db.Revisions.Add(RevisionLog.Record(EntityType, Key(service), by, action, service.UpdatedAt, before, after));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await LoadAsync(service.Id, ct);
            return fresh is null ? new EditResult.NotFound() : await ConflictAsync(fresh, ct);
        }
        await cache.InvalidateAsync(ct);
        return new EditResult.Saved(service);
    }

    private async Task<EditResult> ConflictAsync(Service current, CancellationToken ct)
    {
        var last = (await HistoryAsync(current.Id, ct)).FirstOrDefault();
        return new EditResult.Conflict(ServiceForm.From(current), current.Version, last?.By ?? "another editor", last?.At ?? current.UpdatedAt);
    }

    private static string Key(Service s) => s.Id.ToString(CultureInfo.InvariantCulture);
}
