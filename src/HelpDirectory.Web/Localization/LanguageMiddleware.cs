using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace HelpDirectory.Web.Localization;

/// <summary>
/// Decides a request's language from its address alone: "/nb/help/no" is the Norwegian version of "/help/no". The
/// prefix moves into PathBase, so routing, links made by the framework and redirects all stay in that language, and the
/// culture (resource files, dates, numbers) is set for the rest of the request.
///
/// The home page is the one address that offers another language: a visitor who chose one (the choice cookie), or whose
/// browser prefers one of ours, is sent to its home page. The region never decides the language.
/// </summary>
public sealed class LanguageMiddleware(RequestDelegate next, SiteLanguages languages)
{
    // Addresses that exist in one language only: the editors' area and the machine-readable API (whose page for people,
    // /api itself, is in every language).
    private static readonly string[] DefaultOnly = ["/admin", "/api", "/language"];

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var language = languages.Default;
        foreach (var other in languages.All.Skip(1))
        {
            if (!request.Path.StartsWithSegments(other.PathBase, StringComparison.OrdinalIgnoreCase, out var rest)) continue;
            language = other;
            request.PathBase = request.PathBase.Add(other.PathBase);
            request.Path = rest.HasValue && rest.Value!.Length > 0 ? rest : "/";
            // No such page in this language: the "not found" page answers (it sets its own 404), in this language.
            if (DefaultOnly.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) && !IsApiPage(request.Path)) request.Path = "/error/404";
            break;
        }

        if (language == languages.Default && request.Path == "/" && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            // What "/" shows depends on these, for any shared cache between us and the visitor.
            context.Response.Headers.Append(HeaderNames.Vary, "Accept-Language, Cookie");
            var chosen = languages.Find(ChoiceCookie.Read(request).Language);
            var offered = chosen ?? languages.FromAcceptLanguage(request.Headers.AcceptLanguage.ToString());
            if (offered is not null && offered != languages.Default)
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Redirect(offered.PathBase + "/" + request.QueryString.Value);
                return Task.CompletedTask;
            }
        }

        Use(context, language);
        return next(context);
    }

    private static bool IsApiPage(PathString path) =>
        path.Value is { } value && value.TrimEnd('/').Equals("/api", StringComparison.OrdinalIgnoreCase);

    private void Use(HttpContext context, SiteLanguage language)
    {
        context.Features.Set(new LanguageFeature(language, languages));
        CultureInfo.CurrentCulture = language.CultureInfo;
        CultureInfo.CurrentUICulture = language.CultureInfo;
    }
}
