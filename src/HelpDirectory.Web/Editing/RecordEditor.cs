using HelpDirectory.Web.Data;
using HelpDirectory.Web.Hosting;
using HelpDirectory.Web.Regions;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Editing;

/// <summary>An editable record's form: its fields as text (for history) and how it validates and applies itself.</summary>
public interface IRecordForm<in TEntity>
{
    IReadOnlyDictionary<string, string> Fields();
    Dictionary<string, string> ApplyTo(TEntity entity);
}

public abstract record RecordResult
{
    public sealed record Saved(string Key) : RecordResult;
    public sealed record Invalid(Dictionary<string, string> Errors) : RecordResult;
    public sealed record Conflict(long CurrentVersion) : RecordResult;
}

/// <summary>
/// Saves organisations, crisis lines and regions the way <see cref="ServiceEditor"/> saves listings: a version check so
/// two editors cannot silently overwrite each other, a revision with every changed field, and fresh public pages.
/// </summary>
public sealed class RecordEditor(HelpDbContext db, TimeProvider clock, SiteCache cache, RegionCatalog regions)
{
    public async Task<RecordResult> SaveAsync<TEntity>(TEntity entity, bool isNew, long version, string entityType,
        Func<TEntity, string> key, Func<TEntity, IReadOnlyDictionary<string, string>> fields, IRecordForm<TEntity> form,
        string by, string action, CancellationToken ct)
        where TEntity : class
    {
        var versionProperty = db.Entry(entity).Property<long>("Version");
        if (!isNew && versionProperty.CurrentValue != version) return new RecordResult.Conflict(versionProperty.CurrentValue);

        var before = isNew ? null : fields(entity);
        var errors = form.ApplyTo(entity);
        if (errors.Count > 0) return new RecordResult.Invalid(errors);

        if (isNew) db.Add(entity);
        else
        {
            versionProperty.OriginalValue = version;
            versionProperty.IsModified = true;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RecordResult.Conflict(-1);
        }
        catch (DbUpdateException) when (isNew)
        {
            return new RecordResult.Invalid(new() { ["Key"] = "This code or key is already used." });
        }
        db.Revisions.Add(RevisionLog.Record(entityType, key(entity), by, action, clock.GetUtcNow().UtcDateTime, before, fields(entity)));
        await db.SaveChangesAsync(ct);
        regions.Invalidate();
        await cache.InvalidateAsync(ct);
        return new RecordResult.Saved(key(entity));
    }

    /// <summary>The version an editor loads with a record and sends back when saving it.</summary>
    public long VersionOf<TEntity>(TEntity entity) where TEntity : class => db.Entry(entity).Property<long>("Version").CurrentValue;

    public Task<List<Revision>> HistoryAsync(string entityType, string key, CancellationToken ct) =>
        db.Revisions.AsNoTracking().Where(r => r.EntityType == entityType && r.EntityKey == key)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToListAsync(ct);
}
