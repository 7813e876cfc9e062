using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Admin;

/// <summary>Texts in other languages go out and come back in with CSV and HSDS: the fixture's Oslo listing has Norwegian
/// texts (description, cost note, a phone's note) and its online listing a Swedish description.</summary>
public sealed class TranslationTransferTests
{
    private static readonly (string Slug, string Language, string Field, string Text)[] FixtureTexts =
    [
        ("example-oslo-therapy", "nb", "cost_note", "Eksempel på egenandel"),
        ("example-oslo-therapy", "nb", "description", "Eksempel på terapi i Oslo for unge, ansikt til ansikt."),
        ("example-oslo-therapy", "nb", "phone:0", "Resepsjon"),
        ("example-worldwide-online-therapy", "sv", "description", "Exempel på terapi på nätet via video och chatt."),
    ];

    private static async Task<string> Export(HttpClient editor, string handler)
    {
        var response = await editor.GetAsync($"/admin/transfer?handler={handler}");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task Import(HttpClient editor, string content, string format)
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
        form.Add(file, "file", "import." + format);
        var response = await editor.PostAsync("/admin/transfer?handler=Preview", form);
        var body = await response.Content.ReadAsStringAsync();
        var plan = new Page(response, body, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body));
        plan.ShouldBe(200);
        Assert.True(plan.All("#import-plan tr.reject").Count == 0, string.Join("\n", plan.All("#import-plan tr.reject").Select(r => r.TextContent)));
        Assert.Equal(302, (await editor.Submit(plan, "#confirm-import")).Status);
    }

    private static async Task<List<(string, string, string, string)>> TextsIn(HelpSiteFactory site)
    {
        var texts = new List<(string, string, string, string)>();
        await site.WithDb(async db => texts.AddRange((await db.ServiceTexts.Join(db.Services, t => t.ServiceId, s => s.Id, (t, s) => new { s.Slug, t.Language, t.Field, t.Text }).ToListAsync())
            .Select(t => (t.Slug, t.Language, t.Field, t.Text)).Order()));
        return texts;
    }

    [Fact]
    public async Task Csv_HasAColumnPerFieldAndLanguage_AndAnImportBringsTheTextsBack()
    {
        await using var source = new FixtureSiteFactory();
        await using var target = new EmptySiteFactory();
        var csv = await Export(await source.SignedIn("csvout@example.org", AdminSetup.EditorRole), "Csv");

        var header = csv[..csv.IndexOf('\n', StringComparison.Ordinal)].TrimEnd('\r').Split(',');
        Assert.Contains("Description@nb", header);
        Assert.Contains("CostNote@nb", header);
        Assert.Contains("Description@sv", header);
        Assert.Contains("| voice | Reception | nb: Resepsjon", csv, StringComparison.Ordinal);

        await Import(await target.SignedIn("csvin@example.org", AdminSetup.EditorRole), csv, "csv");

        Assert.Equal(FixtureTexts.Select(t => (t.Slug, t.Language, t.Field, t.Text)).Order(), await TextsIn(target));
    }

    [Fact]
    public async Task Hsds_CarriesTheTextsInAnExtensionBesideTheStandardFields_ValidAgainstTheSchema_AndAnImportBringsThemBack()
    {
        await using var source = new FixtureSiteFactory();
        await using var target = new EmptySiteFactory();
        var json = await Export(await source.SignedIn("hsdsout@example.org", AdminSetup.EditorRole), "Hsds");

        var services = JsonNode.Parse(json)!.AsArray();
        var oslo = services.Single(s => s!["helpdirectory_slug"]!.GetValue<string>() == "example-oslo-therapy")!;
        Assert.Equal("Example in-person therapy in Oslo for young people.", oslo["description"]!.GetValue<string>());
        Assert.Equal("Eksempel på terapi i Oslo for unge, ansikt til ansikt.", oslo["helpdirectory_translations"]!["nb"]!["description"]!.GetValue<string>());
        Assert.Equal("Eksempel på egenandel", oslo["helpdirectory_translations"]!["nb"]!["fees_description"]!.GetValue<string>());
        Assert.Equal("Resepsjon", oslo["phones"]![0]!["helpdirectory_translations"]!["nb"]!["description"]!.GetValue<string>());
        HsdsSchemas.AssertValid(HsdsSchemas.Service, oslo, "Service example-oslo-therapy");

        await Import(await target.SignedIn("hsdsin@example.org", AdminSetup.EditorRole), json, "hsds");

        Assert.Equal(FixtureTexts.Select(t => (t.Slug, t.Language, t.Field, t.Text)).Order(), await TextsIn(target));
    }

    [Fact]
    public async Task HsdsApi_ServesTheTranslationsToo()
    {
        await using var site = new FixtureSiteFactory();

        var response = await site.Browser().GetAsync($"/api/hsds/services/{Web.Editing.Transfer.HsdsMapping.ServiceId("example-oslo-therapy")}");

        Assert.Equal(200, (int)response.StatusCode);
        var service = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Eksempel på terapi i Oslo for unge, ansikt til ansikt.", service["helpdirectory_translations"]!["nb"]!["description"]!.GetValue<string>());
        HsdsSchemas.AssertValid(HsdsSchemas.Service, service, "API service example-oslo-therapy");
    }
}
