namespace HelpDirectory.Web.Localization;

/// <summary>The language a request is in (from its address) and the languages it could be read in.</summary>
public sealed record LanguageFeature(SiteLanguage Language, SiteLanguages Languages);

public static class LanguageHttpContextExtensions
{
    public static SiteLanguage GetLanguage(this HttpContext context) =>
        context.Features.Get<LanguageFeature>()?.Language ?? Fallback;

    public static SiteLanguages? GetLanguages(this HttpContext context) => context.Features.Get<LanguageFeature>()?.Languages;

    /// <summary>An address of this site in the request's language: "/help/no" becomes "/nb/help/no" on a Norwegian page.</summary>
    public static string Href(this HttpContext context, string path) =>
        LocalPaths.IsLocal(path) ? context.GetLanguage().PathBase + path : path;

    /// <summary>The address of the page being shown, without its language prefix, percent-encoded as it was asked for
    /// (so it can go back into a link and a Location header): for an error page, the address that was asked for.</summary>
    public static string NeutralPathAndQuery(this HttpContext context)
    {
        var reExecute = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>();
        var path = reExecute is not null ? new PathString(reExecute.OriginalPath) : context.Request.Path;
        var query = reExecute?.OriginalQueryString ?? context.Request.QueryString.Value ?? "";
        return (path.HasValue ? path.ToUriComponent() : "/") + query;
    }

    private static readonly SiteLanguage Fallback = new() { Tag = "en", Culture = "en-GB" };
}
