using System.Globalization;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Editing;

/// <summary>What editors do to listings: create, edit, publish, archive, mark checked and restore, each saved through
/// <see cref="RecordSaver"/> like every other record.</summary>
public sealed class ServiceEditor(HelpDbContext db, TimeProvider clock, RecordSaver saver)
{
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
        RecordKinds.Service.FindAsync(db, id.ToString(CultureInfo.InvariantCulture), ct);

    public async Task<SaveResult> CreateAsync(ServiceForm form, string by, string action = "created", CancellationToken ct = default)
    {
        var reference = await ReferenceDataAsync(ct);
        var slugTaken = await db.Services.AnyAsync(s => s.Slug == form.Slug, ct);
        return await saver.SaveAsync(RecordKinds.Service, new Service { Slug = form.Slug, Name = form.Name }, null,
            service => Apply(form, service, reference, slugTaken), form.Fields(), by, action, ct);
    }

    public async Task<SaveResult> UpdateAsync(int id, long version, ServiceForm form, string by, string action = "updated", CancellationToken ct = default)
    {
        var service = await LoadAsync(id, ct);
        if (service is null) return new SaveResult.NotFound();
        var reference = await ReferenceDataAsync(ct);
        var slugTaken = await db.Services.AnyAsync(s => s.Slug == form.Slug && s.Id != id, ct);
        return await saver.SaveAsync(RecordKinds.Service, service, version, s => Apply(form, s, reference, slugTaken), form.Fields(), by, action, ct);
    }

    public async Task<SaveResult> SetStatusAsync(int id, long version, ListingStatus status, string by, CancellationToken ct = default)
    {
        var service = await LoadAsync(id, ct);
        if (service is null) return new SaveResult.NotFound();
        var action = status switch
        {
            ListingStatus.Published => "published",
            ListingStatus.Archived => "archived",
            _ => service.Status == ListingStatus.Published ? "unpublished" : "moved to draft",
        };
        return await saver.SaveAsync(RecordKinds.Service, service, version, s =>
        {
            s.Status = status;
            return NoErrors;
        }, null, by, action, ct);
    }

    /// <summary>
    /// Records a check made today by this editor, and how it was made, with a revision like any other change. A confirmation
    /// or a report by the organisation raises the confidence to high unless the editor chose one (<paramref name="confidence"/>).
    /// </summary>
    public async Task<SaveResult> RecordCheckAsync(int id, long version, CheckMethod method, string by, string? confidence = null, CancellationToken ct = default)
    {
        var service = await LoadAsync(id, ct);
        if (service is null) return new SaveResult.NotFound();
        return await saver.SaveAsync(RecordKinds.Service, service, version, s =>
        {
            s.LastVerified = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            s.VerifiedBy = by;
            s.CheckMethod = method;
            s.Confidence = confidence ?? Confidences.AfterCheck(s.Confidence, method);
            return NoErrors;
        }, null, by, CheckAction(method), ct);
    }

    public static string CheckAction(CheckMethod method) => method switch
    {
        CheckMethod.Confirmed => "confirmed with the organisation",
        CheckMethod.ReportedByOrganisation => "reported by the organisation",
        _ => "checked on the organisation's website",
    };

    public async Task<SaveResult> RestoreAsync(int id, long revisionId, long version, string by, CancellationToken ct = default)
    {
        var revision = await saver.RevisionAsync(RecordKinds.Service, id.ToString(CultureInfo.InvariantCulture), revisionId, ct);
        if (revision is null) return new SaveResult.NotFound();
        var current = await LoadAsync(id, ct);
        if (current is null) return new SaveResult.NotFound();
        var form = ServiceForm.FromFields(RevisionLog.Restorable(RecordKinds.Service.Fields(current), revision));
        return await UpdateAsync(id, version, form, by, $"restored the version of {revision.At:yyyy-MM-dd HH:mm} UTC", ct);
    }

    public Task<List<Revision>> HistoryAsync(int id, CancellationToken ct = default) =>
        saver.HistoryAsync(RecordKinds.Service, id.ToString(CultureInfo.InvariantCulture), ct);

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private static IReadOnlyDictionary<string, string> Apply(ServiceForm form, Service service, ReferenceData reference, bool slugTaken)
    {
        // Checked before anything is applied, so a refused save leaves the loaded listing as it was.
        if (slugTaken) return new Dictionary<string, string> { [nameof(ServiceForm.Slug)] = RecordKinds.Service.UniqueClash.Message };
        return form.ApplyTo(service, reference);
    }
}
