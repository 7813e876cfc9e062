using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Pages;

/// <summary>
/// A page answers only the methods it has handlers for (HEAD wherever GET is, a page with no handlers GET and HEAD); any
/// other method gets 405 with an Allow header, rendered by the error page. Without this a page asked with TRACE or PUT ran
/// with no handler, its model never filled, and rendering failed (500). It runs before antiforgery, so a method no page
/// takes is 405 rather than 400.
/// </summary>
public sealed class PageMethods : IAuthorizationFilter, IOrderedFilter
{
    // Before every other authorization filter; antiforgery's is 1000.
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        // The error page re-executed for an earlier answer (this 405 among them) renders for whatever method was used.
        if (IsReExecuted(context.HttpContext) || context.ActionDescriptor is not CompiledPageActionDescriptor page) return;
        var method = context.HttpContext.Request.Method;
        var allowed = Allowed(page);
        if (allowed.Contains(method, StringComparer.OrdinalIgnoreCase)) return;
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public static IReadOnlyList<string> Allowed(CompiledPageActionDescriptor page)
    {
        var methods = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (methods.Count == 0 || methods.Contains(HttpMethods.Get)) methods.UnionWith([HttpMethods.Get, HttpMethods.Head]);
        string[] usual = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];
        return [.. usual.Where(methods.Contains), .. methods.Except(usual).Order(StringComparer.Ordinal)];
    }

    public static bool IsReExecuted(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null;
}
