using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace HelpDirectory.Web.Api;

/// <summary>
/// A JSON answer of the open API: an ETag over its bytes, so a client asking again with If-None-Match gets 304 and no
/// body, and a Cache-Control that lets browsers and proxies keep it for a few minutes.
/// </summary>
public sealed class ApiJson(byte[] bytes) : IResult
{
    public const string CacheControl = "public, max-age=300";

    public ApiJson(JsonNode body) : this(Utf8(body))
    {
    }

    public static byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>The HSDS Page object (openapi.json, components/schemas/Page), written around records already in JSON,
    /// byte for byte what serializing the same tree gives.</summary>
    public static ApiJson Page(int page, int perPage, int total, IEnumerable<byte[]> contents)
    {
        var items = contents.ToList();
        var totalPages = (total + perPage - 1) / perPage;
        var buffer = new ArrayBufferWriter<byte>(256 + items.Sum(i => i.Length + 1));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("total_items", total);
            json.WriteNumber("total_pages", totalPages);
            json.WriteNumber("page_number", page);
            json.WriteNumber("size", items.Count);
            json.WriteBoolean("first_page", page == 1);
            json.WriteBoolean("last_page", page >= totalPages);
            json.WriteBoolean("empty", items.Count == 0);
            json.WriteStartArray("contents");
            foreach (var item in items) json.WriteRawValue(item, skipInputValidation: true);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return new ApiJson(buffer.WrittenSpan.ToArray());
    }

    /// <summary>An object with one more property last: an array of records already in JSON.</summary>
    public static byte[] WithArray(JsonObject head, string name, IEnumerable<byte[]> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (key, value) in head)
            {
                json.WritePropertyName(key);
                if (value is null) json.WriteNullValue();
                else value.WriteTo(json);
            }
            json.WriteStartArray(name);
            foreach (var item in items) json.WriteRawValue(item, skipInputValidation: true);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public async Task ExecuteAsync(HttpContext http)
    {
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
