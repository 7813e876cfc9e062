namespace HelpDirectory.Web.Editing.Transfer;

public enum ImportAction
{
    Create,
    Change,
    Unchanged,
    Reject,
}

public sealed record ImportRow(int Line, string Slug, ImportAction Action, IReadOnlyList<string> Notes, ServiceForm? Form, OrganizationImport? Organization);

public sealed record OrganizationImport(string Key, string Name, string Description, string? Url, string? Email);

public sealed record ImportPlan(IReadOnlyList<ImportRow> Rows, string? FileProblem = null)
{
    public int Count(ImportAction action) => Rows.Count(r => r.Action == action);
}
