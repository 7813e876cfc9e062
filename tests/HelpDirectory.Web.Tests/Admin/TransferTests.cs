using System.Net.Http.Headers;
using System.Text;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Admin;

public sealed class TransferTests
{
    private static async Task<string> Export(HttpClient editor, string handler)
    {
        var response = await editor.GetAsync($"/admin/transfer?handler={handler}");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<Page> Preview(HttpClient editor, string content, string format)
    {
        var page = await editor.GetPage("/admin/transfer");
        var token = page.Required("#import-form input[name=__RequestVerificationToken]").GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(format), "format" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(format == "csv" ? "text/csv" : "application/json");
        form.Add(file, "file", "import." + (format == "csv" ? "csv" : "json"));
        var response = await editor.PostAsync("/admin/transfer?handler=Preview", form);
        var body = await response.Content.ReadAsStringAsync();
        return new Page(response, body, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body));
    }

    [Theory]
    [InlineData("Csv", "csv")]
    [InlineData("Hsds", "hsds")]
    public async Task Export_ImportIntoAnEmptyDatabase_ExportAgain_GivesTheSameFile(string handler, string format)
    {
        await using var source = new FixtureSiteFactory();
        await using var target = new EmptySiteFactory();
        await source.WithDb(async db =>
        {
            (await db.Services.SingleAsync(s => s.Slug == "example-oslo-therapy")).Confidence = "high";
            (await db.Services.SingleAsync(s => s.Slug == "example-nordic-forum")).Confidence = "low";
            await db.SaveChangesAsync();
        });
        var exported = await Export(await source.SignedIn("exporter@example.org", AdminSetup.EditorRole), handler);

        var importer = await target.SignedIn("importer@example.org", AdminSetup.EditorRole);
        var plan = await Preview(importer, exported, format);
        plan.ShouldBe(200);
        Assert.True(plan.All("#import-plan tr.reject").Count == 0, string.Join("\n", plan.All("#import-plan tr.reject").Select(r => r.TextContent)));
        Assert.NotEmpty(plan.All("#import-plan tr.create"));
        var confirmed = await importer.Submit(plan, "#confirm-import");
        Assert.Equal(302, confirmed.Status);

        var again = await Export(importer, handler);
        Assert.Equal(exported, again);
        await target.WithDb(async db => Assert.Equal(("high", "low", "medium"), (
            (await db.Services.SingleAsync(s => s.Slug == "example-oslo-therapy")).Confidence,
            (await db.Services.SingleAsync(s => s.Slug == "example-nordic-forum")).Confidence,
            (await db.Services.SingleAsync(s => s.Slug == "example-norway-helpline")).Confidence)));
    }

    [Fact]
    public async Task CsvImport_ShowsRowByRowPlan_AndChangesNothingUntilConfirmed()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("planner@example.org", AdminSetup.EditorRole);
        var csv = await Export(editor, "Csv");
        // Rename one listing, break another's URL, and add a copy of a third under a new slug. (Some records span several
        // lines, because hours and phones are one per line, so edits are made on the whole text.)
        var text = csv.Replace("Example Oslo Therapy,", "Example Oslo Therapy Renamed,", StringComparison.Ordinal)
            .Replace("https://example.org/vestland", "javascript:alert(1)", StringComparison.Ordinal);
        var forum = text.Split('\n').Single(l => l.StartsWith("Example Nordic Forum,", StringComparison.Ordinal));
        text = text.TrimEnd('\n', '\r') + "\n" + forum.Replace("example-nordic-forum,", "example-nordic-forum-copy,", StringComparison.Ordinal) + "\n";

        var plan = await Preview(editor, text, "csv");

        var rows = plan.All("#import-plan tbody tr").ToDictionary(tr => tr.Children[1].TextContent, tr => (Action: tr.Children[2].TextContent, Notes: tr.Children[3].TextContent));
        Assert.Equal(("Change", "Name"), rows["example-oslo-therapy"]);
        Assert.Equal("Reject", rows["example-vestland-therapy"].Action);
        Assert.Contains("https://", rows["example-vestland-therapy"].Notes);
        Assert.Equal(("Create", ""), rows["example-nordic-forum-copy"]);
        Assert.Equal("Unchanged", rows["example-nordic-forum"].Action);
        await site.WithDb(async db =>
        {
            Assert.Equal("Example Oslo Therapy", (await db.Services.SingleAsync(s => s.Slug == "example-oslo-therapy")).Name);
            Assert.False(await db.Services.AnyAsync(s => s.Slug == "example-nordic-forum-copy"));
        });

        await editor.Submit(plan, "#confirm-import");

        await site.WithDb(async db =>
        {
            Assert.Equal("Example Oslo Therapy Renamed", (await db.Services.SingleAsync(s => s.Slug == "example-oslo-therapy")).Name);
            Assert.True(await db.Services.AnyAsync(s => s.Slug == "example-nordic-forum-copy"));
            Assert.Equal("https://example.org/vestland", (await db.Services.SingleAsync(s => s.Slug == "example-vestland-therapy")).Url);
            Assert.True(await db.Revisions.AnyAsync(r => r.Action == "imported" && r.By == "planner@example.org"));
        });
    }

    [Theory]
    [InlineData("csv", "not,a,real\nfile", "The first line must be the column names")]
    [InlineData("hsds", "{ not json", "The file is not valid JSON.")]
    [InlineData("hsds", "{\"a\": 1}", "The file must be a JSON array")]
    public async Task Import_BadFile_GetsAClearMessage(string format, string content, string message)
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("badfile@example.org", AdminSetup.EditorRole);

        var page = await Preview(editor, content, format);

        Assert.True(page.Status < 500);
        Assert.StartsWith(message, page.Text(".notice.error"));
    }

    [Fact]
    public async Task HsdsExport_HasTheRequiredFieldsAndStableIds()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("hsds@example.org", AdminSetup.EditorRole);

        var first = System.Text.Json.Nodes.JsonNode.Parse(await Export(editor, "Hsds"))!.AsArray();
        var second = System.Text.Json.Nodes.JsonNode.Parse(await Export(editor, "Hsds"))!.AsArray();

        Assert.Equal(9, first.Count); // the published example listings only: the draft is not exported
        var oslo = first.Single(s => s!["helpdirectory_slug"]!.GetValue<string>() == "example-oslo-therapy")!;
        Assert.Equal(oslo["id"]!.GetValue<string>(), second.Single(s => s!["helpdirectory_slug"]!.GetValue<string>() == "example-oslo-therapy")!["id"]!.GetValue<string>());
        Assert.True(Guid.TryParse(oslo["id"]!.GetValue<string>(), out var id) && id.ToString()[14] == '5');
        Assert.Equal("active", oslo["status"]!.GetValue<string>());
        Assert.Equal("Example Organisation (test fixture)", oslo["organization"]!["name"]!.GetValue<string>());
        Assert.Equal("+442079460001", oslo["phones"]![0]!["e164"]!.GetValue<string>());
        Assert.Equal("Europe/Oslo", oslo["schedules"]![0]!["timezone_name"]!.GetValue<string>());
        Assert.Equal("MO", oslo["schedules"]![0]!["byday"]!.GetValue<string>());
        Assert.Equal("physical", oslo["service_at_locations"]![0]!["location"]!["location_type"]!.GetValue<string>());
        Assert.Contains(oslo["attributes"]!.AsArray(), a => a!["taxonomy_term"]!["taxonomy"]!.GetValue<string>() == "helpdirectory-kinds" && a["taxonomy_term"]!["name"]!.GetValue<string>() == "therapy");
    }

    [Fact]
    public async Task HsdsImport_OfOddlyShapedEntries_RejectsEachRowWithAReason()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("shapes@example.org", AdminSetup.EditorRole);
        const string json = """
            [
              "not an object",
              { "name": "No organisation", "id": "x1" },
              { "name": 42, "id": "x2", "organization": { "id": "org", "name": "Org" } },
              { "name": "Org is a string", "id": "x3", "organization": "org" },
              { "name": "Org without a name", "id": "x4", "organization": { "id": "org" }, "phones": "not an array" }
            ]
            """;

        var plan = await Preview(editor, json, "hsds");

        plan.ShouldBe(200);
        var rows = plan.All("#import-plan tbody tr");
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal("reject", r.ClassName));
        Assert.Equal("This entry is not a JSON object.", rows[0].Children[3].TextContent);
        Assert.Equal("The service has no organization object.", rows[1].Children[3].TextContent);
        Assert.Equal("The service needs an id and a name.", rows[2].Children[3].TextContent);
        Assert.Equal("The service has no organization object.", rows[3].Children[3].TextContent);
        Assert.Equal("The organization needs an id and a name.", rows[4].Children[3].TextContent);
    }

    [Fact]
    public async Task Import_OfANewOrganisation_CreatesItThroughTheSaver_WithARevision()
    {
        await using var source = new FixtureSiteFactory();
        await using var target = new EmptySiteFactory();
        var exported = await Export(await source.SignedIn("exporter@example.org", AdminSetup.EditorRole), "Hsds");
        var importer = await target.SignedIn("orgimporter@example.org", AdminSetup.EditorRole);

        var confirmed = await importer.Submit(await Preview(importer, exported, "hsds"), "#confirm-import");

        Assert.Equal(302, confirmed.Status);
        await target.WithDb(async db =>
        {
            var organizations = await db.Organizations.Select(o => o.Id.ToString()).ToListAsync();
            var revised = await db.Revisions.Where(r => r.EntityType == "organization" && r.Action == "imported" && r.By == "orgimporter@example.org")
                .Select(r => r.EntityKey).ToListAsync();
            Assert.NotEmpty(organizations);
            Assert.Equal(organizations.Order(), revised.Order());
        });
    }

    [Fact]
    public async Task HsdsExport_OfThePublishedListings_ValidatesAgainstOpenReferralsServiceSchema()
    {
        await using var site = new HelpSiteFactory();
        var exported = System.Text.Json.Nodes.JsonNode.Parse(await Export(await site.SignedIn("schema@example.org", AdminSetup.EditorRole), "Hsds"))!.AsArray();

        Assert.True(PublishedSeed.PublishedServices > 80, "the published seed is smaller than it should be");
        Assert.Equal(PublishedSeed.PublishedServices, exported.Count);
        foreach (var service in exported)
        {
            HsdsSchemas.AssertValid(HsdsSchemas.Service, service, $"Service {service!["helpdirectory_slug"]}");
        }
        // A listing without an email leaves the field out rather than writing null.
        Assert.Contains(exported, s => !s!.AsObject().ContainsKey("email"));
    }
}
