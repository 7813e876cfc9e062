namespace HelpDirectory.Web.Editing;

/// <summary>What became of an editor's save, whatever kind of record it was.</summary>
public abstract record SaveResult
{
    public sealed record Saved(string Key, long Version) : SaveResult;

    /// <summary>Nothing was written. Errors are keyed by the form field they belong beside.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : SaveResult;

    /// <summary>Someone saved since this editor loaded the record; nothing was written.</summary>
    public sealed record Conflict(ConflictDetails Details) : SaveResult;

    public sealed record NotFound : SaveResult;
}

/// <summary>
/// The version saved in the meantime, who saved it and when, and each field where it differs from what this editor sent.
/// A form that sends <see cref="SavedVersion"/> back puts the editor's version over it ("keep mine").
/// </summary>
public sealed record ConflictDetails(long SavedVersion, string SavedBy, DateTime SavedAt, IReadOnlyList<FieldDifference> Differences);

public sealed record FieldDifference(string Field, string Yours, string Saved);
