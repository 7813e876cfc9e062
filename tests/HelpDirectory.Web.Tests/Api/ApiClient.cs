using System.Net;
using System.Text.Json.Nodes;

namespace HelpDirectory.Web.Tests.Api;

public static class ApiClient
{
    /// <summary>GET a JSON answer, asserting its status and JSON content type; the failure shows the body.</summary>
    public static async Task<JsonNode> GetJson(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}:\n{body}");
        var type = response.Content.Headers.ContentType?.MediaType;
        Assert.True(type is "application/json" or "application/problem+json", $"GET {url}: {type}, not JSON:\n{body}");
        return JsonNode.Parse(body)!;
    }

    public static List<string> Strings(this JsonNode? array, string field) =>
        array!.AsArray().Select(n => (string)n![field]!).ToList();
}
