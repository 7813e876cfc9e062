using System.Text.Json;
using AngleSharp.Html.Dom;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Admin;

/// <summary>Editors write a listing's and a crisis line's texts in Norwegian beside the English, with history, restore and conflicts as for any field.</summary>
public sealed class ListingTextEditingTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private static Dictionary<string, string> NewListing(string slug) => new()
    {
        ["Form.Name"] = "Example Bilingual Helpline",
        ["Form.Slug"] = slug,
        ["Form.Organization"] = "example-org",
        ["Form.Kind"] = "helplines",
        ["Form.Description"] = "An example helpline in two languages.",
        ["Form.Texts[0].Language"] = "nb",
        ["Form.Texts[0].Description"] = "En eksempeltelefon på to språk.",
        ["Form.Texts[0].CostNote"] = "Gratis fra alle telefoner",
        ["Form.Url"] = "https://example.org/bilingual",
        ["Form.Phones"] = "22 40 00 40 | voice | Free from all phones | nb: Gratis fra alle telefoner\n+47 22 40 00 41 | voice |  | nb: Bare på kveldstid",
        ["Form.ContactMethods"] = "phone",
        ["Form.TimeZone"] = "Europe/Oslo",
        ["Form.Is24x7"] = "true",
        ["Form.Cost"] = "free",
        ["Form.CostNote"] = "Free from all phones",
        ["Form.Audiences"] = "all",
        ["Form.Languages"] = "nb en",
        ["Form.AreaScope"] = "countries",
        ["Form.AreaCodes"] = "NO",
        ["Form.Source"] = "https://example.org/source-bilingual",
    };

    private async Task<(HttpClient Client, int Id)> Create(string slug, string email)
    {
        var editor = await site.SignedIn(email, AdminSetup.EditorRole);
        var created = await editor.Submit(await editor.GetPage("/admin/services/new"), "#service-form", NewListing(slug));
        Assert.True(created.Status == 302, created.Body);
        return (editor, int.Parse(created.Response.Headers.Location!.ToString().Split('/')[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<List<(string Language, string Field, string Text)>> TextsOf(int id)
    {
        var texts = new List<(string, string, string)>();
        await site.WithDb(async db => texts.AddRange((await db.ServiceTexts.Where(t => t.ServiceId == id).ToListAsync()).Select(t => (t.Language, t.Field, t.Text)).Order()));
        return texts;
    }

    [Fact]
    public async Task Create_WithNorwegianTexts_StoresThem_AndTheFormShowsThemAgain()
    {
        var (editor, id) = await Create("example-bilingual", "bilingual@example.org");

        Assert.Equal(
            [("nb", "cost_note", "Gratis fra alle telefoner"), ("nb", "description", "En eksempeltelefon på to språk."),
             ("nb", "phone:0", "Gratis fra alle telefoner"), ("nb", "phone:1", "Bare på kveldstid")],
            await TextsOf(id));
        var edit = await editor.GetPage($"/admin/services/{id}/edit");
        Assert.Equal("nb", edit.Required("input[name='Form.Texts[0].Language']").GetAttribute("value"));
        Assert.Equal("En eksempeltelefon på to språk.", ((IHtmlTextAreaElement)edit.Required("textarea[name='Form.Texts[0].Description']")).Value);
        Assert.Equal("nb", edit.Required("textarea[name='Form.Texts[0].Description']").GetAttribute("lang"));
        Assert.Equal("Gratis fra alle telefoner", edit.Required("input[name='Form.Texts[0].CostNote']").GetAttribute("value"));
        Assert.Equal("22 40 00 40 | voice | Free from all phones | nb: Gratis fra alle telefoner\n22 40 00 41 | voice |  | nb: Bare på kveldstid",
            ((IHtmlTextAreaElement)edit.Required("textarea[name='Form.Phones']")).Value);
    }

    [Fact]
    public async Task NewListingForm_HasTheNorwegianFields_Empty()
    {
        var editor = await site.SignedIn("newform@example.org", AdminSetup.EditorRole);

        var page = await editor.GetPage("/admin/services/new");

        Assert.Equal("nb", page.Required("#service-form input[name='Form.Texts[0].Language']").GetAttribute("value"));
        Assert.Equal("", ((IHtmlTextAreaElement)page.Required("#service-form textarea[name='Form.Texts[0].Description']")).Value);
        Assert.Contains("Norwegian", page.Required("label[for='Form_Texts_0__Description']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingTheNorwegianDescription_IsRecorded_AndRestoringUndoesIt()
    {
        var (editor, id) = await Create("example-bilingual-history", "translator@example.org");
        var saved = await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), "#service-form", new Dictionary<string, string>
        {
            ["Form.Texts[0].Description"] = "En ny norsk beskrivelse.",
            ["Form.Texts[0].CostNote"] = "",
            ["Form.Phones"] = "22 40 00 40 | voice | Free from all phones",
        });
        Assert.Equal(302, saved.Status);
        Assert.Equal([("nb", "description", "En ny norsk beskrivelse.")], await TextsOf(id));

        var history = await editor.GetPage($"/admin/services/{id}/history");
        var entries = history.All(".revision");
        var newest = entries[0].QuerySelectorAll(".changes tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent, tr => (tr.QuerySelector(".before")!.TextContent, tr.QuerySelector(".after")!.TextContent));
        Assert.Equal(("En eksempeltelefon på to språk.", "En ny norsk beskrivelse."), newest["Description@nb"]);
        Assert.Equal(("Gratis fra alle telefoner", ""), newest["CostNote@nb"]);
        Assert.Equal(["CostNote@nb", "Description@nb", "Phones"], newest.Keys.Order(StringComparer.Ordinal));

        var restored = await editor.Submit(history, $"#{entries[^1].Id} form");

        Assert.Equal(302, restored.Status);
        Assert.Equal(
            [("nb", "cost_note", "Gratis fra alle telefoner"), ("nb", "description", "En eksempeltelefon på to språk."),
             ("nb", "phone:0", "Gratis fra alle telefoner"), ("nb", "phone:1", "Bare på kveldstid")],
            await TextsOf(id));
    }

    [Fact]
    public async Task RestoringARevisionFromBeforeTranslations_KeepsTheTranslations()
    {
        var (editor, id) = await Create("example-bilingual-old-revision", "oldrevision@example.org");
        await editor.Submit(await editor.GetPage($"/admin/services/{id}/edit"), "#service-form", new Dictionary<string, string> { ["Form.Name"] = "Renamed Bilingual" });
        // The first revision as the site wrote it before listings had translations: no Field@language keys.
        await site.WithDb(async db =>
        {
            var first = await db.Revisions.Where(r => r.EntityType == "service" && r.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(r => r.Id).FirstAsync();
            var snapshot = JsonSerializer.Deserialize<Dictionary<string, string>>(first.SnapshotJson)!;
            first.SnapshotJson = JsonSerializer.Serialize(snapshot.Where(kv => !kv.Key.Contains('@', StringComparison.Ordinal)).ToDictionary());
            await db.SaveChangesAsync();
        });
        var history = await editor.GetPage($"/admin/services/{id}/history");

        var restored = await editor.Submit(history, $"#{history.All(".revision")[^1].Id} form");

        Assert.Equal(302, restored.Status);
        await site.WithDb(async db => Assert.Equal("Example Bilingual Helpline", (await db.Services.SingleAsync(s => s.Id == id)).Name));
        Assert.Contains(("nb", "description", "En eksempeltelefon på to språk."), await TextsOf(id));
    }

    [Theory]
    [InlineData("Form.Texts[0].Description", "Hei <script>alert(1)</script>", "Write plain text: HTML tags are not allowed.")]
    [InlineData("Form.Texts[0].CostNote", "x", "The field Cost note must be a string with a maximum length of 500.")]
    [InlineData("Form.Texts[0].Language", "en", "English is the listing's own text, not a translation.")]
    [InlineData("Form.Texts[0].Language", "<b>", "\"<b>\" is not a language code such as en, nb or es-US, in lowercase.")]
    [InlineData("Form.Phones", "22 40 00 40 | voice | Free | Gratis", "Line 1: write a note in another language after the English one, as \"| nb: note\".")]
    public async Task Create_InvalidTranslation_ShowsTheMessageBesideIt_AndSavesNothing(string field, string value, string message)
    {
        var editor = await site.SignedIn("badtranslation@example.org", AdminSetup.EditorRole);
        var values = NewListing("example-bad-translation");
        values[field] = value == "x" ? new string('x', 501) : value;

        var result = await editor.Submit(await editor.GetPage("/admin/services/new"), "#service-form", values);

        result.ShouldBe(400);
        Assert.Equal(message, result.Text($"[data-valmsg-for='{field}']"));
        Assert.DoesNotContain("<script>alert(1)", result.Body, StringComparison.Ordinal);
        await site.WithDb(async db => Assert.False(await db.Services.AnyAsync(s => s.Slug == "example-bad-translation")));
    }

    [Fact]
    public async Task TwoEditors_ChangingTheNorwegianText_TheSecondGetsAConflict()
    {
        var (first, id) = await Create("example-bilingual-conflict", "firsttranslator@example.org");
        var second = await site.SignedIn("secondtranslator@example.org", AdminSetup.EditorRole);
        var firstForm = await first.GetPage($"/admin/services/{id}/edit");
        var secondForm = await second.GetPage($"/admin/services/{id}/edit");

        Assert.Equal(302, (await first.Submit(firstForm, "#service-form", new Dictionary<string, string> { ["Form.Texts[0].Description"] = "Fra den første." })).Status);
        var secondSave = await second.Submit(secondForm, "#service-form", new Dictionary<string, string> { ["Form.Texts[0].Description"] = "Fra den andre." });

        secondSave.ShouldBe(409);
        var differences = secondSave.All("#conflict-differences tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent, tr => (tr.QuerySelector(".yours")!.TextContent, tr.QuerySelector(".saved")!.TextContent));
        Assert.Equal(("Fra den andre.", "Fra den første."), differences["Description@nb"]);
        Assert.Contains(("nb", "description", "Fra den første."), await TextsOf(id));
    }

    [Fact]
    public async Task CrisisLine_NorwegianHoursAndCostNote_AreSaved_Recorded_AndRestorable()
    {
        var editor = await site.SignedIn("linetranslator@example.org", AdminSetup.EditorRole);
        var id = 0;
        await site.WithDb(async db => id = (await db.CrisisLines.SingleAsync(l => l.Name == "Alarmtelefonen for barn og unge")).Id);
        var form = await editor.GetPage($"/admin/crisis-lines/edit/{id}");
        Assert.Equal("Telefon og e-post hele døgnet; chat og sms 16.15–22.45 (lørdag til 23.45)", form.Required("input[name='Form.Texts[0].Hours']").GetAttribute("value"));

        var saved = await editor.Submit(form, "#record-form", new Dictionary<string, string>
        {
            ["Form.Texts[0].Hours"] = "Hele døgnet (test)",
            ["Form.Texts[0].CostNote"] = "Gratis (test)",
            ["Form.CostNote"] = "Free (test)",
        });

        Assert.True(saved.Status == 302, saved.Body);
        await site.WithDb(async db =>
        {
            var line = await db.CrisisLines.Include(l => l.Texts).SingleAsync(l => l.Id == id);
            Assert.Equal("Free (test)", line.CostNote);
            Assert.Equal([("cost_note", "Gratis (test)"), ("hours", "Hele døgnet (test)")], line.Texts.Where(t => t.Language == "nb").Select(t => (t.Field, t.Text)).Order());
        });
        var edit = await editor.GetPage($"/admin/crisis-lines/edit/{id}");
        var changes = edit.All(".revision")[0].QuerySelectorAll(".changes tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent, tr => tr.QuerySelector(".after")!.TextContent);
        Assert.Equal("Hele døgnet (test)", changes["Hours@nb"]);

        // A second change, then undo it: load the first change's version into the form and save it.
        Assert.Equal(302, (await editor.Submit(edit, "#record-form", new Dictionary<string, string> { ["Form.Texts[0].Hours"] = "Endret igjen", ["Form.Texts[0].CostNote"] = "" })).Status);
        await site.WithDb(async db => Assert.Equal(["Endret igjen"], await db.CrisisLineTexts.Where(t => t.CrisisLineId == id).Select(t => t.Text).ToListAsync()));
        var revision = edit.All(".revision")[0].Id!.Replace("revision-", "", StringComparison.Ordinal);
        var old = await editor.GetPage($"/admin/crisis-lines/edit/{id}?revision={revision}");
        Assert.Equal("Hele døgnet (test)", old.Required("input[name='Form.Texts[0].Hours']").GetAttribute("value"));
        Assert.Equal(302, (await editor.Submit(old, "#record-form")).Status);
        await site.WithDb(async db =>
        {
            var line = await db.CrisisLines.Include(l => l.Texts).SingleAsync(l => l.Id == id);
            Assert.Equal([("cost_note", "Gratis (test)"), ("hours", "Hele døgnet (test)")], line.Texts.Select(t => (t.Field, t.Text)).Order());
        });
    }

    [Fact]
    public async Task CrisisLine_OverlongNorwegianHours_AreRefusedBesideTheirField()
    {
        var editor = await site.SignedIn("longhours@example.org", AdminSetup.EditorRole);
        var id = 0;
        await site.WithDb(async db => id = (await db.CrisisLines.SingleAsync(l => l.Name == "Kirkens SOS krisetelefon")).Id);

        var result = await editor.Submit(await editor.GetPage($"/admin/crisis-lines/edit/{id}"), "#record-form",
            new Dictionary<string, string> { ["Form.Texts[0].Hours"] = new string('x', 201) });

        result.ShouldBe(400);
        Assert.Equal("The field Hours must be a string with a maximum length of 200.", result.Text("[data-valmsg-for='Form.Texts[0].Hours']"));
        await site.WithDb(async db => Assert.Equal("Hele døgnet", (await db.CrisisLineTexts.SingleAsync(t => t.CrisisLineId == id && t.Field == TextFields.Hours)).Text));
    }
}
