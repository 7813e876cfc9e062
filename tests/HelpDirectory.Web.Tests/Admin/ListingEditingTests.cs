using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Admin;

public sealed class ListingEditingTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private static Dictionary<string, string> NewListing(string slug, string name = "Example New Helpline") => new()
    {
        ["Form.Name"] = name,
        ["Form.Slug"] = slug,
        ["Form.Organization"] = "example-org",
        ["Form.Kind"] = "helplines",
        ["Form.Description"] = "An example helpline added in a test.",
        ["Form.Url"] = "https://example.org/new",
        ["Form.Phones"] = "020 7946 0010 | voice | Free from UK phones",
        ["Form.ContactMethods"] = "phone",
        ["Form.TimeZone"] = "Europe/London",
        ["Form.Is24x7"] = "true",
        ["Form.Cost"] = "free",
        ["Form.Audiences"] = "all",
        ["Form.Languages"] = "en",
        ["Form.AreaScope"] = "countries",
        ["Form.AreaCodes"] = "GB",
        ["Form.Source"] = "https://example.org/source-new",
    };

    private async Task<(HttpClient Client, int Id)> CreateDraft(string slug, string email = "creator@example.org")
    {
        var editor = await site.SignedIn(email, AdminSetup.EditorRole);
        var created = await editor.Submit(await editor.GetPage("/admin/services/new"), "#service-form", NewListing(slug));
        Assert.True(created.Status == 302, created.Body);
        var location = created.Response.Headers.Location!.ToString();
        return (editor, int.Parse(location.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Create_Publish_ThenVisitorsSeeIt()
    {
        var (editor, id) = await CreateDraft("example-new-helpline");
        Assert.Equal(404, (await site.Browser().GetPage("/services/example-new-helpline")).Status);

        var edit = await editor.GetPage($"/admin/services/{id}/edit");
        var published = await editor.Submit(edit, ".status-actions form", handler: "Publish");
        Assert.Equal(302, published.Status);

        var page = await site.Browser().GetPage("/services/example-new-helpline");
        page.ShouldBe(200);
        Assert.Equal("tel:+442079460010", page.Required(".reach a.call").GetAttribute("href"));
        var list = await site.Browser().GetPage("/help/gb/helplines");
        Assert.Contains(list.All(".card h3 a"), a => a.GetAttribute("href") == "/services/example-new-helpline");
    }

    [Theory]
    [InlineData("Form.Url", "javascript:alert(1)", "Enter a full web address starting with https:// or http://.")]
    [InlineData("Form.ChatUrl", "ftp://example.org", "Enter a full web address starting with https:// or http://.")]
    [InlineData("Form.Email", "not-an-email", "Enter an email address like name@example.org.")]
    [InlineData("Form.Phones", "12345", "Line 1: 12345 is not a short code known for GB. Write the full number, or add the short code to the country's crisis lines first.")]
    [InlineData("Form.Phones", "988 | voice", "Line 1: 988 is not a short code known for GB. Write the full number, or add the short code to the country's crisis lines first.")]
    [InlineData("Form.Phones", "020 7946 00", "Line 1: This is not a valid phone number for GB: it has the wrong number of digits.")]
    [InlineData("Form.Phones", "0800 068 41411 | voice | Free", "Line 1: This is not a valid phone number for GB: it has the wrong number of digits.")]
    [InlineData("Form.Phones", "0800 068 4141\n+44 20 79", "Line 2: This is not a valid international phone number: check the country code and the number of digits.")]
    [InlineData("Form.Phones", "call me maybe", "Line 1: Enter a phone number using digits, spaces, brackets, dashes and an optional + at the start.")]
    [InlineData("Form.TimeZone", "Mars/Olympus", "Enter a time zone from the IANA list, for example Europe/Oslo.")]
    [InlineData("Form.Hours", "someday 9-5", "Line 1: write hours like \"mo-fr 09:00-17:00\".")]
    [InlineData("Form.AreaCodes", "ZZ", "\"ZZ\" is not a known country code.")]
    [InlineData("Form.Slug", "Not A Slug", "Use lowercase letters, digits and single hyphens, for example \"samaritans-helpline\".")]
    [InlineData("Form.Name", "", "The Name field is required.")]
    [InlineData("Form.Description", "Hello <script>alert(1)</script>", "Write plain text: HTML tags are not allowed.")]
    public async Task Create_InvalidField_ShowsTheMessageBesideIt_AndKeepsWhatWasTyped(string field, string value, string message)
    {
        var editor = await site.SignedIn("validator@example.org", AdminSetup.EditorRole);
        var values = NewListing("example-invalid");
        values[field] = value;
        if (field == "Form.Hours") values.Remove("Form.Is24x7");

        var result = await editor.Submit(await editor.GetPage("/admin/services/new"), "#service-form", values);

        result.ShouldBe(400);
        var error = result.Required($"[data-valmsg-for='{field}']");
        Assert.Equal(message, Page.Normalize(error.TextContent));
        Assert.NotNull(error.ParentElement!.QuerySelector($"[name='{field}']")); // beside its field, not only in the summary
        var input = result.Document.QuerySelector($"[name='{field}']")!;
        Assert.Equal(value, input is AngleSharp.Html.Dom.IHtmlTextAreaElement ta ? ta.Value : input.GetAttribute("value"));
        Assert.DoesNotContain("<script>alert(1)", result.Body);
        await site.WithDb(async db => Assert.False(await db.Services.AnyAsync(s => s.Slug == "example-invalid")));
    }

    [Fact]
    public async Task Create_ShortCodeListedForTheCountry_IsAccepted()
    {
        var editor = await site.SignedIn("shortcode@example.org", AdminSetup.EditorRole);
        var values = NewListing("example-short-code");
        values["Form.Phones"] = "116 123 | voice";

        var result = await editor.Submit(await editor.GetPage("/admin/services/new"), "#service-form", values);

        Assert.Equal(302, result.Status);
        await site.WithDb(async db =>
        {
            var phone = await db.ServicePhones.SingleAsync(p => db.Services.Any(s => s.Slug == "example-short-code" && s.Id == p.ServiceId));
            Assert.Equal("116 123", phone.Number);
            Assert.Null(phone.E164);
        });
    }

    [Fact]
    public async Task Create_NumberInInternationalForm_IsStoredAndShownInTheNationalFormat()
    {
        var editor = await site.SignedIn("formats@example.org", AdminSetup.EditorRole);
        var values = NewListing("example-formats");
        values["Form.Phones"] = "+44 20 7946 0011 | voice\n0800 068 4141 | voice";

        var result = await editor.Submit(await editor.GetPage("/admin/services/new"), "#service-form", values);

        Assert.True(result.Status == 302, result.Body);
        await site.WithDb(async db =>
        {
            var phones = await db.ServicePhones.Where(p => db.Services.Any(s => s.Slug == "example-formats" && s.Id == p.ServiceId)).OrderBy(p => p.SortOrder).ToListAsync();
            Assert.Equal([("020 7946 0011", "+442079460011"), ("0800 068 4141", "+448000684141")], phones.Select(p => (p.Number, p.E164)));
        });
        var edit = await editor.GetPage(result.Response.Headers.Location!.ToString());
        Assert.Equal("020 7946 0011 | voice\n0800 068 4141 | voice", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)edit.Required("textarea[name='Form.Phones']")).Value);
    }

    [Fact]
    public async Task Create_WorldwideListing_AsksForTheInternationalForm()
    {
        var editor = await site.SignedIn("worldwide@example.org", AdminSetup.EditorRole);
        var values = NewListing("example-worldwide");
        values["Form.AreaScope"] = "worldwide";
        values["Form.AreaCodes"] = "";

        var refused = await editor.Submit(await editor.GetPage("/admin/services/new"), "#service-form", values);

        refused.ShouldBe(400);
        Assert.Equal("Line 1: For a service with no single country, write the number in international form, starting with +.", refused.Text("[data-valmsg-for='Form.Phones']"));
        values["Form.Phones"] = "+44 20 7946 0012 | voice";
        var saved = await editor.Submit(await editor.GetPage("/admin/services/new"), "#service-form", values);
        Assert.True(saved.Status == 302, saved.Body);
        await site.WithDb(async db => Assert.Equal("+44 20 7946 0012",
            (await db.ServicePhones.SingleAsync(p => db.Services.Any(s => s.Slug == "example-worldwide" && s.Id == p.ServiceId))).Number));
    }

    [Fact]
    public async Task TwoEditors_SavingTheSameListing_TheSecondGetsAConflict_NotAnOverwrite()
    {
        var (first, id) = await CreateDraft("example-conflict", "first@example.org");
        var second = await site.SignedIn("second@example.org", AdminSetup.EditorRole);
        var firstForm = await first.GetPage($"/admin/services/{id}/edit");
        var secondForm = await second.GetPage($"/admin/services/{id}/edit");

        var firstSave = await first.Submit(firstForm, "#service-form", new Dictionary<string, string> { ["Form.Name"] = "Name From First" });
        var secondSave = await second.Submit(secondForm, "#service-form", new Dictionary<string, string> { ["Form.Description"] = "Description from second." });

        Assert.Equal(302, firstSave.Status);
        secondSave.ShouldBe(409);
        Assert.Contains("first@example.org", secondSave.Text(".conflict"));
        var differences = secondSave.All("#conflict-differences tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent, tr => (tr.QuerySelector(".yours")!.TextContent, tr.QuerySelector(".saved")!.TextContent));
        Assert.Equal(("Example New Helpline", "Name From First"), differences["Name"]);
        Assert.Equal(("Description from second.", "An example helpline added in a test."), differences["Description"]);
        await site.WithDb(async db =>
        {
            var saved = await db.Services.SingleAsync(s => s.Id == id);
            Assert.Equal("Name From First", saved.Name);
            Assert.Equal("An example helpline added in a test.", saved.Description);
        });

        // The second editor chooses to keep their version: the form they got back carries the saved version now.
        var overwrite = await second.Submit(secondSave, "#service-form", new Dictionary<string, string> { ["Form.Name"] = "Name From First" });
        Assert.Equal(302, overwrite.Status);
        await site.WithDb(async db => Assert.Equal("Description from second.", (await db.Services.SingleAsync(s => s.Id == id)).Description));
    }

    [Fact]
    public async Task History_ShowsEachChange_AndAnEarlierVersionCanBeRestored()
    {
        var (editor, id) = await CreateDraft("example-history", "historian@example.org");
        await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), "#service-form", new Dictionary<string, string> { ["Form.Name"] = "Second Name" });
        await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), "#service-form", new Dictionary<string, string> { ["Form.Name"] = "Third Name", ["Form.CostNote"] = "Now with a note" });

        var history = await editor.GetPage($"/admin/services/{id}/history");
        var entries = history.All(".revision");
        Assert.Equal(["updated", "updated", "created"], entries.Select(e => e.QuerySelector(".action")!.TextContent));
        Assert.All(entries, e => Assert.Equal("historian@example.org", e.QuerySelector(".by")!.TextContent));
        var newest = entries[0].QuerySelectorAll(".changes tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent, tr => (tr.QuerySelector(".before")!.TextContent, tr.QuerySelector(".after")!.TextContent));
        Assert.Equal(("Second Name", "Third Name"), newest["Name"]);
        Assert.Equal(("", "Now with a note"), newest["CostNote"]);
        Assert.Equal(2, newest.Count);

        var restored = await editor.Submit(history, $"#{entries[2].Id} form");
        Assert.Equal(302, restored.Status);

        await site.WithDb(async db =>
        {
            var s = await db.Services.SingleAsync(x => x.Id == id);
            Assert.Equal("Example New Helpline", s.Name);
            Assert.Null(s.CostNote);
        });
        var after = await editor.GetPage($"/admin/services/{id}/history");
        Assert.StartsWith("restored the version of", after.All(".revision .action")[0].TextContent);
        Assert.Equal(4, after.All(".revision").Count);
    }

    [Fact]
    public async Task RecordingAConfirmation_RecordsHowWhenAndWho_AndTakesTheListingOffBothQueues()
    {
        var editor = await site.SignedIn("verifier@example.org", AdminSetup.EditorRole);
        int id = 0;
        await site.WithDb(async db =>
        {
            var s = await db.Services.SingleAsync(x => x.Slug == "example-vestland-therapy");
            s.LastVerified = new DateOnly(2024, 1, 1);
            await db.SaveChangesAsync();
            id = s.Id;
        });
        var queue = await editor.GetPage("/admin");
        var editPath = $"/admin/services/{id}/edit";
        Assert.Contains(queue.All("#stale-listings a"), a => a.GetAttribute("href") == editPath);
        var toConfirm = queue.All("#to-confirm tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == editPath);
        Assert.Equal("https://example.org/source-vestland", toConfirm.QuerySelector("a.source")!.GetAttribute("href"));
        Assert.Equal("2024-01-01", toConfirm.Children[3].TextContent);
        // Oldest check first ("never" before any date).
        var dates = queue.All("#to-confirm tbody tr").Select(r => r.Children[3].TextContent).Select(d => d == "never" ? "" : d).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);

        var checkedNow = await editor.Submit(await editor.GetPage(editPath), "#record-check", new Dictionary<string, string> { ["method"] = "confirmed" });
        Assert.Equal(302, checkedNow.Status);

        var after = await editor.GetPage("/admin");
        Assert.DoesNotContain(after.All("#stale-listings a"), a => a.GetAttribute("href") == editPath);
        Assert.DoesNotContain(after.All("#to-confirm a"), a => a.GetAttribute("href") == editPath);
        var edit = await editor.GetPage(editPath);
        Assert.Equal("2026-11-18", edit.Text("#last-verified"));
        var history = await editor.GetPage($"/admin/services/{id}/history");
        Assert.Equal("confirmed with the organisation", history.All(".revision .action")[0].TextContent);
        Assert.Contains("confirmed", history.All(".revision")[0].TextContent);
        var publicPage = await site.Browser().GetPage("/services/example-vestland-therapy");
        Assert.Equal("Confirmed with the organisation on 18 November 2026. Checked by verifier@example.org.", publicPage.Text("#how-checked"));
    }

    [Fact]
    public async Task Archive_HidesTheListing_ButKeepsItsHistory()
    {
        var (editor, id) = await CreateDraft("example-archive", "archiver@example.org");
        await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), ".status-actions form", handler: "Publish");
        Assert.Equal(200, (await site.Browser().GetPage("/services/example-archive")).Status);

        await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), ".status-actions form", handler: "Archive");

        Assert.Equal(404, (await site.Browser().GetPage("/services/example-archive")).Status);
        var history = await editor.GetPage($"/admin/services/{id}/history");
        Assert.Equal(["archived", "published", "created"], history.All(".revision .action").Select(a => a.TextContent));
    }

    [Fact]
    public async Task ScriptTypedIntoFields_IsShownEscaped_OnThePublicPageAndInTheAdmin()
    {
        var editor = await site.SignedIn("xss@example.org", AdminSetup.EditorRole);
        var values = NewListing("example-script");
        values["Form.Name"] = "<script>alert('name')</script>";
        values["Form.CostNote"] = "<img src=x onerror=alert(1)>";
        values["Form.Source"] = "<script>alert('source')</script>";
        var created = await editor.Submit(await editor.GetPage("/admin/services/new"), "#service-form", values);
        var id = created.Response.Headers.Location!.ToString().Split('/')[3];
        await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), ".status-actions form", handler: "Publish");

        var publicPage = await site.Browser().GetPage("/services/example-script");
        var adminPage = await editor.GetPage($"/admin/services/{id}/edit");
        var history = await editor.GetPage($"/admin/services/{id}/history");
        var list = await editor.GetPage("/admin/services?q=example-script");

        foreach (var page in new[] { publicPage, adminPage, history, list })
        {
            page.ShouldBe(200);
            Assert.DoesNotContain("<script>alert(", page.Body);
            Assert.DoesNotContain("<img src=x", page.Body);
        }
        Assert.Equal("<script>alert('name')</script>", publicPage.Text("main h1"));
    }
}
