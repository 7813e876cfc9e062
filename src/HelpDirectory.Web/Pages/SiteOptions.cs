namespace HelpDirectory.Web.Pages;

public sealed class SiteOptions
{
    /// <summary>Where the quick-exit control sends a visitor: a neutral, everyday page.</summary>
    public string QuickExitUrl { get; set; } = "https://www.bbc.co.uk/weather";
}
