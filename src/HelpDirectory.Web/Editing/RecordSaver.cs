using System.Data.Common;
using HelpDirectory.Web.Caching;
using HelpDirectory.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Editing;

/// <summary>
/// Every save of every kind of record goes through here: listings, organisations, crisis lines and regions, from the admin
/// forms, restores and imports alike. It checks the version the editor loaded, applies the change, writes the record and
/// one revision (who, when, each field before and after) in one transaction, and then empties the caches once.
/// </summary>
public sealed class RecordSaver(HelpDbContext db, TimeProvider clock, SiteCache cache)
{
    /// <param name="entity">The record, tracked by this request's context (loaded with <see cref="RecordKind{T}.FindAsync"/>), or a new one.</param>
    /// <param name="loadedVersion">The version the editor loaded; null for a new record.</param>
    /// <param name="change">Applies the editor's change to the record; returns errors by field, and changes nothing when there are any.</param>
    /// <param name="proposed">The editor's fields, compared with the saved ones if someone was faster (null for a status change).</param>
    public async Task<SaveResult> SaveAsync<TEntity>(RecordKind<TEntity> kind, TEntity entity, long? loadedVersion,
        Func<TEntity, IReadOnlyDictionary<string, string>> change, IReadOnlyDictionary<string, string>? proposed,
        string by, string action, CancellationToken ct)
        where TEntity : class
    {
        var isNew = loadedVersion is null;
        if (!isNew && VersionOf(entity) != loadedVersion) return new SaveResult.Conflict(await ConflictAsync(kind, entity, proposed, ct));

        var before = isNew ? null : kind.Fields(entity);
        var errors = change(entity);
        if (errors.Count > 0) return new SaveResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        kind.Touch(entity, now);
        var entry = db.Entry(entity);
        if (isNew)
        {
            db.Add(entity);
        }
        else
        {
            // The UPDATE checks the version the editor loaded, so a save racing another fails here. Marking it modified
            // also bumps the version when only related rows (phones, hours, emergency numbers) changed.
            var version = entry.Property<long>("Version");
            version.OriginalValue = loadedVersion!.Value;
            version.IsModified = true;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                await db.SaveChangesAsync(ct);
                await kind.PrepareFieldsAsync(db, entity, ct);
                db.Revisions.Add(RevisionLog.Record(kind.Name, kind.KeyOf(entity), by, action, now, before, kind.Fields(entity)));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                var key = kind.KeyOf(entity);
                db.ChangeTracker.Clear();
                var fresh = await kind.FindAsync(db, key, ct);
                return fresh is null ? new SaveResult.NotFound() : new SaveResult.Conflict(await ConflictAsync(kind, fresh, proposed, ct));
            }
            catch (DbUpdateException ex) when (IsUniqueClash(ex))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return new SaveResult.Invalid(new Dictionary<string, string> { [kind.UniqueClash.Field] = kind.UniqueClash.Message });
            }
        }

        await cache.InvalidateAsync(ct);
        return new SaveResult.Saved(kind.KeyOf(entity), VersionOf(entity));
    }

    /// <summary>The version an editor loads with a record and sends back when saving it.</summary>
    public long VersionOf<TEntity>(TEntity entity) where TEntity : class => db.Entry(entity).Property<long>("Version").CurrentValue;

    /// <summary>Every change to one record, newest first.</summary>
    public Task<List<Revision>> HistoryAsync<TEntity>(RecordKind<TEntity> kind, string key, CancellationToken ct) where TEntity : class =>
        db.Revisions.AsNoTracking().Where(r => r.EntityType == kind.Name && r.EntityKey == key)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToListAsync(ct);

    /// <summary>One revision of one record, or null when it belongs to another.</summary>
    public Task<Revision?> RevisionAsync<TEntity>(RecordKind<TEntity> kind, string key, long revisionId, CancellationToken ct) where TEntity : class =>
        db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.EntityType == kind.Name && r.EntityKey == key, ct);

    private async Task<ConflictDetails> ConflictAsync<TEntity>(RecordKind<TEntity> kind, TEntity current, IReadOnlyDictionary<string, string>? proposed, CancellationToken ct)
        where TEntity : class
    {
        await kind.PrepareFieldsAsync(db, current, ct);
        var key = kind.KeyOf(current);
        var last = await db.Revisions.AsNoTracking().Where(r => r.EntityType == kind.Name && r.EntityKey == key)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var saved = kind.Fields(current);
        var differences = proposed is null
            ? []
            : saved.Where(kv => proposed.GetValueOrDefault(kv.Key) != kv.Value)
                .Select(kv => new FieldDifference(kv.Key, proposed.GetValueOrDefault(kv.Key) ?? "", kv.Value)).ToList();
        return new ConflictDetails(VersionOf(current), last?.By ?? "another editor", last?.At ?? clock.GetUtcNow().UtcDateTime, differences);
    }

    // SQLite's constraint error, or PostgreSQL's unique violation.
    private static bool IsUniqueClash(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: 19 } or DbException { SqlState: "23505" };
}
