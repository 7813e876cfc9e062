namespace HelpDirectory.Web.Pages;

public sealed class SiteOptions
{
    /// <summary>Where the quick-exit control sends a visitor: a neutral, everyday page.</summary>
    public string QuickExitUrl { get; set; } = "https://www.bbc.co.uk/weather";

    /// <summary>The site's public address ("https://helpdirectory.example"), written on printed lists and in shared
    /// links. When empty, the request's own scheme and host are used.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>The full address of a path on this site, for paper, text messages and email.</summary>
    public string Address(HttpRequest request, string path) =>
        (PublicUrl.Length > 0 ? PublicUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}") + path;
}
