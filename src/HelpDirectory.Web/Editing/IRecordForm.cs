namespace HelpDirectory.Web.Editing;

/// <summary>An editable record's form: its fields as text (what a revision keeps) and how it applies itself.</summary>
public interface IRecordForm<in TEntity>
{
    IReadOnlyDictionary<string, string> Fields();

    /// <summary>Validates what attributes cannot and, when all is well, applies the form. Errors are keyed by field.</summary>
    Dictionary<string, string> ApplyTo(TEntity entity);
}
