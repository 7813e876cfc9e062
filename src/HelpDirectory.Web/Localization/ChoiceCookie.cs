namespace HelpDirectory.Web.Localization;

/// <summary>
/// The one cookie a visitor can get: the region they chose and, once they choose one, their language. The value is
/// "NO-03", "NO-03|nb" or "|nb", so a cookie written before languages existed still reads as its region.
/// </summary>
public static class ChoiceCookie
{
    public const string Name = "region";
    private const char Separator = '|';

    public sealed record Choice(string? Region, string? Language);

    public static Choice Read(HttpRequest request) => Parse(request.Cookies[Name]);

    public static Choice Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 40) return new(null, null);
        var at = value.IndexOf(Separator, StringComparison.Ordinal);
        var region = (at < 0 ? value : value[..at]).Trim();
        var language = at < 0 ? "" : value[(at + 1)..].Trim();
        return new(region.Length > 0 ? region : null, language.Length > 0 ? language : null);
    }

    /// <summary>Writes the choice; a part left null keeps what the visitor chose before.</summary>
    public static void Save(HttpContext context, string? region, string? language, int days)
    {
        var before = Read(context.Request);
        region ??= before.Region;
        language ??= before.Language;
        var value = language is null ? region ?? "" : $"{region}{Separator}{language}";
        context.Response.Cookies.Append(Name, value, Options(context, days));
    }

    /// <summary>Forgets the region but keeps a chosen language (the visitor asked to forget where they are, not how they read).</summary>
    public static void ForgetRegion(HttpContext context, int days)
    {
        var language = Read(context.Request).Language;
        if (language is null)
        {
            context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/" });
            return;
        }
        context.Response.Cookies.Append(Name, $"{Separator}{language}", Options(context, days));
    }

    private static CookieOptions Options(HttpContext context, int days) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        MaxAge = TimeSpan.FromDays(days),
        Path = "/",
    };
}
