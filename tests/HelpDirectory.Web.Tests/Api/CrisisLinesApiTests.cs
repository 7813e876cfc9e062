using System.Text.Json.Nodes;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Api;

public sealed class CrisisLinesApiTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Theory]
    [InlineData("/api/crisis-lines/no", "/help/no")]
    [InlineData("/api/crisis-lines/gb/scotland", "/help/gb/scotland")]
    [InlineData("/api/crisis-lines/GB/GB-SCT", "/help/gb/scotland")]
    public async Task Get_CrisisLines_AreTheLinesTheBannerShowsForThePlace(string url, string pagePath)
    {
        var json = await site.Browser().GetJson(url);
        var banner = await site.Browser().GetPage(pagePath);

        var lines = json["crisis_lines"]!.AsArray();
        Assert.NotEmpty(lines);
        var shown = banner.All("#crisis .line .line-name").Select(e => e.TextContent).ToList();
        Assert.Equal(shown, lines.Take(shown.Count).Select(l => (string)l!["name"]!));
        Assert.Equal(banner.All("#crisis .emergency-call").Select(e => e.TextContent), json["emergency_numbers"]!.AsArray().Select(e => (string)e!["number"]!));
        Assert.Equal("http://localhost" + pagePath, (string?)json["place"]!["more_help_url"]);
    }

    [Fact]
    public async Task Get_CrisisLines_GiveEachLineAsStored_NumberHoursCostLanguagesSource()
    {
        var json = await site.Browser().GetJson("/api/crisis-lines/no");
        CrisisLine stored = null!;
        await site.WithDb(async db => stored = await db.CrisisLines.Where(l => l.RegionCode == "NO" && l.Status == ListingStatus.Published && l.Phone != null)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id).FirstAsync());

        var line = json["crisis_lines"]!.AsArray().Single(l => (string?)l!["name"] == stored.Name)!;

        Assert.Equal(stored.Phone, (string?)line["phone"]!["dialled"]);
        Assert.Equal(stored.PhoneE164, (string?)line["phone"]!["e164"]);
        Assert.Equal(stored.Is24x7, (bool)line["open_24_7"]!);
        Assert.Equal(stored.Is24x7 ? "Open 24 hours, 7 days a week" : stored.Hours, (string?)line["hours"]);
        Assert.Equal(stored.Free, (bool?)line["cost"]!["free"]);
        Assert.Equal(stored.Languages.Split(' ', StringSplitOptions.RemoveEmptyEntries), line["languages"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(stored.Source, (string?)line["source"]);
        Assert.False(line.AsObject().Any(p => p.Value is null), "null fields are left out: " + line.ToJsonString());
    }
}
