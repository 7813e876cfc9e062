using System.Net;
using System.Text.Json.Nodes;
using HelpDirectory.Web.Editing.Transfer;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Api;

/// <summary>The HSDS API over the example listings: nine published, one draft (example-draft-oslo-group).</summary>
public sealed class HsdsApiTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private readonly HttpClient _client = site.Browser();

    private static readonly string[] Published =
    [
        "example-california-therapy", "example-gb-evening-chat", "example-nordic-forum", "example-norway-helpline", "example-norway-therapy-line",
        "example-oslo-night-group", "example-oslo-therapy", "example-vestland-therapy", "example-worldwide-online-therapy",
    ];

    [Fact]
    public async Task Get_Root_GivesVersionProfileAndOpenApiAddress()
    {
        var root = await _client.GetJson("/api/hsds/");
        Assert.Equal("3.0.0", (string?)root["version"]);
        Assert.Equal("http://localhost/api", (string?)root["profile"]);
        Assert.Equal("http://localhost/api/openapi.json", (string?)root["openapi_url"]);
    }

    [Fact]
    public async Task Get_Services_ListsOnlyPublishedServices_AsAValidHsdsPage()
    {
        var page = await _client.GetJson("/api/hsds/services");
        var contents = HsdsSchemas.AssertValidPage(page, HsdsSchemas.ServiceListItem, "/services");

        Assert.Equal(Published, contents.Strings("helpdirectory_slug"));
        Assert.Equal(Published.Select(HsdsMapping.ServiceId), contents.Strings("id"));
        Assert.Equal(9, (int)page["total_items"]!);
        Assert.Equal(1, (int)page["total_pages"]!);
        Assert.True((bool)page["first_page"]! && (bool)page["last_page"]! && !(bool)page["empty"]!);
        Assert.All(contents, s => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string)s!["last_modified"]!));
        // A list item carries the one-to-one fields only.
        Assert.All(contents, s => Assert.Null(s!["phones"]));
    }

    [Fact]
    public async Task Get_Services_Full_GivesWholeRecordsThatValidateAsServices()
    {
        var page = await _client.GetJson("/api/hsds/services?full=true&per_page=3&page=2");
        var contents = HsdsSchemas.AssertValidPage(page, HsdsSchemas.Service, "/services?full=true");

        Assert.Equal(Published[3..6], contents.Strings("helpdirectory_slug"));
        Assert.Equal(3, (int)page["total_pages"]!);
        Assert.Equal(2, (int)page["page_number"]!);
        Assert.Equal(3, (int)page["size"]!);
        Assert.False((bool)page["first_page"]!);
        Assert.False((bool)page["last_page"]!);
        Assert.All(contents, s => Assert.NotNull(s!["phones"]));
    }

    [Theory]
    [InlineData("country=no", "example-nordic-forum example-norway-helpline example-norway-therapy-line example-oslo-night-group example-oslo-therapy example-vestland-therapy example-worldwide-online-therapy")]
    [InlineData("country=no&region=oslo", "example-nordic-forum example-norway-helpline example-norway-therapy-line example-oslo-night-group example-oslo-therapy example-worldwide-online-therapy")]
    [InlineData("region=NO-46", "example-nordic-forum example-norway-helpline example-norway-therapy-line example-vestland-therapy example-worldwide-online-therapy")]
    [InlineData("country=GB", "example-gb-evening-chat example-worldwide-online-therapy")]
    [InlineData("search=OSLO", "example-oslo-night-group example-oslo-therapy")]
    [InlineData("search=oslo&country=se", "")]
    [InlineData("modified_after=2999-01-01", "")]
    [InlineData("modified_after=2000-01-01T00:00:00Z&search=forum", "example-nordic-forum")]
    public async Task Get_Services_Filtered_GivesTheServicesThatMatchEveryFilter(string query, string slugs)
    {
        var page = await _client.GetJson("/api/hsds/services?" + query);
        var contents = HsdsSchemas.AssertValidPage(page, HsdsSchemas.ServiceListItem, query);

        Assert.Equal(slugs.Split(' ', StringSplitOptions.RemoveEmptyEntries), contents.Strings("helpdirectory_slug"));
        Assert.Equal(contents.Count == 0, (bool)page["empty"]!);
    }

    [Fact]
    public async Task Get_Services_ByTaxonomyTerm_GivesTheServicesTaggedWithIt()
    {
        var terms = HsdsSchemas.AssertValidPage(await _client.GetJson("/api/hsds/taxonomy_terms?per_page=100"), HsdsSchemas.Definition("taxonomy_term"), "/taxonomy_terms");
        var helplines = terms.Single(t => (string?)t!["taxonomy"] == "helpdirectory-kinds" && (string?)t!["name"] == "helplines")!;

        var page = await _client.GetJson($"/api/hsds/services?taxonomy_term_id={helplines["id"]}");

        Assert.Equal(["example-gb-evening-chat", "example-norway-helpline"], page["contents"].Strings("helpdirectory_slug"));
        var taxonomies = HsdsSchemas.AssertValidPage(await _client.GetJson("/api/hsds/taxonomies"), HsdsSchemas.Definition("taxonomy"), "/taxonomies");
        Assert.Contains((string?)helplines["taxonomy_id"], taxonomies.Strings("id"));
    }

    [Fact]
    public async Task Get_Service_ById_GivesTheFullRecord_AndADraftIsNotFound()
    {
        var service = await _client.GetJson("/api/hsds/services/" + HsdsMapping.ServiceId("example-oslo-therapy"));
        HsdsSchemas.AssertValid(HsdsSchemas.Service, service, "/services/{id}");
        Assert.Equal("Example Oslo Therapy", (string?)service["name"]);
        Assert.Equal("Europe/Oslo", (string?)service["helpdirectory_time_zone"]);
        Assert.Equal("+442079460001", (string?)service["phones"]![0]!["e164"]);

        var draft = await _client.GetJson("/api/hsds/services/" + HsdsMapping.ServiceId("example-draft-oslo-group"), HttpStatusCode.NotFound);
        Assert.Equal(404, (int)draft["status"]!);
    }

    [Fact]
    public async Task Get_Organizations_AndOne_ValidateAndListOnlyPublishedServices()
    {
        var page = await _client.GetJson("/api/hsds/organizations");
        var contents = HsdsSchemas.AssertValidPage(page, HsdsSchemas.OrganizationListItem, "/organizations");
        var id = (string)contents.Single()!["id"]!;

        var organization = await _client.GetJson("/api/hsds/organizations/" + id);
        HsdsSchemas.AssertValid(HsdsSchemas.Organization, organization, "/organizations/{id}");
        Assert.Equal(Published, organization["services"].Strings("helpdirectory_slug"));
    }

    [Fact]
    public async Task Get_ServiceAtLocations_GivesInPersonServicesWithTheirAddresses()
    {
        var page = await _client.GetJson("/api/hsds/service_at_locations");
        var contents = HsdsSchemas.AssertValidPage(page, HsdsSchemas.Definition("service_at_location"), "/service_at_locations");

        var sal = Assert.Single(contents)!;
        Assert.Equal(HsdsMapping.ServiceId("example-oslo-therapy"), (string?)sal["service_id"]);
        Assert.Equal("1 Example Street", (string?)sal["location"]!["addresses"]![0]!["address_1"]);
        var one = await _client.GetJson("/api/hsds/service_at_locations/" + sal["id"]);
        HsdsSchemas.AssertValid(HsdsSchemas.Definition("service_at_location"), one, "/service_at_locations/{id}");
        Assert.Equal("Example Oslo Therapy", (string?)one["service"]!["name"]);
    }

    [Theory]
    [InlineData("/api/hsds/services/not-a-uuid", 400)]
    [InlineData("/api/hsds/services/00000000-0000-0000-0000-000000000000", 404)]
    [InlineData("/api/hsds/organizations/123", 400)]
    [InlineData("/api/hsds/taxonomy_terms/00000000-0000-0000-0000-000000000000", 404)]
    [InlineData("/api/hsds/services?page=2", 404)]
    [InlineData("/api/hsds/services?page=0", 400)]
    [InlineData("/api/hsds/services?page=-1", 400)]
    [InlineData("/api/hsds/services?page=99999999999999999999", 400)]
    [InlineData("/api/hsds/services?per_page=100000", 400)]
    [InlineData("/api/hsds/services?per_page=abc", 400)]
    [InlineData("/api/hsds/services?modified_after=yesterday", 400)]
    [InlineData("/api/hsds/services?modified_after=2026-13-45", 400)]
    [InlineData("/api/hsds/services?colour=blue", 400)]
    [InlineData("/api/hsds/services?page=1&page=2", 400)]
    [InlineData("/api/hsds/services?taxonomy_term_id=helplines", 400)]
    [InlineData("/api/hsds/services?country=atlantis", 400)]
    [InlineData("/api/hsds/services?country=no&region=texas", 400)]
    [InlineData("/api/hsds/services?full=maybe", 400)]
    [InlineData("/api/hsds/services/%E2%80%8B", 400)]
    [InlineData("/api/hsds/nothing-here", 404)]
    [InlineData("/api/crisis-lines/atlantis", 404)]
    [InlineData("/api/crisis-lines/no/texas", 404)]
    public async Task Get_BadInput_IsAJsonError_NeverAPageOr500(string url, int status)
    {
        var problem = await _client.GetJson(url, (HttpStatusCode)status);

        Assert.Equal(status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
    }
}

/// <summary>The API over the real published listings: every page of every list, and every record, validates.</summary>
public sealed class HsdsApiPublishedDataTests
{
    [Fact]
    public async Task EveryPublishedRecord_ThroughTheApi_ValidatesAgainstOpenReferralsSchemas()
    {
        await using var site = new HelpSiteFactory();
        var client = site.Browser();

        var services = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var json = await client.GetJson($"/api/hsds/services?full=true&per_page=100&page={page}");
            services.AddRange(HsdsSchemas.AssertValidPage(json, HsdsSchemas.Service, $"/services page {page}")!);
            if ((bool)json["last_page"]!) break;
        }
        Assert.True(PublishedSeed.PublishedServices > 80, "the published seed is smaller than it should be");
        Assert.Equal(PublishedSeed.PublishedServices, services.Count);
        Assert.Equal(services.Count, services.Select(s => (string)s["id"]!).Distinct().Count());

        var organizations = HsdsSchemas.AssertValidPage(await client.GetJson("/api/hsds/organizations?per_page=100"), HsdsSchemas.OrganizationListItem, "/organizations");
        HsdsSchemas.AssertValid(HsdsSchemas.Organization, await client.GetJson("/api/hsds/organizations/" + organizations[0]!["id"]), "/organizations/{id}");
        HsdsSchemas.AssertValidPage(await client.GetJson("/api/hsds/taxonomy_terms?per_page=100"), HsdsSchemas.Definition("taxonomy_term"), "/taxonomy_terms");
        HsdsSchemas.AssertValidPage(await client.GetJson("/api/hsds/service_at_locations?per_page=100"), HsdsSchemas.Definition("service_at_location"), "/service_at_locations");
        HsdsSchemas.AssertValidPage(await client.GetJson("/api/hsds/services?country=gb"), HsdsSchemas.ServiceListItem, "/services?country=gb");
    }
}
