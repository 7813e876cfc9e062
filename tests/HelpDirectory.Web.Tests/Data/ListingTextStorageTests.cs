using HelpDirectory.Web.Data;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Data;

/// <summary>Texts in other languages are rows (record, language, field): any language without a schema change, gone with their record.</summary>
public sealed class ListingTextStorageTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Fact]
    public async Task ServiceTexts_InAnyLanguage_AreStoredAndReadBack_AndDeletedWithTheirListing()
    {
        var id = 0;
        await site.WithDb(async db =>
        {
            var organization = await db.Organizations.FirstAsync();
            var service = new Service
            {
                Slug = "example-stored-texts", Name = "Example Stored Texts", OrganizationId = organization.Id, Description = "English",
                Texts =
                [
                    new ServiceText { Language = "nb", Field = TextFields.Description, Text = "Norsk" },
                    new ServiceText { Language = "fr", Field = TextFields.Description, Text = "Français" },
                    new ServiceText { Language = "nb", Field = TextFields.Phone(0), Text = "Resepsjon" },
                ],
            };
            db.Services.Add(service);
            await db.SaveChangesAsync();
            id = service.Id;
        });

        await site.WithDb(async db =>
        {
            var service = await db.Services.AsNoTracking().Include(s => s.Texts).SingleAsync(s => s.Id == id);
            Assert.Equal([("fr", "description", "Français"), ("nb", "description", "Norsk"), ("nb", "phone:0", "Resepsjon")],
                service.Texts.Select(t => (t.Language, t.Field, t.Text)).Order());
            Assert.Equal(new LocalText("Français", null), service.Texts.Local(TextFields.Description, service.Description, "fr-ca"));
            db.Services.Remove(await db.Services.SingleAsync(s => s.Id == id));
            await db.SaveChangesAsync();
        });

        await site.WithDb(async db => Assert.False(await db.ServiceTexts.AnyAsync(t => t.ServiceId == id)));
    }

    [Fact]
    public async Task CrisisLineTexts_AreStoredAndReadBack()
    {
        var id = 0;
        await site.WithDb(async db =>
        {
            var line = new CrisisLine { Name = "Example stored line", RegionCode = "SE", Hours = "Evenings", Texts = [new CrisisLineText { Language = "sv", Field = TextFields.Hours, Text = "Kvällar" }] };
            db.CrisisLines.Add(line);
            await db.SaveChangesAsync();
            id = line.Id;
        });

        await site.WithDb(async db =>
        {
            var text = await db.CrisisLineTexts.AsNoTracking().SingleAsync(t => t.CrisisLineId == id);
            Assert.Equal(("sv", "hours", "Kvällar"), (text.Language, text.Field, text.Text));
        });
    }

    [Fact]
    public async Task PublishedSeed_EveryListingServingNorway_HasANorwegianDescription_AndNorwaysCrisisLinesTheirHoursInNorwegian()
    {
        await using var published = new HelpSiteFactory();
        await published.WithDb(async db =>
        {
            var norwegian = await db.Services.AsNoTracking().Where(s => s.Areas.Any(a => a.CountryCode == "NO"))
                .Select(s => new { s.Slug, Description = s.Texts.Where(t => t.Language == "nb" && t.Field == TextFields.Description).Select(t => t.Text).FirstOrDefault() })
                .ToListAsync();
            Assert.True(norwegian.Count >= 8, $"only {norwegian.Count} listings serve Norway");
            Assert.All(norwegian, s => Assert.False(string.IsNullOrWhiteSpace(s.Description), $"{s.Slug} has no Norwegian description"));
            Assert.StartsWith("Det offentlige psykiske helsevernet for barn og unge", norwegian.Single(s => s.Slug == "bup-no").Description, StringComparison.Ordinal);

            var lines = await db.CrisisLines.AsNoTracking().Include(l => l.Texts).Where(l => l.RegionCode == "NO").ToListAsync();
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.Contains(l.Texts, t => t.Language == "nb" && t.Field == TextFields.Hours));
            var kirkensSos = lines.Single(l => l.Name == "Kirkens SOS krisetelefon");
            Assert.Equal("Koster det samme som en vanlig samtale fra fasttelefon (gratis med noen abonnementer); Kirkens SOS tar ikke betalt.",
                kirkensSos.Texts.Local(TextFields.CostNote, kirkensSos.CostNote, "nb").Text);
            // Nothing outside Norway claims a Norwegian text it does not have.
            Assert.False(await db.ServiceTexts.AnyAsync(t => t.Language == "nb" && !db.ServiceAreas.Any(a => a.ServiceId == t.ServiceId && a.CountryCode == "NO")));
        });
    }
}
