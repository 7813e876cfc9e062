using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>
/// What each emergency number is for, on the Norwegian pages (/nb/...): the bokmål from the seed, unmarked; the English
/// marked lang="en" only where a number has no Norwegian; the English pages as they were.
/// </summary>
public sealed class EmergencyNumbersInNorwegianTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private static readonly string[] NorwegianUses = ["medisinsk nødhjelp (også ved akutt selvmordsfare)", "politi", "brann"];
    private static readonly string[] EnglishUses = ["medical emergency (incl. acute suicide risk)", "police", "fire"];

    [Fact]
    public async Task Banner_InNorwegian_ShowsNorwaysEmergencyUsesInNorwegian_Unmarked()
    {
        var page = await site.Browser(regionCookie: "NO").GetPage("/nb/");

        page.ShouldBe(200);
        Assert.Equal(["113", "112", "110"], page.All("#crisis .emergency-number a.emergency-call").Select(a => a.TextContent));
        var uses = page.All("#crisis .emergency-number .use");
        Assert.Equal(NorwegianUses, uses.Select(u => Page.Normalize(u.TextContent)));
        Assert.All(uses, u => Assert.False(u.HasAttribute("lang"), u.OuterHtml));
        Assert.Null(page.Document.QuerySelector("#crisis .emergency [lang=en]"));
    }

    [Fact]
    public async Task Banner_InEnglish_ShowsTheEnglishUses_Unmarked()
    {
        var page = await site.Browser(regionCookie: "NO").GetPage("/");

        var uses = page.All("#crisis .emergency-number .use");
        Assert.Equal(EnglishUses, uses.Select(u => Page.Normalize(u.TextContent)));
        Assert.All(uses, u => Assert.False(u.HasAttribute("lang"), u.OuterHtml));
    }

    [Fact]
    public async Task PlaceAndPrintPages_InNorwegian_ShowTheNorwegianUses_AndInEnglishTheEnglish()
    {
        var place = await site.Browser(regionCookie: "NO").GetPage("/nb/help/no");
        var print = await site.Browser(regionCookie: "NO").GetPage("/nb/help/no/print");
        var englishPrint = await site.Browser(regionCookie: "NO").GetPage("/help/no/print");

        var placeLine = place.Required("#crisis-lines + p");
        Assert.Equal(NorwegianUses, placeLine.QuerySelectorAll("span").Select(s => s.TextContent));
        Assert.Null(placeLine.QuerySelector("[lang]"));
        var printLine = print.Required(".print-crisis p strong");
        Assert.Equal("113 for medisinsk nødhjelp (også ved akutt selvmordsfare) · 112 for politi · 110 for brann", Page.Normalize(printLine.TextContent));
        Assert.Null(printLine.QuerySelector("[lang]"));
        Assert.Equal("113 for medical emergency (incl. acute suicide risk) · 112 for police · 110 for fire", Page.Normalize(englishPrint.Required(".print-crisis p strong").TextContent));
    }

    [Fact]
    public async Task NorwegianPages_ANumberWithoutANorwegianUse_ShowTheEnglishMarked()
    {
        await using var own = new FixtureSiteFactory();
        await own.WithDb(db => db.EmergencyNumberTexts
            .Where(t => db.EmergencyNumbers.Any(n => n.Id == t.EmergencyNumberId && n.RegionCode == "SE")).ExecuteDeleteAsync());
        await own.Services.GetRequiredService<HelpDirectory.Web.Caching.SiteCache>().InvalidateAsync();

        var banner = await own.Browser(regionCookie: "SE").GetPage("/nb/");
        var place = await own.Browser(regionCookie: "SE").GetPage("/nb/help/se");
        var print = await own.Browser(regionCookie: "SE").GetPage("/nb/help/se/print");
        var norway = await own.Browser(regionCookie: "NO").GetPage("/nb/");

        var use = banner.Required("#crisis .emergency-number .use");
        Assert.Equal("emergency (only national emergency number)", use.TextContent);
        Assert.Equal("en", use.GetAttribute("lang"));
        Assert.Equal("en", place.Required("#crisis-lines + p span").GetAttribute("lang"));
        Assert.Equal("emergency (only national emergency number)", print.Required(".print-crisis p strong span[lang=en]").TextContent);
        Assert.Equal(NorwegianUses, norway.All("#crisis .emergency-number .use").Select(u => Page.Normalize(u.TextContent)));
    }

    [Fact]
    public async Task RegionForm_EditsTheNorwegianUse_WithARevision_AndARestoreBringsItBack()
    {
        await using var own = new FixtureSiteFactory();
        var editor = await own.SignedIn("emergency-nb@example.org", AdminSetup.EditorRole);
        var form = await editor.GetPage("/admin/regions/edit/NO");
        var lines = form.Required("textarea[name='Form.EmergencyNumbers']").TextContent.Trim().Split('\n');
        Assert.EndsWith(" | nb: politi", lines[1]);
        Assert.StartsWith("112 | police | ", lines[1]);

        var changed = string.Join('\n', lines[0], "112 | police | https://example.org/police | nb: politiet (test)", lines[2]);
        var saved = await editor.Submit(form, "#record-form", new Dictionary<string, string> { ["Form.EmergencyNumbers"] = changed });

        Assert.Equal(302, saved.Status);
        var banner = await own.Browser(regionCookie: "NO").GetPage("/nb/");
        Assert.Equal(["medisinsk nødhjelp (også ved akutt selvmordsfare)", "politiet (test)", "brann"], banner.All("#crisis .emergency-number .use").Select(u => Page.Normalize(u.TextContent)));
        Assert.Equal(["medical emergency (incl. acute suicide risk)", "police", "fire"],
            (await own.Browser(regionCookie: "NO").GetPage("/")).All("#crisis .emergency-number .use").Select(u => Page.Normalize(u.TextContent)));
        var edit = await editor.GetPage("/admin/regions/edit/NO");
        Assert.Equal("updated", edit.All(".revision .action")[0].TextContent);
        Assert.Contains("nb: politiet (test)", edit.Text(".revision .after"));
        Assert.Contains("nb: politi", edit.Text(".revision .before"));

        var again = string.Join('\n', lines[0], "112 | police | https://example.org/police | nb: politi (endret igjen)", lines[2]);
        Assert.Equal(302, (await editor.Submit(edit, "#record-form", new Dictionary<string, string> { ["Form.EmergencyNumbers"] = again })).Status);
        var older = (await editor.GetPage("/admin/regions/edit/NO")).All(".revision")[1];
        var loaded = await editor.GetPage("/admin/regions/edit/NO" + older.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("112 | police | https://example.org/police | nb: politiet (test)", loaded.Required("textarea[name='Form.EmergencyNumbers']").TextContent);
        Assert.Equal(302, (await editor.Submit(loaded, "#record-form")).Status);
        Assert.StartsWith("restored revision", (await editor.GetPage("/admin/regions/edit/NO")).All(".revision .action")[0].TextContent);
        await own.WithDb(async db => Assert.Equal("politiet (test)", (await db.EmergencyNumberTexts
            .SingleAsync(t => t.Field == "use" && db.EmergencyNumbers.Any(n => n.Id == t.EmergencyNumberId && n.RegionCode == "NO" && n.Number == "112"))).Text));
        Assert.Contains("politiet (test)", (await own.Browser(regionCookie: "NO").GetPage("/nb/")).Text("#crisis .emergency"));
    }

    [Theory]
    [InlineData("112 | police | https://example.org | politi", "write what the number is for in another language after the source")]
    [InlineData("112 | police | nb: politi", "give the source before what the number is for in another language")]
    [InlineData("112 | police | https://example.org | nb: politi | nb: politiet", "\"nb\" is given twice")]
    [InlineData("112 | police | https://example.org | en: police", "write what the number is for in another language after the source")]
    public async Task RegionForm_ABadNorwegianUse_IsRefusedBesideTheField(string typed, string message)
    {
        var editor = await site.SignedIn("emergency-bad@example.org", AdminSetup.EditorRole);

        var result = await editor.Submit(await editor.GetPage("/admin/regions/edit/DK"), "#record-form", new Dictionary<string, string> { ["Form.EmergencyNumbers"] = typed });

        result.ShouldBe(400);
        Assert.Contains(message, Page.Normalize(result.Required("[data-valmsg-for='Form.EmergencyNumbers']").TextContent));
        await site.WithDb(async db => Assert.Equal("emergency (only national emergency number)", (await db.EmergencyNumbers.SingleAsync(n => n.RegionCode == "DK")).Use));
    }
}
