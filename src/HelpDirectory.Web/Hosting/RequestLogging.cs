using System.Diagnostics;

namespace HelpDirectory.Web.Hosting;

/// <summary>
/// One line per request: method, path, status and time. Never the query string (it can hold a search term), never an IP
/// address, never a header. Serilog.AspNetCore's request logging cannot be restored here, and this is all we want of it.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var path = context.Request.Path.Value ?? "/";
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var level = context.Response.StatusCode >= 500 ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                context.Request.Method, Truncate(path), context.Response.StatusCode, elapsed);
        }
    }

    private static string Truncate(string path) => path.Length <= 200 ? path : path[..200] + "…";
}
