using System.Globalization;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Admin;

/// <summary>
/// Two editors on one record, for each of the four kinds: the slower one gets the conflict page, nothing of theirs is
/// written, and saving again from that page ("keep mine") puts their version over the other, once, with a revision.
/// </summary>
public sealed class ConflictTests
{
    public static TheoryData<string> Kinds => ["listing", "organisation", "crisis line", "region"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SecondEditor_GetsTheConflict_ThenSaveAgainKeepsTheirVersion(string kind)
    {
        await using var site = new FixtureSiteFactory();
        var first = await site.SignedIn("first@example.org", AdminSetup.EditorRole);
        var second = await site.SignedIn("second@example.org", AdminSetup.EditorRole);
        var (path, form) = await EditPageOf(site, kind);
        var a = await first.GetPage(path);
        var b = await second.GetPage(path);

        Assert.Equal(302, (await first.Submit(a, form, new Dictionary<string, string> { ["Form.Name"] = "Name from the first editor" })).Status);
        var conflict = await second.Submit(b, form, new Dictionary<string, string> { ["Form.Name"] = "Name from the second editor" });

        conflict.ShouldBe(409);
        Assert.Equal("first@example.org", conflict.Text(".conflict .saved-by"));
        var row = conflict.All("#conflict-differences tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Name");
        Assert.Equal("Name from the second editor", row.QuerySelector(".yours")!.TextContent);
        Assert.Equal("Name from the first editor", row.QuerySelector(".saved")!.TextContent);
        Assert.Equal(path, conflict.Required("#take-theirs").GetAttribute("href"));
        Assert.Equal("Name from the second editor", conflict.Required("input[name='Form.Name']").GetAttribute("value"));
        Assert.Equal("Name from the first editor", (await first.GetPage(path)).Required("input[name='Form.Name']").GetAttribute("value"));

        var keptMine = await second.Submit(conflict, form);

        Assert.Equal(302, keptMine.Status);
        var after = await second.GetPage(path);
        Assert.Equal("Name from the second editor", after.Required("input[name='Form.Name']").GetAttribute("value"));
        await site.WithDb(async db =>
        {
            var names = await db.Revisions.Where(r => r.By == "first@example.org" || r.By == "second@example.org")
                .OrderBy(r => r.Id).Select(r => r.By).ToListAsync();
            Assert.Equal(["first@example.org", "second@example.org"], names);
        });
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SaveAgain_WhenSomeoneSavedOnceMore_ConflictsAgain(string kind)
    {
        await using var site = new FixtureSiteFactory();
        var first = await site.SignedIn("first@example.org", AdminSetup.EditorRole);
        var second = await site.SignedIn("second@example.org", AdminSetup.EditorRole);
        var (path, form) = await EditPageOf(site, kind);
        var b = await second.GetPage(path);
        await first.Submit(await first.GetPage(path), form, new Dictionary<string, string> { ["Form.Name"] = "First save" });
        var conflict = await second.Submit(b, form, new Dictionary<string, string> { ["Form.Name"] = "Second editor" });
        conflict.ShouldBe(409);

        await first.Submit(await first.GetPage(path), form, new Dictionary<string, string> { ["Form.Name"] = "Another save meanwhile" });
        var again = await second.Submit(conflict, form);

        again.ShouldBe(409);
        Assert.Equal("Another save meanwhile", (await first.GetPage(path)).Required("input[name='Form.Name']").GetAttribute("value"));
    }

    private static async Task<(string Path, string Form)> EditPageOf(FixtureSiteFactory site, string kind)
    {
        var path = "";
        await site.WithDb(async db => path = kind switch
        {
            "listing" => $"/admin/services/{Id((await db.Services.OrderBy(s => s.Id).FirstAsync()).Id)}/edit",
            "organisation" => $"/admin/organizations/edit/{Id((await db.Organizations.OrderBy(o => o.Id).FirstAsync()).Id)}",
            "crisis line" => $"/admin/crisis-lines/edit/{Id((await db.CrisisLines.OrderBy(l => l.Id).FirstAsync(l => l.RegionCode == "NO")).Id)}",
            "region" => "/admin/regions/edit/SE",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        });
        return (path, kind == "listing" ? "#service-form" : "#record-form");
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
