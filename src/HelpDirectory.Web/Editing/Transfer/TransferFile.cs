namespace HelpDirectory.Web.Editing.Transfer;

/// <summary>An uploaded file read row by row, or the reason it could not be read at all.</summary>
public sealed record TransferFile(IReadOnlyList<TransferRow> Rows, string? FileProblem)
{
    public static TransferFile Problem(string problem) => new([], problem);
}

/// <summary>One row of a file: the listing it describes, the organisation it brings with it, or why it cannot be read.</summary>
public sealed record TransferRow(int Line, ServiceForm? Form, OrganizationImport? Organization, string? Unreadable)
{
    public static TransferRow CannotRead(int line, string why) => new(line, null, null, why);
}

/// <summary>An organisation named by an imported row, created (through the saver) when it does not exist yet.</summary>
public sealed record OrganizationImport(string Key, string Name, string Description, string? Url, string? Email);
