using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Editing;

/// <summary>
/// What <see cref="RecordSaver"/> needs to know about one kind of editable record: its name in the history, its key, its
/// fields as text (what a revision compares and keeps), and how to load it afresh.
/// </summary>
public abstract class RecordKind<TEntity> where TEntity : class
{
    /// <summary>The record's type in <see cref="Revision.EntityType"/>.</summary>
    public abstract string Name { get; }

    public abstract string KeyOf(TEntity entity);

    public abstract IReadOnlyDictionary<string, string> Fields(TEntity entity);

    public abstract Task<TEntity?> FindAsync(HelpDbContext db, string key, CancellationToken ct);

    /// <summary>The form field a unique-key clash belongs beside, and what to say there.</summary>
    public virtual (string Field, string Message) UniqueClash => ("Key", "Another record already uses this key.");

    /// <summary>Anything a save sets besides the editor's fields (a listing's "updated at").</summary>
    public virtual void Touch(TEntity entity, DateTime now) { }

    /// <summary>Loads what <see cref="Fields"/> reads beyond the row itself (a listing's organisation key).</summary>
    public virtual Task PrepareFieldsAsync(HelpDbContext db, TEntity entity, CancellationToken ct) => Task.CompletedTask;
}
