using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Admin;

public sealed class RecordEditingTests
{
    [Fact]
    public async Task EditingACrisisLine_ChangesTheBannerAtOnce_AndIsRecorded()
    {
        await using var site = new FixtureSiteFactory();
        var before = await site.Browser(acceptLanguage: "en-NO").GetPage("/");
        Assert.Equal("Mental Helse Hjelpetelefonen", before.Text("#crisis .line-name"));
        var editor = await site.SignedIn("lines@example.org", AdminSetup.EditorRole);
        var id = 0;
        await site.WithDb(async db => id = (await db.CrisisLines.FirstAsync(l => l.RegionCode == "NO" && l.SortOrder == 0)).Id);

        var saved = await editor.Submit(await editor.GetPage($"/admin/crisis-lines/edit/{id}"), "#record-form",
            new Dictionary<string, string> { ["Form.Name"] = "Mental Helse Hjelpetelefonen (renamed in test)" });

        Assert.Equal(302, saved.Status);
        var after = await site.Browser(acceptLanguage: "en-NO").GetPage("/");
        Assert.Equal("Mental Helse Hjelpetelefonen (renamed in test)", after.Text("#crisis .line-name"));
        var edit = await editor.GetPage($"/admin/crisis-lines/edit/{id}");
        Assert.Equal("updated", edit.All(".revision .action")[0].TextContent);
        Assert.Contains("renamed in test", edit.Text(".revision .after"));
    }

    [Fact]
    public async Task CrisisLine_InvalidPhone_IsRefusedWithAMessage()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("badline@example.org", AdminSetup.EditorRole);

        var result = await editor.Submit(await editor.GetPage("/admin/crisis-lines/edit"), "#record-form", new Dictionary<string, string>
        {
            ["Form.RegionCode"] = "NO", ["Form.Name"] = "Example line", ["Form.Phone"] = "22 40 00 4", ["Form.Source"] = "https://example.org",
        });

        result.ShouldBe(400);
        var error = result.Required("[data-valmsg-for='Form.Phone']");
        Assert.Equal("This is not a valid phone number for NO: it has the wrong number of digits.", Page.Normalize(error.TextContent));
        Assert.Equal("22 40 00 4", error.ParentElement!.QuerySelector("input[name='Form.Phone']")!.GetAttribute("value"));
        await site.WithDb(async db => Assert.False(await db.CrisisLines.AnyAsync(l => l.Name == "Example line")));
    }

    [Theory]
    [InlineData("Form.Phone", "988", "NO", "988", null)]
    [InlineData("Form.Phone", "+47 22 40 00 41", "NO", "22 40 00 41", "+4722400041")]
    [InlineData("Form.Phone", "0800 068 4142", "GB", "0800 068 4142", "+448000684142")]
    [InlineData("Form.SmsNumber", "0477 13 11 15", "AU", "0477 131 115", null)]
    public async Task CrisisLine_Numbers_AreStoredInTheNationalFormat_AndNewShortCodesAccepted(string field, string typed, string region, string stored, string? e164)
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("goodline@example.org", AdminSetup.EditorRole);

        var result = await editor.Submit(await editor.GetPage("/admin/crisis-lines/edit"), "#record-form", new Dictionary<string, string>
        {
            ["Form.RegionCode"] = region, ["Form.Name"] = "Example good line", [field] = typed, ["Form.Source"] = "https://example.org",
        });

        Assert.True(result.Status == 302, result.Body);
        await site.WithDb(async db =>
        {
            var line = await db.CrisisLines.SingleAsync(l => l.Name == "Example good line");
            Assert.Equal((stored, e164), field == "Form.Phone" ? (line.Phone, line.PhoneE164) : (line.SmsNumber, null));
        });
    }

    [Fact]
    public async Task CrisisLine_InvalidTextNumber_IsRefusedBesideItsField()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("badsms@example.org", AdminSetup.EditorRole);

        var result = await editor.Submit(await editor.GetPage("/admin/crisis-lines/edit"), "#record-form", new Dictionary<string, string>
        {
            ["Form.RegionCode"] = "GB", ["Form.Name"] = "Example text line", ["Form.SmsNumber"] = "07786 20969", ["Form.Source"] = "https://example.org",
        });

        result.ShouldBe(400);
        var error = result.Required("[data-valmsg-for='Form.SmsNumber']");
        Assert.StartsWith("This is not a valid phone number for GB", Page.Normalize(error.TextContent));
        Assert.Equal("07786 20969", error.ParentElement!.QuerySelector("input[name='Form.SmsNumber']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task EditingARegionsEmergencyNumbers_ChangesTheBanner()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("regions@example.org", AdminSetup.EditorRole);
        var form = await editor.GetPage("/admin/regions/edit/SE");
        Assert.StartsWith("112 | ", form.Required("textarea[name='Form.EmergencyNumbers']").TextContent.TrimStart());

        var saved = await editor.Submit(form, "#record-form", new Dictionary<string, string> { ["Form.EmergencyNumbers"] = "112 | everything urgent (test) | https://example.org" });

        Assert.Equal(302, saved.Status);
        var banner = await site.Browser(acceptLanguage: "sv-SE").GetPage("/");
        Assert.Contains("everything urgent (test)", banner.Text("#crisis .emergency"));
    }

    [Fact]
    public async Task TwoEditorsOnOneOrganisation_TheSecondGetsAConflict()
    {
        await using var site = new FixtureSiteFactory();
        var first = await site.SignedIn("org1@example.org", AdminSetup.EditorRole);
        var second = await site.SignedIn("org2@example.org", AdminSetup.EditorRole);
        var id = 0;
        await site.WithDb(async db => id = (await db.Organizations.FirstAsync()).Id);
        var a = await first.GetPage($"/admin/organizations/edit/{id}");
        var b = await second.GetPage($"/admin/organizations/edit/{id}");

        Assert.Equal(302, (await first.Submit(a, "#record-form", new Dictionary<string, string> { ["Form.Name"] = "First editor's name" })).Status);
        var conflict = await second.Submit(b, "#record-form", new Dictionary<string, string> { ["Form.Description"] = "Second editor's description" });

        conflict.ShouldBe(409);
        Assert.NotNull(conflict.Document.QuerySelector(".conflict"));
        await site.WithDb(async db =>
        {
            var org = await db.Organizations.SingleAsync(o => o.Id == id);
            Assert.Equal("First editor's name", org.Name);
            Assert.Equal("Not a real organisation.", org.Description);
        });
    }

    [Fact]
    public async Task OrganisationHistory_LoadsAnEarlierVersion_AndSavingItIsRecordedAsARestore()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("orghistory@example.org", AdminSetup.EditorRole);
        var id = 0;
        await site.WithDb(async db => id = (await db.Organizations.FirstAsync()).Id);
        await editor.Submit(await editor.GetPage($"/admin/organizations/edit/{id}"), "#record-form", new Dictionary<string, string> { ["Form.Name"] = "Name One" });
        await editor.Submit(await editor.GetPage($"/admin/organizations/edit/{id}"), "#record-form", new Dictionary<string, string> { ["Form.Name"] = "Name Two" });

        var page = await editor.GetPage($"/admin/organizations/edit/{id}");
        var older = page.All(".revision")[1];
        var loaded = await editor.GetPage($"/admin/organizations/edit/{id}" + older.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Name One", loaded.Required("input[name='Form.Name']").GetAttribute("value"));
        var restored = await editor.Submit(loaded, "#record-form");

        Assert.Equal(302, restored.Status);
        var after = await editor.GetPage($"/admin/organizations/edit/{id}");
        Assert.StartsWith("restored revision", after.All(".revision .action")[0].TextContent);
        await site.WithDb(async db => Assert.Equal("Name One", (await db.Organizations.SingleAsync(o => o.Id == id)).Name));
    }
}
