using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace HelpDirectory.Web.Api;

/// <summary>
/// A JSON answer of the open API: an ETag over its bytes, so a client asking again with If-None-Match gets 304 and no
/// body, and a Cache-Control that lets browsers and proxies keep it for a few minutes.
/// </summary>
public sealed class ApiJson(JsonNode body) : IResult
{
    public const string CacheControl = "public, max-age=300";

    public async Task ExecuteAsync(HttpContext http)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        var response = http.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = CacheControl;
        if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var asked)
            && asked.Any(e => e.Equals(EntityTagHeaderValue.Any) || e.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, http.RequestAborted);
    }
}

/// <summary>Errors as JSON problem details (RFC 9457): status, a short title and what was wrong with the request. Never
/// an HTML page, never the caller's input echoed beyond the name of the parameter.</summary>
public static class ApiProblem
{
    public static IResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Of(int status, string title, string detail) => Results.Json(
        new JsonObject { ["status"] = status, ["title"] = title, ["detail"] = detail },
        contentType: "application/problem+json; charset=utf-8", statusCode: status);

    public static Task WriteAsync(HttpContext http, int status, string title, string detail) =>
        Of(status, title, detail).ExecuteAsync(http);
}
