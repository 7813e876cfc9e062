using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>A visitor's "report a problem" form (/services/{slug}/report), and where the report goes.</summary>
public sealed class ReportPageTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Fact]
    public async Task VisitorReport_ReachesTheQueue_AndAnEditorResolvesIt()
    {
        var visitor = site.Anonymous();
        var form = await visitor.GetPage("/services/example-norway-helpline/report");
        var sent = await visitor.Submit(form, "form.admin-form", new Dictionary<string, string> { ["Input.Problem"] = "wrong-number", ["Input.Details"] = "The number <b>rings out</b>." });
        Assert.Equal(302, sent.Status);
        var thanks = await visitor.FollowRedirect(sent);
        Assert.Contains("Thank you", thanks.Text(".notice"));

        var editor = await site.SignedIn("reports@example.org", AdminSetup.EditorRole);
        var queue = await editor.GetPage("/admin");
        Assert.True(queue.All("#open-reports tr").Any(tr => tr.TextContent.Contains("rings out", StringComparison.Ordinal)), queue.Body);
        var row = queue.All("#open-reports tr").Single(tr => tr.TextContent.Contains("rings out", StringComparison.Ordinal));
        Assert.Contains("wrong-number", row.TextContent);
        Assert.DoesNotContain("<b>rings out</b>", queue.Body);

        var reports = await editor.GetPage("/admin/reports");
        var card = reports.All("#open-reports li").Single(li => li.TextContent.Contains("rings out", StringComparison.Ordinal));
        var resolved = await editor.Submit(reports, $"#{card.Id} form", new Dictionary<string, string> { ["note"] = "Checked and fixed" }, handler: "Resolve");
        Assert.Equal(302, resolved.Status);

        var after = await editor.GetPage("/admin/reports");
        Assert.DoesNotContain(after.All("#open-reports li"), li => li.TextContent.Contains("rings out", StringComparison.Ordinal));
        var handled = after.All("#handled-reports tr").Single(tr => tr.TextContent.Contains("Checked and fixed", StringComparison.Ordinal));
        Assert.Contains("Resolved", handled.TextContent);
        Assert.Contains("reports@example.org", handled.TextContent);
    }

    [Fact]
    public async Task VisitorReport_HoneypotFilled_IsNotStored()
    {
        var visitor = site.Anonymous();
        var form = await visitor.GetPage("/services/example-nordic-forum/report");
        var sent = await visitor.Submit(form, "form.admin-form", new Dictionary<string, string> { ["Input.Problem"] = "closed", ["Input.Details"] = "honeypot-check", ["Input.Website"] = "http://spam.example" });

        Assert.Equal(302, sent.Status);
        await site.WithDb(async db => Assert.False(await db.Reports.AnyAsync(r => r.Details == "honeypot-check")));
    }

    [Fact]
    public async Task VisitorReport_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await site.Anonymous().PostAsync("/services/example-nordic-forum/report",
            new FormUrlEncodedContent([new("Input.Problem", "closed"), new("Input.Details", "no-token")]));

        Assert.Equal(400, (int)response.StatusCode);
        await site.WithDb(async db => Assert.False(await db.Reports.AnyAsync(r => r.Details == "no-token")));
    }
}
