using System.Text.Json;
using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Editing;

public sealed record FieldChange(string Before, string After);

/// <summary>Writes and reads the audit trail: every change keeps who, when, what changed, and the whole row after it.</summary>
public static class RevisionLog
{
    public static Revision Record(string entityType, string key, string by, string action, DateTime at,
        IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string> after) => new()
        {
            EntityType = entityType,
            EntityKey = key,
            By = by,
            Action = action,
            At = at,
            ChangesJson = JsonSerializer.Serialize(Diff(before, after)),
            SnapshotJson = JsonSerializer.Serialize(after),
        };

    /// <summary>Each field that changed; a field only before (a text in a language no longer written) changes to empty.</summary>
    public static Dictionary<string, FieldChange> Diff(IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string> after)
    {
        var changes = after.Where(kv => before is null || !before.TryGetValue(kv.Key, out var old) || old != kv.Value)
            .ToDictionary(kv => kv.Key, kv => new FieldChange(before is not null && before.TryGetValue(kv.Key, out var old) ? old : "", kv.Value));
        foreach (var (key, old) in before ?? new Dictionary<string, string>())
        {
            if (!after.ContainsKey(key) && old.Length > 0) changes[key] = new FieldChange(old, "");
        }
        return changes;
    }

    public static Dictionary<string, FieldChange> Changes(Revision revision) =>
        JsonSerializer.Deserialize<Dictionary<string, FieldChange>>(revision.ChangesJson) ?? [];

    public static Dictionary<string, string> Snapshot(Revision revision) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(revision.SnapshotJson) ?? [];

    /// <summary>
    /// The fields to restore a revision: its snapshot over the record's fields as they are now, so a field the revision
    /// did not record yet (texts in another language, added later) keeps its value rather than being emptied.
    /// </summary>
    public static Dictionary<string, string> Restorable(IReadOnlyDictionary<string, string> current, Revision revision)
    {
        var fields = new Dictionary<string, string>(current);
        foreach (var (key, value) in Snapshot(revision)) fields[key] = value;
        return fields;
    }
}
