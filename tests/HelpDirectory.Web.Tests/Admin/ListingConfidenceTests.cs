using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Admin;

/// <summary>How sure we are of each listing: set by editors, kept in history, driving the "to confirm" queue, never shown to visitors.</summary>
public sealed class ListingConfidenceTests
{
    private static async Task<int> IdOf(HelpSiteFactory site, string slug)
    {
        var id = 0;
        await site.WithDb(async db => id = (await db.Services.SingleAsync(s => s.Slug == slug)).Id);
        return id;
    }

    private static Dictionary<string, (string Before, string After)> Changes(AngleSharp.Dom.IElement revision) =>
        revision.QuerySelectorAll(".changes tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent, tr => (tr.QuerySelector(".before")!.TextContent, tr.QuerySelector(".after")!.TextContent));

    [Fact]
    public async Task EditorSetsConfidence_ItIsSaved_ShownInHistory_AndRestoredWithAnEarlierVersion()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("confident@example.org", AdminSetup.EditorRole);
        var id = await IdOf(site, "example-oslo-therapy");
        var path = $"/admin/services/{id}/edit";
        var form = await editor.GetPage(path);
        // Read on a website in the seed, so medium.
        Assert.Equal("medium", form.Required("select[name='Form.Confidence'] option[selected]").GetAttribute("value"));
        Assert.Equal("medium", form.Text("#listing-confidence"));

        var raised = await editor.Submit(form, "#service-form", new Dictionary<string, string> { ["Form.Confidence"] = "high" });
        Assert.Equal(302, raised.Status);
        var lowered = await editor.Submit(await editor.GetPage(path), "#service-form", new Dictionary<string, string> { ["Form.Confidence"] = "low" });
        Assert.Equal(302, lowered.Status);

        await site.WithDb(async db => Assert.Equal("low", (await db.Services.SingleAsync(s => s.Id == id)).Confidence));
        Assert.Equal("low", (await editor.GetPage(path)).Text("#listing-confidence"));
        var history = await editor.GetPage($"/admin/services/{id}/history");
        var revisions = history.All(".revision");
        Assert.Equal(["updated", "updated"], revisions.Select(r => r.QuerySelector(".action")!.TextContent));
        Assert.Equal(new Dictionary<string, (string, string)> { ["Confidence"] = ("high", "low") }, Changes(revisions[0]));
        Assert.Equal(new Dictionary<string, (string, string)> { ["Confidence"] = ("medium", "high") }, Changes(revisions[1]));

        var restored = await editor.Submit(history, $"#{revisions[1].Id} form");

        Assert.Equal(302, restored.Status);
        await site.WithDb(async db => Assert.Equal("high", (await db.Services.SingleAsync(s => s.Id == id)).Confidence));
        var after = await editor.GetPage($"/admin/services/{id}/history");
        Assert.Equal(new Dictionary<string, (string, string)> { ["Confidence"] = ("low", "high") }, Changes(after.All(".revision")[0]));
    }

    [Theory]
    [InlineData("certain", "Choose high, medium or low.")]
    [InlineData("", "The Confidence field is required.")]
    public async Task InvalidConfidence_GetsAMessageBesideTheField_NotA500(string value, string message)
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("unsure@example.org", AdminSetup.EditorRole);
        var id = await IdOf(site, "example-oslo-therapy");

        var result = await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), "#service-form", new Dictionary<string, string> { ["Form.Confidence"] = value });

        result.ShouldBe(400);
        var error = result.Required("[data-valmsg-for='Form.Confidence']");
        Assert.Equal(message, Page.Normalize(error.TextContent));
        Assert.NotNull(error.ParentElement!.QuerySelector("select[name='Form.Confidence']"));
        await site.WithDb(async db => Assert.Equal("medium", (await db.Services.SingleAsync(s => s.Id == id)).Confidence));
    }

    [Fact]
    public async Task RecordingACheck_WithAConfidenceThatIsNotOne_IsRefused_AndChangesNothing()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("badcheck@example.org", AdminSetup.EditorRole);
        var id = await IdOf(site, "example-oslo-therapy");

        var result = await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), "#record-check",
            new Dictionary<string, string> { ["method"] = "confirmed", ["confidence"] = "certain" });

        Assert.Equal(400, result.Status);
        await site.WithDb(async db =>
        {
            var s = await db.Services.SingleAsync(x => x.Id == id);
            Assert.Equal((CheckMethod.Website, "medium"), (s.CheckMethod, s.Confidence));
            Assert.False(await db.Revisions.AnyAsync(r => r.EntityType == "service" && r.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Fact]
    public async Task Queue_ListsMediumAndDeskCheckedListings_WithTheirConfidence_ButNotAHighConfirmedOne()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("queue@example.org", AdminSetup.EditorRole);
        await site.WithDb(async db =>
        {
            async Task Set(string slug, CheckMethod method, string confidence, int year)
            {
                var s = await db.Services.SingleAsync(x => x.Slug == slug);
                (s.CheckMethod, s.Confidence, s.LastVerified) = (method, confidence, new DateOnly(year, 1, 1));
            }
            await Set("example-oslo-therapy", CheckMethod.Confirmed, "high", 2020);
            await Set("example-vestland-therapy", CheckMethod.Confirmed, "medium", 2021);
            await Set("example-nordic-forum", CheckMethod.ReportedByOrganisation, "low", 2022);
            await Set("example-norway-helpline", CheckMethod.Website, "high", 2019);
            await db.SaveChangesAsync();
        });

        var queue = await editor.GetPage("/admin");

        var rows = queue.All("#to-confirm tbody tr").Where(r => r.Children[1].TextContent == "Listing")
            .ToDictionary(r => r.QuerySelector("a")!.TextContent, r => (Confidence: r.QuerySelector(".confidence")!.TextContent, Checked: r.Children[3].TextContent));
        Assert.DoesNotContain("Example Oslo Therapy", rows.Keys);
        Assert.Equal(("medium", "2021-01-01"), rows["Example Vestland Therapy"]);
        Assert.Equal(("low", "2022-01-01"), rows["Example Nordic Forum"]);
        // Read on a website only: still to confirm, whatever its confidence.
        Assert.Equal(("high", "2019-01-01"), rows["Example Norway Helpline"]);
        Assert.Equal(("medium", "2026-03-01"), rows["Example Norway Therapy Line"]);
        var dates = queue.All("#to-confirm tbody tr").Select(r => r.Children[3].TextContent).Select(d => d == "never" ? "" : d).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task RecordingAConfirmation_KeepsTheConfidenceTheEditorChose_InOneRevision()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("careful@example.org", AdminSetup.EditorRole);
        var id = await IdOf(site, "example-vestland-therapy");
        var path = $"/admin/services/{id}/edit";

        var done = await editor.Submit(await editor.GetPage(path), "#record-check", new Dictionary<string, string> { ["method"] = "confirmed", ["confidence"] = "medium" });

        Assert.Equal(302, done.Status);
        await site.WithDb(async db =>
        {
            var s = await db.Services.SingleAsync(x => x.Id == id);
            Assert.Equal((CheckMethod.Confirmed, "medium", new DateOnly(2026, 11, 18), "careful@example.org"), (s.CheckMethod, s.Confidence, s.LastVerified, s.VerifiedBy));
        });
        var history = await editor.GetPage($"/admin/services/{id}/history");
        var revision = Assert.Single(history.All(".revision"));
        Assert.Equal("confirmed with the organisation", revision.QuerySelector(".action")!.TextContent);
        Assert.DoesNotContain("Confidence", Changes(revision).Keys);
        // Confirmed, but not sure yet: it stays in the queue.
        Assert.Contains((await editor.GetPage("/admin")).All("#to-confirm a"), a => a.GetAttribute("href") == path);
    }

    [Fact]
    public async Task RecordingAConfirmation_WithoutAChoice_RaisesTheListingToHigh()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("raiser@example.org", AdminSetup.EditorRole);
        var id = await IdOf(site, "example-vestland-therapy");

        var done = await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), "#record-check", new Dictionary<string, string> { ["method"] = "confirmed" });

        Assert.Equal(302, done.Status);
        Assert.Equal("high", (await editor.GetPage($"/admin/services/{id}/edit")).Text("#listing-confidence"));
        var revision = Assert.Single((await editor.GetPage($"/admin/services/{id}/history")).All(".revision"));
        Assert.Equal(("medium", "high"), Changes(revision)["Confidence"]);
    }

    [Fact]
    public async Task ALowListing_IsNotShownToVisitors_AndTheApiNeverSaysAConfidence()
    {
        await using var site = new FixtureSiteFactory();
        var editor = await site.SignedIn("doubter@example.org", AdminSetup.EditorRole);
        var id = await IdOf(site, "example-norway-helpline");
        var visitor = site.Browser();
        (await visitor.GetPage("/services/example-norway-helpline")).ShouldBe(200);
        var api = await visitor.GetStringAsync("/api/hsds/services?per_page=100&full=true");
        Assert.Contains("example-norway-helpline", api);
        Assert.DoesNotContain("confidence", api, StringComparison.OrdinalIgnoreCase);

        var saved = await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), "#service-form", new Dictionary<string, string> { ["Form.Confidence"] = "low" });

        Assert.Equal(302, saved.Status);
        Assert.Equal(404, (await visitor.GetPage("/services/example-norway-helpline")).Status);
        Assert.DoesNotContain((await visitor.GetPage("/help/no")).All("a"), a => a.GetAttribute("href") == "/services/example-norway-helpline");
        Assert.DoesNotContain("example-norway-helpline", await visitor.GetStringAsync("/api/hsds/services?per_page=100"));
        var edit = await editor.GetPage($"/admin/services/{id}/edit");
        Assert.Contains("not shown to visitors while its confidence is low", edit.Text(".meta"));
        Assert.Equal("Published", edit.Text("#listing-status"));
    }
}
