using System.Net;
using System.Text.Json.Nodes;
using HelpDirectory.Web.Caching;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing.Transfer;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Json.Schema;

namespace HelpDirectory.Web.Tests.Api;

/// <summary>Each filter of the HSDS lists, read page by page to the end: the totals, every page's items, the last page
/// and the page after it. The example listings (nine published, in slug order below) are small enough to count by hand.</summary>
public sealed class HsdsApiPagingTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private readonly HttpClient _client = site.Browser();

    private const string Kinds = TaxonomyTerm.Kinds;
    private const string Audiences = TaxonomyTerm.Audiences;
    private const string Approaches = TaxonomyTerm.Approaches;
    private const string Contact = TaxonomyTerm.ContactMethods;
    private const string Cost = TaxonomyTerm.Cost;

    private static string Term(string taxonomy, string name) => HsdsMapping.TermId(taxonomy, name);

    private static string Taxonomy(string taxonomy) => HsdsMapping.TaxonomyId(taxonomy);

    public static TheoryData<string, int, string> ServiceFilters => new()
    {
        { $"taxonomy_term_id={Term(Kinds, "therapy")}", 2, "example-california-therapy example-norway-therapy-line example-oslo-therapy example-vestland-therapy" },
        { $"taxonomy_term_id={Term(Audiences, "youth")}", 3, "example-gb-evening-chat example-nordic-forum example-oslo-night-group example-oslo-therapy" },
        { $"taxonomy_term_id={Term(Approaches, "cbt")}", 2, "example-norway-therapy-line example-vestland-therapy example-worldwide-online-therapy" },
        // The draft group is in person too, and is left out.
        { $"taxonomy_term_id={Term(Contact, "in-person")}", 3, "example-california-therapy example-oslo-night-group example-oslo-therapy example-vestland-therapy" },
        { $"taxonomy_term_id={Term(Cost, "free")}", 4, "example-gb-evening-chat example-nordic-forum example-norway-helpline example-norway-therapy-line example-oslo-night-group example-vestland-therapy" },
        { $"taxonomy_term_id={Term(Cost, "free")}&country=gb", 2, "example-gb-evening-chat" },
        { $"taxonomy_term_id={Term(Contact, "chat")}&country=no", 1, "example-worldwide-online-therapy" },
        { $"taxonomy_id={Taxonomy(Approaches)}", 4, "example-california-therapy example-norway-therapy-line example-oslo-night-group example-oslo-therapy example-vestland-therapy example-worldwide-online-therapy" },
        { $"taxonomy_id={Taxonomy(Kinds)}", 4, "example-california-therapy example-gb-evening-chat example-nordic-forum example-norway-helpline example-norway-therapy-line example-oslo-night-group example-oslo-therapy example-vestland-therapy example-worldwide-online-therapy" },
        { $"taxonomy_id={Taxonomy(Approaches)}&region=NO-46", 3, "example-norway-therapy-line example-vestland-therapy example-worldwide-online-therapy" },
        { "search=oslo", 1, "example-oslo-night-group example-oslo-therapy" },
        { $"search=oslo&taxonomy_term_id={Term(Kinds, "groups")}", 2, "example-oslo-night-group" },
        { "country=no&region=oslo", 4, "example-nordic-forum example-norway-helpline example-norway-therapy-line example-oslo-night-group example-oslo-therapy example-worldwide-online-therapy" },
        { $"taxonomy_term_id={Term(Kinds, "groups")}&country=gb", 2, "" },
        { "taxonomy_term_id=00000000-0000-0000-0000-000000000000", 2, "" },
        { "organization_id=00000000-0000-0000-0000-000000000000", 2, "" },
    };

    [Theory]
    [MemberData(nameof(ServiceFilters))]
    public async Task Get_Services_Filtered_PageByPage_GivesEveryMatchOnce_AndTheLastPageEnds(string filter, int perPage, string slugs)
    {
        var expected = slugs.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var read = await ReadEveryPage($"/api/hsds/services?{filter}", perPage, expected.Length, HsdsSchemas.ServiceListItem);

        Assert.Equal(expected, read.Strings("helpdirectory_slug"));
    }

    [Fact]
    public async Task Get_Services_FullRecords_FilteredByOrganization_PageByPage()
    {
        var organization = HsdsMapping.OrganizationId(new Organization { Key = "example-org", Name = "" });

        var read = await ReadEveryPage($"/api/hsds/services?organization_id={organization}&full=true", 4, 9, HsdsSchemas.Service);

        Assert.Equal(9, read.Count);
        Assert.All(read, s => Assert.Equal(organization, (string?)s!["organization_id"]));
        Assert.All(read, s => Assert.NotNull(s!["phones"]));
    }

    [Fact]
    public async Task Get_Taxonomies_AndTerms_PageByPage()
    {
        var taxonomies = await ReadEveryPage("/api/hsds/taxonomies", 2, 5, HsdsSchemas.Definition("taxonomy"));
        Assert.Equal([Approaches, Audiences, Contact, Cost, Kinds], taxonomies.Strings("name"));

        // The kinds the published examples use (the draft's kind, groups, is also the night group's).
        var kinds = await ReadEveryPage($"/api/hsds/taxonomy_terms?taxonomy_id={Taxonomy(Kinds)}", 2, 5, HsdsSchemas.Definition("taxonomy_term"));
        Assert.Equal(["forums", "groups", "helplines", "online-therapy", "therapy"], kinds.Strings("name"));
        Assert.Equal(new[] { "forums", "groups", "helplines", "online-therapy", "therapy" }.Select(k => Term(Kinds, k)), kinds.Strings("id"));

        // Approaches: dbt, cbt, affirmative and group are used; no example offers EMDR.
        var approaches = await ReadEveryPage($"/api/hsds/taxonomy_terms?taxonomy_id={Taxonomy(Approaches)}", 3, 4, HsdsSchemas.Definition("taxonomy_term"));
        Assert.Equal(["affirmative", "cbt", "dbt", "group"], approaches.Strings("name"));
        await _client.GetJson("/api/hsds/taxonomy_terms/" + Term(Approaches, "emdr"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_ServiceAtLocations_ByTerm_PageByPage()
    {
        var read = await ReadEveryPage($"/api/hsds/service_at_locations?taxonomy_term_id={Term(Contact, "in-person")}", 1, 1, HsdsSchemas.Definition("service_at_location"));
        Assert.Equal(HsdsMapping.ServiceId("example-oslo-therapy"), (string?)read.Single()!["service_id"]);

        await ReadEveryPage($"/api/hsds/service_at_locations?taxonomy_term_id={Term(Kinds, "helplines")}", 1, 0, HsdsSchemas.Definition("service_at_location"));
    }

    /// <summary>Reads a list from page 1 to its last with per_page, checking each page against the schema and the Page
    /// object's fields, and that the page after the last is not found. Gives every item read, in order.</summary>
    private async Task<JsonArray> ReadEveryPage(string url, int perPage, int total, JsonSchema item)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var pages = (total + perPage - 1) / perPage;
        var all = new JsonArray();
        for (var page = 1; page <= Math.Max(pages, 1); page++)
        {
            var address = $"{url}{separator}per_page={perPage}&page={page}";
            var json = await _client.GetJson(address);
            var contents = HsdsSchemas.AssertValidPage(json, item, address);
            var size = page < pages ? perPage : total - perPage * (pages - 1);
            if (total == 0) size = 0;
            Assert.Equal(total, (int)json["total_items"]!);
            Assert.Equal(pages, (int)json["total_pages"]!);
            Assert.Equal(page, (int)json["page_number"]!);
            Assert.Equal(size, (int)json["size"]!);
            Assert.Equal(size, contents.Count);
            Assert.Equal(page == 1, (bool)json["first_page"]!);
            Assert.Equal(page >= pages, (bool)json["last_page"]!);
            Assert.Equal(size == 0, (bool)json["empty"]!);
            foreach (var node in contents) all.Add(node!.DeepClone());
        }
        var after = await _client.GetJson($"{url}{separator}per_page={perPage}&page={Math.Max(pages, 1) + 1}", HttpStatusCode.NotFound);
        Assert.Equal(404, (int)after["status"]!);
        return all;
    }
}

/// <summary>The API after editors' changes: what it kept in memory is dropped when the site cache is, so organizations,
/// dates and ids read afterwards are the saved ones.</summary>
public sealed class HsdsApiChangeTests
{
    [Fact]
    public async Task AfterASave_OrganizationsAndModifiedAfter_PageOverTheNewData()
    {
        await using var site = new FixtureSiteFactory();
        var client = site.Browser();
        var therapyLine = HsdsMapping.ServiceId("example-norway-therapy-line");
        // Read first, so the records' JSON and the ids are kept from before the change.
        var before = await client.GetJson("/api/hsds/services/" + therapyLine);
        Assert.Equal("Example Organisation (test fixture)", (string?)before["organization"]!["name"]);
        var beforeList = await client.GetJson("/api/hsds/organizations");
        Assert.Equal(1, (int)beforeList["total_items"]!);

        var changed = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);
        await site.WithDb(async db =>
        {
            Organization Add(string key, string name) => db.Organizations.Add(new Organization { Key = key, Name = name, Description = name + " helps." }).Entity;
            var aid = Add("aid-org", "Aid Org");
            var bridge = Add("bridge-org", "Bridge Org");
            var draftOnly = Add("draft-only-org", "Draft Only Org");
            var services = await db.Services.ToDictionaryAsync(s => s.Slug);
            services["example-norway-therapy-line"].Organization = aid;
            services["example-oslo-therapy"].Organization = aid;
            services["example-vestland-therapy"].Organization = aid;
            services["example-nordic-forum"].Organization = bridge;
            services["example-draft-oslo-group"].Organization = draftOnly;
            foreach (var s in services.Values) s.UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            foreach (var slug in new[] { "example-gb-evening-chat", "example-oslo-night-group", "example-vestland-therapy", "example-draft-oslo-group" })
                services[slug].UpdatedAt = changed;
            await db.SaveChangesAsync();
        });
        await site.Services.GetRequiredService<SiteCache>().InvalidateAsync();

        var after = await client.GetJson("/api/hsds/services/" + therapyLine);
        HsdsSchemas.AssertValid(HsdsSchemas.Service, after, "/services/{id} after the save");
        Assert.Equal("Aid Org", (string?)after["organization"]!["name"]);

        // Three organizations with published services, by name; the one with only a draft is not listed.
        var page1 = await client.GetJson("/api/hsds/organizations?per_page=2");
        var page2 = await client.GetJson("/api/hsds/organizations?per_page=2&page=2");
        var names = HsdsSchemas.AssertValidPage(page1, HsdsSchemas.OrganizationListItem, "/organizations page 1").Strings("name")
            .Concat(HsdsSchemas.AssertValidPage(page2, HsdsSchemas.OrganizationListItem, "/organizations page 2").Strings("name"));
        Assert.Equal(["Aid Org", "Bridge Org", "Example Organisation (test fixture)"], names);
        Assert.Equal(3, (int)page2["total_items"]!);
        Assert.Equal(2, (int)page2["total_pages"]!);
        Assert.True((bool)page2["last_page"]!);
        Assert.Equal(1, (int)page2["size"]!);
        await client.GetJson("/api/hsds/organizations?per_page=2&page=3", HttpStatusCode.NotFound);
        var search = await client.GetJson("/api/hsds/organizations?search=bridge");
        Assert.Equal(["Bridge Org"], HsdsSchemas.AssertValidPage(search, HsdsSchemas.OrganizationListItem, "/organizations?search").Strings("name"));

        var aidId = HsdsMapping.OrganizationId(new Organization { Key = "aid-org", Name = "" });
        var aid = await client.GetJson("/api/hsds/organizations/" + aidId);
        HsdsSchemas.AssertValid(HsdsSchemas.Organization, aid, "/organizations/{id}");
        Assert.Equal(["example-norway-therapy-line", "example-oslo-therapy", "example-vestland-therapy"], aid["services"].Strings("helpdirectory_slug"));
        var aidPage2 = await client.GetJson($"/api/hsds/services?organization_id={aidId}&per_page=2&page=2");
        Assert.Equal(["example-vestland-therapy"], HsdsSchemas.AssertValidPage(aidPage2, HsdsSchemas.ServiceListItem, "organization_id").Strings("helpdirectory_slug"));
        Assert.True((bool)aidPage2["last_page"]!);
        var draftOnly = HsdsMapping.OrganizationId(new Organization { Key = "draft-only-org", Name = "" });
        await client.GetJson("/api/hsds/organizations/" + draftOnly, HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await client.GetJson($"/api/hsds/services?organization_id={draftOnly}"))["total_items"]!);

        // modified_after, paged: the three published services changed after the date (the draft is not listed).
        var modified1 = await client.GetJson("/api/hsds/services?modified_after=2026-11-19&per_page=2");
        var modified2 = await client.GetJson("/api/hsds/services?modified_after=2026-11-19&per_page=2&page=2");
        Assert.Equal(["example-gb-evening-chat", "example-oslo-night-group", "example-vestland-therapy"],
            HsdsSchemas.AssertValidPage(modified1, HsdsSchemas.ServiceListItem, "modified_after page 1").Strings("helpdirectory_slug")
                .Concat(HsdsSchemas.AssertValidPage(modified2, HsdsSchemas.ServiceListItem, "modified_after page 2").Strings("helpdirectory_slug")));
        Assert.Equal(3, (int)modified2["total_items"]!);
        Assert.True((bool)modified2["last_page"]!);
        Assert.All(modified2["contents"]!.AsArray(), s => Assert.Equal("2026-11-20T09:30:00.000Z", (string?)s!["last_modified"]));
        await client.GetJson("/api/hsds/services?modified_after=2026-11-19&per_page=2&page=3", HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await client.GetJson("/api/hsds/services?modified_after=2026-11-20T09:30:00Z"))["total_items"]!);
    }
}
