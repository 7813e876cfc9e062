using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace HelpDirectory.Web.Tests.Infrastructure;

/// <summary>
/// Open Referral's own HSDS 3.0 schemas (copied into Fixtures/hsds-3.0, CC BY-SA 4.0), with formats (uuid, uri, email,
/// date-time) checked, not just noted. A failure names every error and the JSON it was found in.
/// </summary>
public static class HsdsSchemas
{
    private const string Base = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/";
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hsds-3.0");
    // The schemas name no dialect and carry keywords of their own (name, core, constraints): draft 2020-12, which allows them.
    private static readonly BuildOptions Options = new() { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
    private static readonly Lock Sync = new();
    private static readonly Dictionary<string, JsonSchema> Loaded = [];

    /// <summary>A service as /services/{id} and the export give it (compiled/service.json).</summary>
    public static JsonSchema Service => File("service.json");

    /// <summary>An item of the /services list (compiled/service_list.json).</summary>
    public static JsonSchema ServiceListItem => File("service_list.json");

    public static JsonSchema Organization => File("organization.json");

    public static JsonSchema OrganizationListItem => File("organization_list.json");

    /// <summary>One of the definitions that service_with_definitions.json carries (taxonomy, taxonomy_term,
    /// service_at_location...), for the records that have no compiled schema of their own in the copy.</summary>
    public static JsonSchema Definition(string name)
    {
        File("service_with_definitions.json");
        return Get("definition:" + name, () => JsonSchema.FromText(
            $$"""{"$ref": "{{Base}}service_with_definitions.json#/definitions/{{name}}"}""", Options, new Uri($"https://helpdirectory.test/definition/{name}")));
    }

    /// <summary>The Page object of the HSDS openapi.json (components/schemas/Page), every field required, with contents
    /// an array.</summary>
    public static JsonSchema Page
    {
        get
        {
            return Get("page", () =>
            {
                var openapi = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, "openapi.json")))!;
                var page = openapi["components"]!["schemas"]!["Page"]!.DeepClone().AsObject();
                page["properties"]!.AsObject()["contents"] = new JsonObject { ["type"] = "array" };
                page["required"] = new JsonArray("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents");
                return JsonSchema.FromText(page.ToJsonString(), Options, new Uri("https://helpdirectory.test/page"));
            });
        }
    }

    public static void AssertValid(JsonSchema schema, JsonNode? instance, string what)
    {
        Assert.NotNull(instance);
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid) return;
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct().Take(20);
        Assert.Fail($"{what} does not validate against the HSDS schema:\n{string.Join('\n', errors)}\n\n{instance.ToJsonString()}");
    }

    /// <summary>A page of an HSDS list: the Page object, and each item of its contents against the item's schema.</summary>
    public static JsonArray AssertValidPage(JsonNode? page, JsonSchema item, string what)
    {
        AssertValid(Page, page, what);
        var contents = page!["contents"]!.AsArray();
        foreach (var (entry, i) in contents.Select((e, i) => (e, i))) AssertValid(item, entry, $"{what}, item {i}");
        return contents;
    }

    private static JsonSchema File(string name) =>
        Get(name, () => JsonSchema.FromText(System.IO.File.ReadAllText(Path.Combine(Folder, name)), Options, new Uri(Base + name)));

    private static JsonSchema Get(string key, Func<JsonSchema> load)
    {
        lock (Sync)
        {
            if (!Loaded.TryGetValue(key, out var schema)) Loaded[key] = schema = load();
            return schema;
        }
    }
}
