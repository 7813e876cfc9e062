namespace HelpDirectory.Web.Data;

/// <summary>One recorded change to an editable row: who, when, what, and the whole row after the change.</summary>
public sealed class Revision
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public required string Action { get; set; }
    /// <summary>JSON object of field name to { before, after }.</summary>
    public string ChangesJson { get; set; } = "{}";
    /// <summary>JSON of the editable fields after this change, so any version can be restored.</summary>
    public string SnapshotJson { get; set; } = "{}";
}
