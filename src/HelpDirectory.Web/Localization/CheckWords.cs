using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Localization;

/// <summary>What a visitor reads about a record's last check, in their language, saying no more than was done.</summary>
public static class CheckWords
{
    /// <summary>Who checked the seed's records: shown as "our editors" in the reader's language.</summary>
    public const string OurEditors = "HelpDirectory editors";

    /// <param name="isLine">A crisis line ("the line's website") rather than a listing ("the organisation's website").</param>
    public static string Describe(CheckMethod method, DateOnly? on, string? by, bool isLine = false)
    {
        if (on is not { } date) return Text.Get("Check.NotYet");
        var whose = isLine ? "Line" : "Org";
        var what = method switch
        {
            CheckMethod.Confirmed => Text.Format($"Check.Confirmed.{whose}", Text.Date(date)),
            CheckMethod.ReportedByOrganisation => Text.Format($"Check.Reported.{whose}", Text.Date(date)),
            _ => Text.Format($"Check.Website.{whose}", Text.Date(date)),
        };
        if (string.IsNullOrWhiteSpace(by)) return what;
        return Text.Format("Check.By", what, by.Trim() == OurEditors ? Text.Get("Check.OurEditors") : by.Trim());
    }
}
