namespace HelpDirectory.Web.Data;

/// <summary>One field of a record written in a language other than English (the record's own columns are the English).</summary>
public interface ITranslatedText
{
    /// <summary>A language tag as <see cref="LanguageTags"/> stores it (<c>nb</c>).</summary>
    string Language { get; }

    /// <summary>Which field this is a version of: one of <see cref="TextFields"/>.</summary>
    string Field { get; }

    string Text { get; set; }
}

/// <summary>A listing's description, cost note or a phone's note in another language. A new language is new rows, not new columns.</summary>
public sealed class ServiceText : ITranslatedText
{
    public int ServiceId { get; set; }
    public required string Language { get; set; }
    public required string Field { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>A crisis line's hours or cost note in another language.</summary>
public sealed class CrisisLineText : ITranslatedText
{
    public int CrisisLineId { get; set; }
    public required string Language { get; set; }
    public required string Field { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>What an emergency number is for, in another language.</summary>
public sealed class EmergencyNumberText : ITranslatedText
{
    public int EmergencyNumberId { get; set; }
    public required string Language { get; set; }
    public required string Field { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>The fields that can have a version per language, as <see cref="ITranslatedText.Field"/> names them.</summary>
public static class TextFields
{
    public const string Description = "description";
    public const string CostNote = "cost_note";
    public const string Hours = "hours";
    public const string Use = "use";

    public const int MaxLength = 40;

    /// <summary>The note of a listing's phone, by its place in the list (phones are rewritten with their notes on every save).</summary>
    public static string Phone(int sortOrder) => "phone:" + sortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
