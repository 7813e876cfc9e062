namespace HelpDirectory.Web.Data;

/// <summary>How a record's details were last checked. Only a confirmation with the organisation is a verification.</summary>
public enum CheckMethod
{
    /// <summary>Read on the organisation's own website (desk research).</summary>
    Website = 0,
    /// <summary>Confirmed with the organisation, by phone or email.</summary>
    Confirmed = 1,
    /// <summary>Sent to us by the organisation itself.</summary>
    ReportedByOrganisation = 2,
}

public static class CheckMethods
{
    /// <summary>The words used in forms, seed files and exports.</summary>
    public static readonly IReadOnlyList<(CheckMethod Method, string Slug, string Label)> All =
    [
        (CheckMethod.Website, "website", "Read on the organisation's own website"),
        (CheckMethod.Confirmed, "confirmed", "Confirmed with the organisation (phone or email)"),
        (CheckMethod.ReportedByOrganisation, "reported", "Reported by the organisation itself"),
    ];

    public static string Slug(this CheckMethod method) => All.First(m => m.Method == method).Slug;

    public static bool TryParse(string? slug, out CheckMethod method)
    {
        foreach (var m in All)
        {
            if (string.Equals(m.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                method = m.Method;
                return true;
            }
        }
        method = CheckMethod.Website;
        return false;
    }
}
