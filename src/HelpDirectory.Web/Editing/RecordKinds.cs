using System.Globalization;
using HelpDirectory.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Editing;

/// <summary>The four kinds of record editors keep: listings, organisations, crisis lines and regions.</summary>
public static class RecordKinds
{
    public static RecordKind<Service> Service { get; } = new ServiceKind();
    public static RecordKind<Organization> Organization { get; } = new OrganizationKind();
    public static RecordKind<CrisisLine> CrisisLine { get; } = new CrisisLineKind();
    public static RecordKind<Region> Region { get; } = new RegionKind();

    private static string IdKey(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static int? ParseId(string key) => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private sealed class ServiceKind : RecordKind<Service>
    {
        public override string Name => "service";
        public override string KeyOf(Service entity) => IdKey(entity.Id);
        public override IReadOnlyDictionary<string, string> Fields(Service entity) => ServiceForm.From(entity).Fields();
        public override (string Field, string Message) UniqueClash => (nameof(ServiceForm.Slug), "Another listing already uses this slug.");
        public override void Touch(Service entity, DateTime now) => entity.UpdatedAt = now;

        public override Task PrepareFieldsAsync(HelpDbContext db, Service entity, CancellationToken ct) =>
            db.Entry(entity).Reference(s => s.Organization).LoadAsync(ct);

        public override async Task<Service?> FindAsync(HelpDbContext db, string key, CancellationToken ct) =>
            ParseId(key) is { } id
                ? await db.Services.AsSplitQuery()
                    .Include(s => s.Organization).Include(s => s.Phones).Include(s => s.Hours).Include(s => s.Languages)
                    .Include(s => s.Areas).Include(s => s.Locations).Include(s => s.Texts)
                    .SingleOrDefaultAsync(s => s.Id == id, ct)
                : null;
    }

    private sealed class OrganizationKind : RecordKind<Organization>
    {
        public override string Name => "organization";
        public override string KeyOf(Organization entity) => IdKey(entity.Id);
        public override IReadOnlyDictionary<string, string> Fields(Organization entity) => OrganizationForm.From(entity).Fields();
        public override (string Field, string Message) UniqueClash => (nameof(OrganizationForm.Key), "Another organisation already uses this key.");

        public override async Task<Organization?> FindAsync(HelpDbContext db, string key, CancellationToken ct) =>
            ParseId(key) is { } id ? await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct) : null;
    }

    private sealed class CrisisLineKind : RecordKind<CrisisLine>
    {
        public override string Name => "crisis-line";
        public override string KeyOf(CrisisLine entity) => IdKey(entity.Id);
        public override IReadOnlyDictionary<string, string> Fields(CrisisLine entity) => CrisisLineForm.From(entity).Fields();

        public override async Task<CrisisLine?> FindAsync(HelpDbContext db, string key, CancellationToken ct) =>
            ParseId(key) is { } id ? await db.CrisisLines.Include(l => l.Texts).SingleOrDefaultAsync(l => l.Id == id, ct) : null;
    }

    private sealed class RegionKind : RecordKind<Region>
    {
        public override string Name => "region";
        public override string KeyOf(Region entity) => entity.Code;
        public override IReadOnlyDictionary<string, string> Fields(Region entity) => RegionForm.From(entity).Fields();
        public override (string Field, string Message) UniqueClash => (nameof(RegionForm.Slug), "This region or its address is already used.");

        public override Task<Region?> FindAsync(HelpDbContext db, string key, CancellationToken ct) =>
            db.Regions.Include(r => r.EmergencyNumbers).ThenInclude(n => n.Texts).SingleOrDefaultAsync(r => r.Code == key, ct);
    }
}
