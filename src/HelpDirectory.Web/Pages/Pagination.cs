namespace HelpDirectory.Web.Pages;

/// <summary>Which page of a list is shown, of how many, and the address of any other: for the one pagination partial.</summary>
public sealed record Pagination(int Page, int Pages, Func<int, string> Link)
{
    public static readonly Pagination One = new(1, 1, _ => "");
}
