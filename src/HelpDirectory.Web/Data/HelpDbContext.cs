using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Data;

/// <summary>
/// The site's data on SQLite; <see cref="PostgreSqlHelpDbContext"/> is the same model on PostgreSQL. Each provider has its
/// own migrations (Data/Migrations/Sqlite, Data/Migrations/PostgreSql), which EF Core tells apart by the context's type.
/// </summary>
public class HelpDbContext : IdentityDbContext<IdentityUser>, IDataProtectionKeyContext
{
    public HelpDbContext(DbContextOptions<HelpDbContext> options) : base(options) { }

    protected HelpDbContext(DbContextOptions options) : base(options) { }

    // The data-protection key ring (sign-in cookies, antiforgery tokens), shared by every node that uses this database.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<EmergencyNumber> EmergencyNumbers => Set<EmergencyNumber>();
    public DbSet<CrisisLine> CrisisLines => Set<CrisisLine>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServicePhone> ServicePhones => Set<ServicePhone>();
    public DbSet<ServiceHours> ServiceHours => Set<ServiceHours>();
    public DbSet<ServiceLanguage> ServiceLanguages => Set<ServiceLanguage>();
    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<ServiceLocation> ServiceLocations => Set<ServiceLocation>();
    public DbSet<ServiceText> ServiceTexts => Set<ServiceText>();
    public DbSet<CrisisLineText> CrisisLineTexts => Set<CrisisLineText>();
    public DbSet<EmergencyNumberText> EmergencyNumberTexts => Set<EmergencyNumberText>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<Report> Reports => Set<Report>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Region>(e =>
        {
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(10);
            e.Property(r => r.CountryCode).HasMaxLength(2);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Slug).HasMaxLength(100);
            e.HasIndex(r => new { r.CountryCode, r.Slug }).IsUnique();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasMany(r => r.EmergencyNumbers).WithOne().HasForeignKey(n => n.RegionCode);
        });

        builder.Entity<EmergencyNumber>().HasMany(n => n.Texts).WithOne().HasForeignKey(t => t.EmergencyNumberId);

        builder.Entity<CrisisLine>(e =>
        {
            e.HasIndex(l => new { l.RegionCode, l.Status });
            e.Property(l => l.Version).IsConcurrencyToken();
            e.HasMany(l => l.Texts).WithOne().HasForeignKey(t => t.CrisisLineId);
        });

        // A field's versions in other languages: one row per record, language and field, so a new language is rows only.
        builder.Entity<CrisisLineText>(e =>
        {
            e.HasKey(t => new { t.CrisisLineId, t.Language, t.Field });
            e.Property(t => t.Language).HasMaxLength(35);
            e.Property(t => t.Field).HasMaxLength(TextFields.MaxLength);
            e.Property(t => t.Text).HasMaxLength(4000);
        });
        builder.Entity<EmergencyNumberText>(e =>
        {
            e.HasKey(t => new { t.EmergencyNumberId, t.Language, t.Field });
            e.Property(t => t.Language).HasMaxLength(35);
            e.Property(t => t.Field).HasMaxLength(TextFields.MaxLength);
            e.Property(t => t.Text).HasMaxLength(4000);
        });
        builder.Entity<ServiceText>(e =>
        {
            e.HasKey(t => new { t.ServiceId, t.Language, t.Field });
            e.Property(t => t.Language).HasMaxLength(35);
            e.Property(t => t.Field).HasMaxLength(TextFields.MaxLength);
            e.Property(t => t.Text).HasMaxLength(4000);
        });

        builder.Entity<Organization>(e =>
        {
            e.HasIndex(o => o.Key).IsUnique();
            e.Property(o => o.Version).IsConcurrencyToken();
        });

        builder.Entity<Service>(e =>
        {
            e.HasIndex(s => s.Slug).IsUnique();
            e.HasIndex(s => new { s.Status, s.Kind });
            e.HasIndex(s => new { s.Status, s.LastVerified });
            // Published listings in slug order (the HSDS API's pages): read from the index, not sorted per request.
            e.HasIndex(s => new { s.Status, s.Slug });
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasOne(s => s.Organization).WithMany(o => o.Services).HasForeignKey(s => s.OrganizationId)
                .OnDelete(DeleteBehavior.Restrict);
            e.HasMany(s => s.Phones).WithOne().HasForeignKey(p => p.ServiceId);
            e.HasMany(s => s.Hours).WithOne().HasForeignKey(h => h.ServiceId);
            e.HasMany(s => s.Languages).WithOne().HasForeignKey(l => l.ServiceId);
            e.HasMany(s => s.Areas).WithOne().HasForeignKey(a => a.ServiceId);
            e.HasMany(s => s.Locations).WithOne().HasForeignKey(l => l.ServiceId);
            e.HasMany(s => s.Texts).WithOne().HasForeignKey(t => t.ServiceId);
        });

        builder.Entity<ServiceLanguage>(e =>
        {
            e.HasKey(l => new { l.ServiceId, l.Code });
            e.HasIndex(l => new { l.Code, l.ServiceId });
        });

        // Service-area matching reads these three columns for every directory page: the first index finds the areas that
        // reach a place, the second says how each listing shown reaches it (and serves the foreign key).
        builder.Entity<ServiceArea>().HasIndex(a => new { a.Scope, a.CountryCode, a.SubdivisionCode, a.ServiceId });
        builder.Entity<ServiceArea>().HasIndex(a => new { a.ServiceId, a.Scope, a.CountryCode, a.SubdivisionCode });

        builder.Entity<Revision>().HasIndex(r => new { r.EntityType, r.EntityKey, r.At });
        builder.Entity<Report>().HasIndex(r => new { r.Status, r.At });
    }

    /// <summary>Set when copying rows as they are (copy-database): their versions are kept, not bumped.</summary>
    internal bool KeepVersions { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // SQLite has no rowversion: every editable row carries a Version that each save increments, so two editors who loaded
    // the same version cannot both save.
    private void BumpVersions()
    {
        if (KeepVersions) return;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Added)) continue;
            var version = entry.Metadata.FindProperty("Version");
            if (version is null || version.ClrType != typeof(long)) continue;
            var property = entry.Property("Version");
            property.CurrentValue = (long)(property.CurrentValue ?? 0L) + 1;
        }
    }
}
