using HelpDirectory.Web.Data;
using System.Text.Json;
using HelpDirectory.Web.Editing.Seeding;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PhoneNumbers;

namespace HelpDirectory.Web.Tests.Data;

/// <summary>Every phone number in the published seed goes through the editors' parser, and visitors see it in its country's format.</summary>
public sealed class SeedPhoneTests(HelpSiteFactory site) : IClassFixture<HelpSiteFactory>
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    private static readonly CrisisLinesFile Research =
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Content, "data", "crisis-lines.json")), SeedJson.Default.CrisisLinesFile)!;

    private static readonly ServicesFile Listings =
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Content, "data", "services.json")), SeedJson.Default.ServicesFile)!;

    private static string National(string e164) => Numbers.Format(Numbers.Parse(e164, null), PhoneNumberFormat.NATIONAL);

    /// <summary>Every number in content/data with its country, what the file says its E.164 form is, and whether it is a
    /// crisis line's (whose form may introduce a short code).</summary>
    private static IEnumerable<(string Where, string? Country, string Number, string? E164, bool CrisisLine)> SeedNumbers()
    {
        foreach (var c in Research.Countries)
        {
            foreach (var l in c.Lines)
            {
                if (l.Phone is not null) yield return ($"{c.Code} line '{l.Name}'", c.Code, l.Phone, l.PhoneE164, true);
                if (l.Sms?.Number is not null) yield return ($"{c.Code} line '{l.Name}' (text)", c.Code, l.Sms.Number, null, true);
            }
        }
        foreach (var s in Listings.Services)
        {
            var countries = (s.ServiceArea?.Codes ?? []).Select(code => code[..2].ToUpperInvariant()).Distinct().ToList();
            foreach (var p in s.Phones ?? []) yield return ($"service '{s.Slug}'", countries.Count == 1 ? countries[0] : null, p.Number, p.E164, false);
        }
    }

    [Fact]
    public void EveryPublishedNumber_ParsesForItsCountry_AsTheSameE164_InTheNationalFormat_AndReadsBackAsItself()
    {
        var shortCodes = SeedLoader.ShortCodes(Research);
        var failures = new List<string>();
        foreach (var (where, country, number, e164, crisisLine) in SeedNumbers())
        {
            var known = country is not null && shortCodes.TryGetValue(country, out var codes) ? codes : new HashSet<string>();
            if (!PhoneInput.TryParse(number, country, known, out var phone, out var error, acceptPossibleShortCodes: crisisLine))
                failures.Add($"{where}: {number}: {error}");
            else if (phone.E164 is null && e164 is not null)
                failures.Add($"{where}: {number} read as a short code, but the file gives {e164}");
            else if (phone.E164 is not null && e164 is not null && phone.E164 != e164)
                failures.Add($"{where}: {number} is {phone.E164}, but the file gives {e164}");
            else if (phone.E164 is not null && phone.Display != National(phone.E164))
                failures.Add($"{where}: {number} shown as {phone.Display}, not {National(phone.E164)}");
            // What is stored goes back into the edit form, so it must read back as itself.
            else if (!PhoneInput.TryParse(phone.Display, country, known, out var again, out _, acceptPossibleShortCodes: crisisLine) || again != phone)
                failures.Add($"{where}: {phone.Display}, as stored, does not read back as itself");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task SeededNumbers_AreStoredInTheNationalFormat_WithoutAWarning()
    {
        await site.WithDb(async db =>
        {
            var phones = await db.ServicePhones.AsNoTracking().Where(p => p.E164 != null).Select(p => new { p.Number, p.E164 }).ToListAsync();
            var lines = await db.CrisisLines.AsNoTracking().Where(l => l.PhoneE164 != null).Select(l => new { l.Phone, l.PhoneE164 }).ToListAsync();
            Assert.NotEmpty(phones);
            Assert.All(phones, p => Assert.Equal(National(p.E164!), p.Number));
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.Equal(National(l.PhoneE164!), l.Phone));
        });
        Assert.DoesNotContain(site.Logs.Lines, l => l.Contains("kept as written", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/help/no", "#crisis-lines ~ .lines-full a.call", "tel:+4722400040", "22 40 00 40")]
    [InlineData("/help/gb", "#crisis-lines ~ .lines-full a.call", "tel:+448000684141", "0800 068 4141")]
    [InlineData("/help/au", "#crisis-lines ~ .lines-full a.text", "sms:+61477131114", "0477 131 114")]
    [InlineData("/help/us", "#crisis-lines ~ .lines-full a.call", "tel:+18664887386", "(866) 488-7386")]
    [InlineData("/services/sos-voz-amiga-pt", ".reach a.call", "tel:+351213544545", "21 354 4545")]
    [InlineData("/services/telefonseelsorge-de", ".reach a.call", "tel:+498001110111", "0800 1110111")]
    [InlineData("/services/telefonseelsorge-de", ".reach a.call", "tel:116123", "116 123")]
    [InlineData("/services/lifeline-australia", ".reach a.call", "tel:131114", "13 11 14")]
    public async Task Pages_ShowSeededNumbersInTheNationalFormat_AndDialE164(string path, string selector, string href, string number)
    {
        var page = await site.Browser().GetPage(path);

        page.ShouldBe(200);
        var links = page.All(selector).Select(a => (a.GetAttribute("href"), a.QuerySelector(".number")?.TextContent)).ToList();
        Assert.True(links.Contains((href, number)), $"No {selector} to {href} showing {number} in: {string.Join(", ", links)}");
    }
}
