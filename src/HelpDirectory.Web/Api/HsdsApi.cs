using System.Text.Json.Nodes;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing.Transfer;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Api;

/// <summary>
/// The read-only Open Referral HSDS 3.0 API: published listings only, in the same shape (and with the same stable ids)
/// as the HSDS export, so a record read here and one read from an export are the same record.
/// </summary>
public static class HsdsApi
{
    /// <summary>Where the API lives (mapped inside the /api group).</summary>
    public const string Prefix = "/api/hsds";
    public const string Version = "3.0.0";

    private static readonly string[] PageKeys = ["page", "per_page"];
    private static readonly string[] ListingFilterKeys = ["search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "country", "region"];

    private static readonly Dictionary<string, string> TaxonomyDescriptions = new(StringComparer.Ordinal)
    {
        ["helpdirectory-kinds"] = "The kinds of help HelpDirectory lists: helplines, therapy, peer support, online communities and crisis services.",
        ["helpdirectory-cost"] = "What a service costs the person using it.",
        ["helpdirectory-audiences"] = "Who a service is for.",
        ["helpdirectory-approaches"] = "The therapeutic approaches a service offers.",
        ["helpdirectory-contact-methods"] = "How people can reach a service.",
    };

    public static RouteGroupBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var hsds = app.MapGroup("/hsds").WithTags("HSDS 3.0");
        hsds.MapGet("/", Root).WithSummary("The HSDS version and profile of this API.");
        hsds.MapGet("/services", Services).WithSummary("Published services, paged; filters combine with AND.")
            .Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        hsds.MapGet("/services/{id}", Service).WithSummary("One published service, fully nested.")
            .Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        hsds.MapGet("/organizations", Organizations).WithSummary("Organizations with at least one published service, paged.")
            .Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        hsds.MapGet("/organizations/{id}", Organization).WithSummary("One organization with its published services.")
            .Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        hsds.MapGet("/taxonomies", Taxonomies).WithSummary("HelpDirectory's own taxonomies (kinds of help, cost, audiences, approaches, contact methods).")
            .Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        hsds.MapGet("/taxonomies/{id}", Taxonomy).WithSummary("One taxonomy.")
            .Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        hsds.MapGet("/taxonomy_terms", TaxonomyTerms).WithSummary("The taxonomy terms published services use, paged.")
            .Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        hsds.MapGet("/taxonomy_terms/{id}", TaxonomyTerm).WithSummary("One taxonomy term.")
            .Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        hsds.MapGet("/service_at_locations", ServiceAtLocations).WithSummary("Where in-person services are delivered, paged.")
            .Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        hsds.MapGet("/service_at_locations/{id}", ServiceAtLocation).WithSummary("One service at a location, with its location and service.")
            .Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        return hsds;
    }

    private sealed record Listing(Service Entity, JsonObject Json)
    {
        public string Id => (string)Json["id"]!;

        public IEnumerable<JsonObject> Terms => Json["attributes"]!.AsArray().Select(a => a!["taxonomy_term"]!.AsObject());
    }

    private static IResult Root(HttpContext http)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        return new ApiJson(new JsonObject
        {
            ["version"] = Version,
            ["profile"] = origin + "/api",
            ["openapi_url"] = origin + "/api/openapi.json",
            ["helpdirectory_extensions"] = new JsonObject
            {
                ["helpdirectory_time_zone"] = "The service's IANA time zone (schedules also carry it as timezone_name); HSDS's numeric timezone is the offset now.",
                ["helpdirectory_source"] = "Where the listing was checked: the source an editor read.",
                ["helpdirectory_verified_by"] = "Who checked it; assured_date is when.",
                ["helpdirectory_slug"] = "The listing's address on this site: /services/{slug}.",
                [Editing.Transfer.HsdsMapping.TranslationsField] = "The service's description and fees_description, and a phone's description, in other languages: {\"nb\": {\"description\": \"...\"}}. The standard fields are in English.",
            },
        });
    }

    private static async Task<IResult> Services(HttpContext http, HelpDbContext db, CancellationToken ct)
    {
        var query = ApiQuery.Read(http.Request.Query, [.. PageKeys, .. ListingFilterKeys, "full"]);
        var full = query.Flag("full");
        // Filters the database can answer (place, modified_after) page in the database: only the page's listings are
        // read and mapped, whatever the directory's size. The others read what the place and date leave, in memory.
        if (query.Search is null && query.Id("taxonomy_term_id") is null && query.Id("taxonomy_id") is null && query.Id("organization_id") is null)
            return await PagedInDatabaseAsync(http, db, query, full, ct);
        var (listings, error) = await FilteredAsync(http, db, query, ct);
        if (error is not null) return error;
        return Paged(query, listings.Select(l => full ? l.Json : ListItem(l.Json)).ToList());
    }

    private static async Task<IResult> Service(string id, HttpContext http, HelpDbContext db, CancellationToken ct)
    {
        if (!TryId(id, out var key)) return BadId("service");
        var slugs = await db.Services.Published().Select(s => s.Slug).ToListAsync(ct);
        var slug = slugs.FirstOrDefault(s => HsdsMapping.ServiceId(s) == key);
        if (slug is null) return ApiProblem.NotFound("No published service has this id.");
        var service = await db.Services.Published().Where(s => s.Slug == slug).ForTransfer().SingleAsync(ct);
        return new ApiJson(HsdsMapping.ToHsds(service));
    }

    private static async Task<IResult> Organizations(HttpContext http, HelpDbContext db, CancellationToken ct)
    {
        var query = ApiQuery.Read(http.Request.Query, [.. PageKeys, "search", "country", "region"]);
        var search = query.Search;
        var (listings, error) = await FilteredAsync(http, db, query, ct, listingFilters: false);
        if (error is not null) return error;
        var organizations = OrganizationsOf(listings)
            .Where(o => search is null || Matches(search, (string?)o.Organization["name"], (string?)o.Organization["description"]))
            .Select(o => (JsonNode)o.Organization).ToList();
        return Paged(query, organizations);
    }

    private static async Task<IResult> Organization(string id, HttpContext http, HelpDbContext db, CancellationToken ct)
    {
        if (!TryId(id, out var key)) return BadId("organization");
        if (ApiQuery.Read(http.Request.Query).Error is { } unknown) return ApiProblem.BadRequest(unknown);
        var match = OrganizationsOf(await LoadAsync(db, null, ct)).FirstOrDefault(o => (string?)o.Organization["id"] == key);
        if (match.Organization is null) return ApiProblem.NotFound("No organization with a published service has this id.");
        match.Organization["services"] = new JsonArray(match.Services.Select(s => (JsonNode)ListItem(s.Json)).ToArray());
        return new ApiJson(match.Organization);
    }

    private static async Task<IResult> Taxonomies(HttpContext http, HelpDbContext db, CancellationToken ct)
    {
        var query = ApiQuery.Read(http.Request.Query, [.. PageKeys, "search"]);
        var search = query.Search;
        if (query.Error is not null) return ApiProblem.BadRequest(query.Error);
        var taxonomies = TaxonomiesOf(await LoadAsync(db, null, ct))
            .Where(t => search is null || Matches(search, (string?)t["name"], (string?)t["description"]))
            .Select(t => (JsonNode)t).ToList();
        return Paged(query, taxonomies);
    }

    private static async Task<IResult> Taxonomy(string id, HttpContext http, HelpDbContext db, CancellationToken ct)
    {
        if (!TryId(id, out var key)) return BadId("taxonomy");
        if (ApiQuery.Read(http.Request.Query).Error is { } unknown) return ApiProblem.BadRequest(unknown);
        var taxonomy = TaxonomiesOf(await LoadAsync(db, null, ct)).FirstOrDefault(t => (string?)t["id"] == key);
        return taxonomy is null ? ApiProblem.NotFound("No taxonomy has this id.") : new ApiJson(taxonomy);
    }

    private static async Task<IResult> TaxonomyTerms(HttpContext http, HelpDbContext db, CancellationToken ct)
    {
        var query = ApiQuery.Read(http.Request.Query, [.. PageKeys, "search", "taxonomy_id"]);
        var search = query.Search;
        var taxonomyId = query.Id("taxonomy_id");
        if (query.Error is not null) return ApiProblem.BadRequest(query.Error);
        var terms = TermsOf(await LoadAsync(db, null, ct))
            .Where(t => taxonomyId is null || (string?)t["taxonomy_id"] == taxonomyId)
            .Where(t => search is null || Matches(search, (string?)t["name"], (string?)t["description"]))
            .Select(t => (JsonNode)t).ToList();
        return Paged(query, terms);
    }

    private static async Task<IResult> TaxonomyTerm(string id, HttpContext http, HelpDbContext db, CancellationToken ct)
    {
        if (!TryId(id, out var key)) return BadId("taxonomy term");
        if (ApiQuery.Read(http.Request.Query).Error is { } unknown) return ApiProblem.BadRequest(unknown);
        var term = TermsOf(await LoadAsync(db, null, ct)).FirstOrDefault(t => (string?)t["id"] == key);
        return term is null ? ApiProblem.NotFound("No taxonomy term has this id.") : new ApiJson(term);
    }

    private static async Task<IResult> ServiceAtLocations(HttpContext http, HelpDbContext db, CancellationToken ct)
    {
        var query = ApiQuery.Read(http.Request.Query, [.. PageKeys, .. ListingFilterKeys]);
        var (listings, error) = await FilteredAsync(http, db, query, ct);
        if (error is not null) return error;
        return Paged(query, ServiceAtLocationsOf(listings).Select(x => (JsonNode)x.ServiceAtLocation).ToList());
    }

    private static async Task<IResult> ServiceAtLocation(string id, HttpContext http, HelpDbContext db, CancellationToken ct)
    {
        if (!TryId(id, out var key)) return BadId("service at location");
        if (ApiQuery.Read(http.Request.Query).Error is { } unknown) return ApiProblem.BadRequest(unknown);
        var match = ServiceAtLocationsOf(await LoadAsync(db, null, ct)).FirstOrDefault(x => (string?)x.ServiceAtLocation["id"] == key);
        if (match.ServiceAtLocation is null) return ApiProblem.NotFound("No service at location has this id.");
        match.ServiceAtLocation["service"] = ListItem(match.Listing.Json);
        return new ApiJson(match.ServiceAtLocation);
    }

    /// <summary>Published listings, narrowed by the request's filters. The place is matched in the database, as the
    /// directory's pages match it (<see cref="ServiceReach.ReachingPlace"/>); the rest in memory, over the records as
    /// HSDS gives them, so a filter means exactly what the response shows.</summary>
    private static async Task<(List<Listing> Listings, IResult? Error)> FilteredAsync(
        HttpContext http, HelpDbContext db, ApiQuery query, CancellationToken ct, bool listingFilters = true)
    {
        var place = query.Place(http.GetRegions());
        _ = query.Page;
        _ = query.PerPage;
        var search = listingFilters ? query.Search : null;
        var termId = query.Id("taxonomy_term_id");
        var taxonomyId = query.Id("taxonomy_id");
        var organizationId = query.Id("organization_id");
        var modifiedAfter = query.ModifiedAfter;
        if (query.Error is not null) return ([], ApiProblem.BadRequest(query.Error));

        var listings = (await LoadAsync(db, place, ct))
            .Where(l => search is null || Matches(search, l.Entity.Name, l.Entity.Description, l.Entity.Organization?.Name))
            .Where(l => termId is null || l.Terms.Any(t => (string?)t["id"] == termId))
            .Where(l => taxonomyId is null || l.Terms.Any(t => (string?)t["taxonomy_id"] == taxonomyId))
            .Where(l => organizationId is null || (string?)l.Json["organization_id"] == organizationId)
            .Where(l => modifiedAfter is null || l.Entity.UpdatedAt > modifiedAfter)
            .ToList();
        return (listings, null);
    }

    private static async Task<List<Listing>> LoadAsync(HelpDbContext db, Place? place, CancellationToken ct)
    {
        var services = db.Services.Published();
        if (place is not null) services = services.ReachingPlace(db.ServiceAreas, place);
        var loaded = await services.ForTransfer().ToListAsync(ct);
        return loaded.Select(s => new Listing(s, HsdsMapping.ToHsds(s))).ToList();
    }

    private static async Task<IResult> PagedInDatabaseAsync(HttpContext http, HelpDbContext db, ApiQuery query, bool full, CancellationToken ct)
    {
        var place = query.Place(http.GetRegions());
        var page = query.Page;
        var perPage = query.PerPage;
        var modifiedAfter = query.ModifiedAfter;
        if (query.Error is not null) return ApiProblem.BadRequest(query.Error);
        var services = db.Services.Published();
        if (place is not null) services = services.ReachingPlace(db.ServiceAreas, place);
        if (modifiedAfter is { } after) services = services.Where(s => s.UpdatedAt > after);
        var total = await services.CountAsync(ct);
        var totalPages = (total + perPage - 1) / perPage;
        if (page > Math.Max(totalPages, 1)) return ApiProblem.NotFound($"There are {totalPages} pages of {perPage}.");
        var shown = await services.ForTransfer().Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        var contents = shown.Select(s => HsdsMapping.ToHsds(s)).Select(j => (JsonNode)(full ? j : ListItem(j))).ToArray();
        return new ApiJson(PageObject(page, totalPages, total, contents));
    }

    /// <summary>The HSDS Page object (openapi.json, components/schemas/Page). A page past the last is not found; the first
    /// page of an empty result is an empty page.</summary>
    private static IResult Paged(ApiQuery query, IReadOnlyList<JsonNode> all)
    {
        var page = query.Page;
        var perPage = query.PerPage;
        if (query.Error is not null) return ApiProblem.BadRequest(query.Error);
        var totalPages = (all.Count + perPage - 1) / perPage;
        if (page > Math.Max(totalPages, 1)) return ApiProblem.NotFound($"There are {totalPages} pages of {perPage}.");
        var contents = all.Skip((page - 1) * perPage).Take(perPage).Select(n => n.DeepClone()).ToArray();
        return new ApiJson(PageObject(page, totalPages, all.Count, contents));
    }

    private static JsonObject PageObject(int page, int totalPages, int total, JsonNode[] contents) =>
        new()
        {
            ["total_items"] = total,
            ["total_pages"] = totalPages,
            ["page_number"] = page,
            ["size"] = contents.Length,
            ["first_page"] = page == 1,
            ["last_page"] = page >= totalPages,
            ["empty"] = contents.Length == 0,
            ["contents"] = new JsonArray(contents),
        };

    /// <summary>A service as lists give it: its one-to-one fields and its organization, without the nested arrays
    /// (compiled/service_list.json); full=true gives the whole record.</summary>
    private static JsonObject ListItem(JsonObject service)
    {
        var item = service.DeepClone().AsObject();
        foreach (var key in item.Where(p => p.Value is JsonArray).Select(p => p.Key).ToList()) item.Remove(key);
        return item;
    }

    private static IEnumerable<(JsonObject Organization, List<Listing> Services)> OrganizationsOf(IEnumerable<Listing> listings) =>
        listings.GroupBy(l => (string)l.Json["organization_id"]!)
            .Select(g => (g.First().Json["organization"]!.DeepClone().AsObject(), g.ToList()))
            .OrderBy(o => (string?)o.Item1["name"], StringComparer.Ordinal);

    private static IEnumerable<JsonObject> TermsOf(IEnumerable<Listing> listings) =>
        listings.SelectMany(l => l.Terms).DistinctBy(t => (string?)t["id"])
            .Select(t => t.DeepClone().AsObject())
            .OrderBy(t => (string?)t["taxonomy"], StringComparer.Ordinal).ThenBy(t => (string?)t["name"], StringComparer.Ordinal);

    private static IEnumerable<JsonObject> TaxonomiesOf(IEnumerable<Listing> listings) =>
        TermsOf(listings).Select(t => (string)t["taxonomy"]!).Distinct().Select(name => new JsonObject
        {
            ["id"] = HsdsMapping.TaxonomyId(name),
            ["name"] = name,
            ["description"] = TaxonomyDescriptions.GetValueOrDefault(name, name),
        });

    /// <summary>Where in-person services are delivered: the physical service_at_locations of each listing, each with the
    /// ids of its service and location.</summary>
    private static IEnumerable<(JsonObject ServiceAtLocation, Listing Listing)> ServiceAtLocationsOf(IEnumerable<Listing> listings) =>
        listings.SelectMany(l => l.Json["service_at_locations"]!.AsArray().OfType<JsonObject>()
            .Where(sal => (string?)sal["location"]?["location_type"] == "physical")
            .Select(sal =>
            {
                var copy = sal.DeepClone().AsObject();
                copy["service_id"] = l.Id;
                copy["location_id"] = (string?)copy["location"]!["id"];
                return (copy, l);
            }));

    private static bool Matches(string search, params string?[] fields) =>
        fields.Any(f => f is not null && f.Contains(search, StringComparison.OrdinalIgnoreCase));

    private static bool TryId(string id, out string key)
    {
        key = Guid.TryParseExact(id, "D", out var g) ? g.ToString() : "";
        return key.Length > 0;
    }

    private static IResult BadId(string what) => ApiProblem.BadRequest($"A {what} id is a UUID, such as 3f2b8c1e-0000-5000-8000-000000000000.");
}
