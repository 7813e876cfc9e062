using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    /// <summary>From the route rather than a handler's parameter: re-executed for a request whose method no handler takes
    /// (a PUT answered 405), the page renders with no handler at all.</summary>
    public int Code => int.TryParse(RouteData.Values["code"] as string, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599 ? code : 404;

    /// <summary>Re-executed for a request whose method it has no handler for (a PUT or OPTIONS answered 405), the page
    /// renders as for GET. Without a handler, Razor Pages would answer OPTIONS with an empty 200 of its own.</summary>
    [NonHandler]
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context) =>
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods.Single(h => h.HttpMethod == "Get");

    public void OnGet() => KeepStatus();
    public void OnPost() => KeepStatus();

    private void KeepStatus()
    {
        // Reached directly (/error/404), the page keeps its own status; re-executed, it keeps the original one.
        if (!PageMethods.IsReExecuted(HttpContext)) Response.StatusCode = Code;
    }
}
