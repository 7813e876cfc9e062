namespace HelpDirectory.Web.Data;

/// <summary>How sure we are of a record's details (crisis lines and listings): the words stored, in forms, seed files and exports.</summary>
public static class Confidences
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static readonly IReadOnlyList<string> All = [High, Medium, Low];

    public const string Rule = "Choose high, medium or low.";

    public static bool TryParse(string? value, out string confidence)
    {
        confidence = value?.Trim().ToLowerInvariant() ?? "";
        if (confidence is High or Medium or Low) return true;
        confidence = Medium;
        return false;
    }

    /// <summary>A choice that may be left empty (null: none made); false only for a word that is not a confidence.</summary>
    public static bool TryParseOptional(string? value, out string? confidence)
    {
        confidence = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!TryParse(value, out var parsed)) return false;
        confidence = parsed;
        return true;
    }

    /// <summary>What a record checked this way is worth when nobody said otherwise: a website read is desk research.</summary>
    public static string ForCheck(CheckMethod method) => method == CheckMethod.Website ? Medium : High;

    /// <summary>The same for a check method as files write it (a website read when it is missing or unknown).</summary>
    public static string ForCheck(string? checkMethod) => ForCheck(CheckMethods.TryParse(checkMethod, out var method) ? method : CheckMethod.Website);

    /// <summary>A check made now: confirmation by the organisation raises confidence to high; a website read leaves it.</summary>
    public static string AfterCheck(string current, CheckMethod method) => method == CheckMethod.Website ? current : High;
}
