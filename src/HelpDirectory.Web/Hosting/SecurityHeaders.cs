namespace HelpDirectory.Web.Hosting;

/// <summary>NetEscapades.AspNetCore.SecurityHeaders is not in this machine's package copy; these few headers are all we need.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>The crisis-line widget is made to be framed by other sites, and runs no script at all.</summary>
    private const string WidgetCsp =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors *; base-uri 'none'";

    /// <summary>The one address other sites may frame: /widget/{country}[/{region}].</summary>
    public const string WidgetPath = "/widget";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            // Read when the response starts, so an error page re-executed for a widget address is not frameable.
            var widget = context.Request.Path.StartsWithSegments(WidgetPath, StringComparison.OrdinalIgnoreCase) && context.Response.StatusCode == StatusCodes.Status200OK;
            h.ContentSecurityPolicy = widget ? WidgetCsp : Csp;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            if (!widget) h.XFrameOptions = "DENY";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
