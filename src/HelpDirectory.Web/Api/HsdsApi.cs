using System.Text.Json.Nodes;
using HelpDirectory.Web.Caching;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing.Transfer;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using HelpDirectory.Web.Searching;
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
        // Answers are the same from any region, so the page cache keeps one of each (per minute, until the next save).
        var hsds = app.MapGroup("/hsds").WithTags("HSDS 3.0").WithMetadata(new AnswerForEveryRegion([.. PageKeys, .. ListingFilterKeys, "full"]));
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

    private static async Task<IResult> Services(HttpContext http, HelpDbContext db, HsdsRecords records, SearchIndex index, CancellationToken ct)
    {
        var query = ApiQuery.Read(http.Request.Query, [.. PageKeys, .. ListingFilterKeys, "full"]);
        var full = query.Flag("full");
        var generation = records.Current;
        var (services, filter, error) = await ListedAsync(http, db, records, generation, index, query, ct);
        if (services is null) return error!;
        // A page is a read of its ids, and the count the first time this filter is asked for; the records' JSON comes
        // from what was mapped before.
        var (page, perPage) = (query.Page, query.PerPage);
        var total = await generation.CountAsync("services|" + filter, () => services.CountAsync(ct));
        if (PastTheEnd(page, perPage, total) is { } notFound) return notFound;
        var shown = await services.OrderBy(s => s.Slug).Skip((page - 1) * perPage).Take(perPage).Select(s => s.Id).ToListAsync(ct);
        var json = await records.ServicesAsync(generation, db, shown, ct);
        return ApiJson.Page(page, perPage, total, json.Select(j => full ? j.Full : j.ListItem));
    }

    private static async Task<IResult> Service(string id, HttpContext http, HelpDbContext db, HsdsRecords records, CancellationToken ct)
    {
        if (!TryId(id, out var key)) return BadId("service");
        if (ApiQuery.Read(http.Request.Query).Error is { } unknown) return ApiProblem.BadRequest(unknown);
        var generation = records.Current;
        var ids = await records.IdsAsync(generation);
        if (!ids.Services.TryGetValue(key, out var serviceId)) return ApiProblem.NotFound("No published service has this id.");
        var shown = await db.Services.Published().Where(s => s.Id == serviceId).Select(s => s.Id).ToListAsync(ct);
        var json = await records.ServicesAsync(generation, db, shown, ct);
        return json.Count == 0 ? ApiProblem.NotFound("No published service has this id.") : new ApiJson(json[0].Full);
    }

    private static async Task<IResult> Organizations(HttpContext http, HelpDbContext db, HsdsRecords records, CancellationToken ct)
    {
        var query = ApiQuery.Read(http.Request.Query, [.. PageKeys, "search", "country", "region"]);
        var place = query.Place(http.GetRegions());
        var search = query.Search;
        var (page, perPage) = (query.Page, query.PerPage);
        if (query.Error is not null) return ApiProblem.BadRequest(query.Error);
        var services = db.Services.Published();
        if (place is not null) services = services.ReachingPlace(db.ServiceAreas, place);
        var serving = services.Select(s => s.OrganizationId);
        var organizations = db.Organizations.AsNoTracking().Where(o => serving.Contains(o.Id));
        if (search is not null) organizations = organizations.WhereAnyLike(db.Database, Like(search), o => o.Name, o => o.Description);
        var total = await records.Current.CountAsync(string.Join('|', "organizations", place?.Path, search), () => organizations.CountAsync(ct));
        if (PastTheEnd(page, perPage, total) is { } notFound) return notFound;
        var shown = await ByName(db, organizations).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        return ApiJson.Page(page, perPage, total, shown.Select(o => ApiJson.Utf8(HsdsMapping.ToHsds(o))));
    }

    private static async Task<IResult> Organization(string id, HttpContext http, HelpDbContext db, HsdsRecords records, CancellationToken ct)
    {
        if (!TryId(id, out var key)) return BadId("organization");
        if (ApiQuery.Read(http.Request.Query).Error is { } unknown) return ApiProblem.BadRequest(unknown);
        var generation = records.Current;
        var ids = await records.IdsAsync(generation);
        if (!ids.Organizations.TryGetValue(key, out var organizationId)) return ApiProblem.NotFound("No organization with a published service has this id.");
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        var shown = await db.Services.Published().Where(s => s.OrganizationId == organizationId).OrderBy(s => s.Slug)
            .Select(s => s.Id).ToListAsync(ct);
        var json = await records.ServicesAsync(generation, db, shown, ct);
        if (organization is null || json.Count == 0) return ApiProblem.NotFound("No organization with a published service has this id.");
        return new ApiJson(ApiJson.WithArray(HsdsMapping.ToHsds(organization), "services", json.Select(j => j.ListItem)));
    }

    private static async Task<IResult> Taxonomies(HttpContext http, HsdsRecords records)
    {
        var query = ApiQuery.Read(http.Request.Query, [.. PageKeys, "search"]);
        var search = query.Search;
        if (query.Error is not null) return ApiProblem.BadRequest(query.Error);
        var taxonomies = TaxonomiesOf(await records.TermsAsync(records.Current))
            .Where(t => search is null || Matches(search, (string?)t["name"], (string?)t["description"]))
            .Select(t => (JsonNode)t).ToList();
        return Paged(query, taxonomies);
    }

    private static async Task<IResult> Taxonomy(string id, HttpContext http, HsdsRecords records)
    {
        if (!TryId(id, out var key)) return BadId("taxonomy");
        if (ApiQuery.Read(http.Request.Query).Error is { } unknown) return ApiProblem.BadRequest(unknown);
        var taxonomy = TaxonomiesOf(await records.TermsAsync(records.Current)).FirstOrDefault(t => (string?)t["id"] == key);
        return taxonomy is null ? ApiProblem.NotFound("No taxonomy has this id.") : new ApiJson(taxonomy);
    }

    private static async Task<IResult> TaxonomyTerms(HttpContext http, HsdsRecords records)
    {
        var query = ApiQuery.Read(http.Request.Query, [.. PageKeys, "search", "taxonomy_id"]);
        var search = query.Search;
        var taxonomyId = query.Id("taxonomy_id");
        if (query.Error is not null) return ApiProblem.BadRequest(query.Error);
        var terms = (await records.TermsAsync(records.Current)).Select(HsdsMapping.ToHsds)
            .Where(t => taxonomyId is null || (string?)t["taxonomy_id"] == taxonomyId)
            .Where(t => search is null || Matches(search, (string?)t["name"], (string?)t["description"]))
            .Select(t => (JsonNode)t).ToList();
        return Paged(query, terms);
    }

    private static async Task<IResult> TaxonomyTerm(string id, HttpContext http, HsdsRecords records)
    {
        if (!TryId(id, out var key)) return BadId("taxonomy term");
        if (ApiQuery.Read(http.Request.Query).Error is { } unknown) return ApiProblem.BadRequest(unknown);
        var term = (await records.TermsAsync(records.Current)).Select(HsdsMapping.ToHsds).FirstOrDefault(t => (string?)t["id"] == key);
        return term is null ? ApiProblem.NotFound("No taxonomy term has this id.") : new ApiJson(term);
    }

    private static async Task<IResult> ServiceAtLocations(HttpContext http, HelpDbContext db, HsdsRecords records, SearchIndex index, CancellationToken ct)
    {
        var query = ApiQuery.Read(http.Request.Query, [.. PageKeys, .. ListingFilterKeys]);
        var generation = records.Current;
        var (services, filter, error) = await ListedAsync(http, db, records, generation, index, query, ct);
        if (services is null) return error!;
        var (page, perPage) = (query.Page, query.PerPage);
        // Numbered as the service's JSON numbers them: by the order its locations were added.
        var all = db.ServiceLocations;
        var locations = all.Join(services, l => l.ServiceId, s => s.Id, (l, s) => new
        {
            s.Id, s.Slug, Location = l.Id, Index = all.Count(o => o.ServiceId == l.ServiceId && o.Id < l.Id),
        });
        var total = await generation.CountAsync("service_at_locations|" + filter, () => locations.CountAsync(ct));
        if (PastTheEnd(page, perPage, total) is { } notFound) return notFound;
        var shown = await locations.OrderBy(l => l.Slug).ThenBy(l => l.Location).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        var json = await records.ServicesAsync(generation, db, [.. shown.Select(s => s.Id).Distinct()], ct);
        var bySlug = json.Select(j => JsonNode.Parse(j.Full)!.AsObject()).ToDictionary(j => (string)j["helpdirectory_slug"]!, StringComparer.Ordinal);
        JsonObject? At(string slug, int index) =>
            bySlug.TryGetValue(slug, out var service) && service["service_at_locations"]!.AsArray().ElementAtOrDefault(index) is JsonObject sal
                ? WithServiceIds(sal, service)
                : null;
        var contents = shown.Select(l => At(l.Slug, l.Index)).OfType<JsonObject>().Select(ApiJson.Utf8);
        return ApiJson.Page(page, perPage, total, contents);
    }

    private static async Task<IResult> ServiceAtLocation(string id, HttpContext http, HelpDbContext db, HsdsRecords records, CancellationToken ct)
    {
        if (!TryId(id, out var key)) return BadId("service at location");
        if (ApiQuery.Read(http.Request.Query).Error is { } unknown) return ApiProblem.BadRequest(unknown);
        var generation = records.Current;
        var ids = await records.IdsAsync(generation);
        if (!ids.ServiceAtLocations.TryGetValue(key, out var at)) return ApiProblem.NotFound("No service at location has this id.");
        var shown = await db.Services.Published().Where(s => s.Id == at.ServiceId).Select(s => s.Id).ToListAsync(ct);
        var json = await records.ServicesAsync(generation, db, shown, ct);
        var service = json.Count == 0 ? null : JsonNode.Parse(json[0].Full)!.AsObject();
        var match = service?["service_at_locations"]!.AsArray().OfType<JsonObject>().FirstOrDefault(sal => (string?)sal["id"] == key);
        if (service is null || match is null) return ApiProblem.NotFound("No service at location has this id.");
        var sal = WithServiceIds(match, service);
        sal["service"] = JsonNode.Parse(json[0].ListItem);
        return new ApiJson(sal);
    }

    /// <summary>Published listings narrowed by the request's filters, all in the database: the place as the directory's
    /// pages match it (<see cref="ServiceReach.ReachingPlace"/>), taxonomy terms as the columns they come from,
    /// organization by its row, and search through the site's search index (its best matches, at most as many as the
    /// site's search page shows).</summary>
    private static async Task<(IQueryable<Service>? Services, string Filter, IResult? Error)> ListedAsync(
        HttpContext http, HelpDbContext db, HsdsRecords records, HsdsRecords.Generation generation, SearchIndex index, ApiQuery query, CancellationToken ct)
    {
        var place = query.Place(http.GetRegions());
        _ = query.Page;
        _ = query.PerPage;
        var search = query.Search;
        var termId = query.Id("taxonomy_term_id");
        var taxonomyId = query.Id("taxonomy_id");
        var organizationId = query.Id("organization_id");
        var modifiedAfter = query.ModifiedAfter;
        if (query.Error is not null) return (null, "", ApiProblem.BadRequest(query.Error));

        var filter = string.Join('|', place?.Path, modifiedAfter?.Ticks, termId, taxonomyId, organizationId, search);
        var services = db.Services.Published();
        if (place is not null) services = services.ReachingPlace(db.ServiceAreas, place);
        if (modifiedAfter is { } after) services = services.Where(s => s.UpdatedAt > after);
        if (termId is not null) services = services.Where(HsdsTaxonomies.HavingTerm(termId));
        if (taxonomyId is not null) services = services.Where(HsdsTaxonomies.HavingTaxonomy(taxonomyId));
        if (organizationId is not null)
        {
            var organization = (await records.IdsAsync(generation)).Organizations.GetValueOrDefault(organizationId);
            services = services.Where(s => s.OrganizationId == organization);
        }
        if (search is not null)
        {
            var found = await index.MatchingServiceIdsAsync(search, 200, ct);
            services = services.Where(s => found.Contains(s.Id));
        }
        return (services, filter, null);
    }

    private static IResult? PastTheEnd(int page, int perPage, int total)
    {
        var totalPages = (total + perPage - 1) / perPage;
        return page > Math.Max(totalPages, 1) ? ApiProblem.NotFound($"There are {totalPages} pages of {perPage}.") : null;
    }

    /// <summary>The HSDS Page object (openapi.json, components/schemas/Page) of a short list held in memory (the taxonomies
    /// and terms, bounded by the vocabulary). A page past the last is not found; the first page of an empty result is an
    /// empty page.</summary>
    private static IResult Paged(ApiQuery query, IReadOnlyList<JsonNode> all)
    {
        var page = query.Page;
        var perPage = query.PerPage;
        if (query.Error is not null) return ApiProblem.BadRequest(query.Error);
        if (PastTheEnd(page, perPage, all.Count) is { } notFound) return notFound;
        return ApiJson.Page(page, perPage, all.Count, all.Skip((page - 1) * perPage).Take(perPage).Select(ApiJson.Utf8));
    }

    /// <summary>Organizations by name, as ordinal string comparison orders them on either database.</summary>
    private static IOrderedQueryable<Organization> ByName(HelpDbContext db, IQueryable<Organization> organizations) =>
        (db.Database.IsNpgsql() ? organizations.OrderBy(o => EF.Functions.Collate(o.Name, "C")) : organizations.OrderBy(o => o.Name))
        .ThenBy(o => o.Id);

    private static IEnumerable<JsonObject> TaxonomiesOf(IEnumerable<TaxonomyTerm> terms) =>
        terms.Select(t => t.Taxonomy).Distinct().Select(name => new JsonObject
        {
            ["id"] = HsdsMapping.TaxonomyId(name),
            ["name"] = name,
            ["description"] = TaxonomyDescriptions.GetValueOrDefault(name, name),
        });

    /// <summary>A service_at_location of a service's JSON, as the list and the single answer give it: with the ids of its
    /// service and location.</summary>
    private static JsonObject WithServiceIds(JsonObject sal, JsonObject service)
    {
        var copy = sal.DeepClone().AsObject();
        copy["service_id"] = (string?)service["id"];
        copy["location_id"] = (string?)copy["location"]!["id"];
        return copy;
    }

    private static bool Matches(string search, params string?[] fields) =>
        fields.Any(f => f is not null && f.Contains(search, StringComparison.OrdinalIgnoreCase));

    /// <summary>A LIKE pattern for "contains", without the wildcards a caller may have typed.</summary>
    private static string Like(string search) =>
        "%" + search.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";

    private static bool TryId(string id, out string key)
    {
        key = Guid.TryParseExact(id, "D", out var g) ? g.ToString() : "";
        return key.Length > 0;
    }

    private static IResult BadId(string what) => ApiProblem.BadRequest($"A {what} id is a UUID, such as 3f2b8c1e-0000-5000-8000-000000000000.");
}
