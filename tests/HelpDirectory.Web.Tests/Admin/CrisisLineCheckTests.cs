using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Admin;

/// <summary>How each crisis line was checked, how sure we are of it, and what visitors are told.</summary>
public sealed class CrisisLineCheckTests
{
    [Fact]
    public async Task PlacePage_SaysHowEachLineWasChecked_WithoutClaimingAVerification()
    {
        await using var site = new FixtureSiteFactory();

        var page = await site.Browser().GetPage("/help/no");

        var checks = page.All(".crisis-list .how-checked").Select(p => p.TextContent).ToList();
        Assert.NotEmpty(checks);
        // Every Norwegian line was checked the same way, so the page says it once for all of them.
        Assert.Equal(["For each line below: Details taken from the line's website on 22 November 2026. Checked by HelpDirectory editors."], checks);
        Assert.DoesNotContain("verified", page.Text("main"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UncertainHours_KeepTheirCaveat_AndAreNeverFlattenedTo24x7()
    {
        await using var site = new FixtureSiteFactory();

        var page = await site.Browser().GetPage("/help/nz");

        var line = page.All(".crisis-list li").Single(li => li.QuerySelector("h3")?.TextContent.StartsWith("Suicide Crisis Helpline", StringComparison.Ordinal) == true);
        Assert.Contains("24/7 · hours may vary: check before calling", line.TextContent);
        Assert.DoesNotContain("Open 24/7", line.TextContent);
    }

    [Fact]
    public async Task ALineSetToLowConfidence_LeavesTheBanner()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("confidence@example.org", AdminSetup.EditorRole);
        var id = 0;
        await site.WithDb(async db => id = (await db.CrisisLines.FirstAsync(l => l.RegionCode == "NO" && l.SortOrder == 0)).Id);
        var form = await editor.GetPage($"/admin/crisis-lines/edit/{id}");
        Assert.Equal("high", form.Required("select[name='Form.Confidence'] option[selected]").GetAttribute("value"));

        var saved = await editor.Submit(form, "#record-form", new Dictionary<string, string> { ["Form.Confidence"] = "low" });

        Assert.Equal(302, saved.Status);
        var banner = await site.Browser(acceptLanguage: "en-NO").GetPage("/");
        Assert.DoesNotContain("Mental Helse Hjelpetelefonen", banner.Text("#crisis"));
        var history = await editor.GetPage($"/admin/crisis-lines/edit/{id}");
        Assert.Contains(history.All(".revision .changes tr"), tr => tr.QuerySelector("th")!.TextContent == "Confidence" && tr.QuerySelector(".after")!.TextContent == "low");
    }

    [Fact]
    public async Task ConfirmingAMediumLine_RecordsHowWhenAndWho_RaisesConfidence_AndLeavesTheQueue()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("confirmer@example.org", AdminSetup.EditorRole);
        var id = 0;
        await site.WithDb(async db => id = (await db.CrisisLines.FirstAsync(l => l.RegionCode == "NZ" && l.Confidence == "medium")).Id);
        var path = $"/admin/crisis-lines/edit/{id}";
        var queue = await editor.GetPage("/admin");
        var row = queue.All("#to-confirm tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == path);
        Assert.Equal("medium", row.QuerySelector(".confidence")!.TextContent);
        Assert.NotEmpty(row.QuerySelectorAll("a.source"));

        var done = await editor.Submit(await editor.GetPage(path), "#record-check", new Dictionary<string, string> { ["method"] = "confirmed" });

        Assert.Equal(302, done.Status);
        Assert.DoesNotContain((await editor.GetPage("/admin")).All("#to-confirm a"), a => a.GetAttribute("href") == path);
        var edit = await editor.GetPage(path);
        Assert.Equal("confirmed with the organisation", edit.All(".revision .action")[0].TextContent);
        Assert.Equal("high", edit.Required("select[name='Form.Confidence'] option[selected]").GetAttribute("value"));
        Assert.Equal("confirmer@example.org", edit.Required("input[name='Form.CheckedBy']").GetAttribute("value"));
        var place = await site.Browser().GetPage("/help/nz");
        // Now checked differently from the others, each line says how it was checked.
        var line = place.All(".crisis-list li").Single(li => li.QuerySelector("h3")?.TextContent == edit.Required("input[name='Form.Name']").GetAttribute("value"));
        var check = line.QuerySelector(".how-checked")!.TextContent;
        Assert.StartsWith("Confirmed with the line on ", check);
        Assert.EndsWith("Checked by confirmer@example.org.", check);
    }

    [Fact]
    public async Task ANewLine_StartsAtMediumConfidence()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("newline@example.org", AdminSetup.EditorRole);

        var form = await editor.GetPage("/admin/crisis-lines/edit");

        Assert.Equal("medium", form.Required("select[name='Form.Confidence'] option[selected]").GetAttribute("value"));
    }
}
