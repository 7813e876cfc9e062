namespace HelpDirectory.Web.Editing.Transfer;

public enum ImportAction
{
    Create,
    Change,
    Unchanged,
    Reject,
}

/// <summary>Why a row is rejected: the field it concerns (empty for the whole row) and what is wrong.</summary>
public sealed record RowError(string Field, string Message)
{
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}

/// <summary>What one row of an import would do. A rejected row has errors; a changed one names the fields it changes.</summary>
public sealed record ImportRow(int Line, string Slug, ImportAction Action, IReadOnlyList<RowError> Errors, IReadOnlyList<string> ChangedFields,
    ServiceForm? Form, OrganizationImport? Organization)
{
    public IEnumerable<string> Notes => Action == ImportAction.Reject ? Errors.Select(e => e.ToString()) : ChangedFields;
}

public sealed record ImportPlan(IReadOnlyList<ImportRow> Rows, string? FileProblem = null)
{
    public int Count(ImportAction action) => Rows.Count(r => r.Action == action);
}
