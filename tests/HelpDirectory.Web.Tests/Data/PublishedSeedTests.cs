using System.Text.Json;
using System.Text.RegularExpressions;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Data;

/// <summary>The published seed in content/data: real, sourced, and never an example listing.</summary>
public sealed class PublishedSeedTests
{
    private static readonly JsonElement Services = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "data", "services.json"))).RootElement;

    private static IEnumerable<JsonElement> All => Services.GetProperty("services").EnumerateArray();

    [Fact]
    public void Seed_HasAtLeastFortyListings_AcrossAllFiveKinds()
    {
        Assert.True(All.Count() >= 40);
        foreach (var kind in HelpKinds.All)
            Assert.True(All.Count(s => s.GetProperty("kind").GetString() == kind.Slug) >= 5, $"too few {kind.Slug}");
    }

    [Fact]
    public void EveryEmergencyNumber_SaysWhatItIsFor_InBokmal()
    {
        var research = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "data", "crisis-lines.json"))).RootElement;
        var numbers = research.GetProperty("countries").EnumerateArray()
            .SelectMany(c => c.TryGetProperty("emergencyDetails", out var d) ? d.EnumerateArray().Select(e => (Country: c.GetProperty("code").GetString(), Detail: e)) : []).ToList();

        Assert.True(numbers.Count >= 40);
        Assert.All(numbers, n =>
        {
            var what = $"{n.Country} {n.Detail.GetProperty("number").GetString()}";
            var use = n.Detail.TryGetProperty("translations", out var t) && t.TryGetProperty("nb", out var nb) && nb.TryGetProperty("use", out var u) ? u.GetString() : null;
            Assert.False(string.IsNullOrWhiteSpace(use), $"{what} has no Norwegian use");
            Assert.NotEqual(n.Detail.GetProperty("use").GetString(), use);
        });
    }

    [Fact]
    public void EveryLanguage_InTheSeed_HasAnEnglishName()
    {
        var codes = All.SelectMany(s => s.TryGetProperty("languages", out var l) ? l.EnumerateArray().Select(c => c.GetString()!) : []).Distinct().ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.NotEqual(code, Languages.Name(code)));
    }

    [Theory]
    [InlineData("en-GB", "nb", "Norwegian Bokmål")]
    [InlineData("en-GB", "NB", "Norwegian Bokmål")]
    [InlineData("en-GB", "pt-BR", "Portuguese (Brazil)")]
    [InlineData("en-GB", "se", "Northern Sami")]
    [InlineData("en-GB", "xx", "xx")]
    [InlineData("en-GB", "xx-YY", "xx-YY")]
    [InlineData("nb-NO", "nb", "Norsk bokmål")]
    [InlineData("nb-NO", "se", "Nordsamisk")]
    [InlineData("nb-NO", "en", "Engelsk")]
    [InlineData("nb-NO", "xx", "xx")]
    public void LanguageNames_ComeFromIcu_InTheReadersLanguage(string reader, string code, string name)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(reader);
        try
        {
            Assert.Equal(name, Languages.Name(code));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void EveryListing_HasASourceAndAVerifiedDate_AndIsNoExample()
    {
        foreach (var s in All)
        {
            var slug = s.GetProperty("slug").GetString()!;
            Assert.Matches("https?://", s.GetProperty("source").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\d$", s.GetProperty("lastVerified").GetString());
            Assert.DoesNotContain("example", slug, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("example.org", s.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("7946 0", s.GetRawText(), StringComparison.Ordinal); // reserved fiction numbers belong to test fixtures
        }
    }

    [Fact]
    public void EveryE164Number_IsWellFormed_AndEveryUrlIsAbsoluteHttp()
    {
        foreach (var s in All)
        {
            foreach (var p in s.GetProperty("phones").EnumerateArray())
                if (p.GetProperty("e164").GetString() is { } e164) Assert.Matches(@"^\+[1-9]\d{7,14}$", e164);
            foreach (var key in new[] { "url", "chatUrl" })
                if (s.GetProperty(key).GetString() is { } url) Assert.True(HelpDirectory.Web.Editing.ServiceForm.IsWebUrl(url), url);
        }
    }

    [Fact]
    public void Descriptions_FollowSafeMessaging()
    {
        var words = new[] { "blade", "razor", "knife", "cut", "cutting", "burn", "overdose", "pills", "blood", "scar", "wound", "attention-seeking", "commit suicide", "committed suicide" };
        foreach (var s in All)
        {
            var text = s.GetProperty("name").GetString() + " " + s.GetProperty("description").GetString();
            foreach (var w in words) Assert.False(Regex.IsMatch(text, $@"\b{Regex.Escape(w)}\b", RegexOptions.IgnoreCase), $"{s.GetProperty("slug")} says \"{w}\"");
            Assert.DoesNotMatch("<[a-zA-Z/]", text);
        }
    }

    // ---- Say only what we know (issue 13): what every published listing must carry ----

    private static readonly JsonElement CrisisLines = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "data", "crisis-lines.json"))).RootElement;

    private static Dictionary<string, JsonElement> Organizations =>
        Services.GetProperty("organizations").EnumerateArray().ToDictionary(o => o.GetProperty("key").GetString()!);

    private static bool IsPublished(JsonElement s) =>
        !s.TryGetProperty("status", out var st) || st.ValueKind != JsonValueKind.String || !string.Equals(st.GetString(), "draft", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<JsonElement> Published => All.Where(IsPublished);

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The registrable domain of a web address: its host without "www.", cut to two labels, or three under a
    /// two-letter country code with a generic second level (co.uk, org.au, com.br ...).</summary>
    public static string? RegistrableDomain(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        var labels = uri.Host.ToLowerInvariant().Split('.');
        var secondLevel = new[] { "co", "com", "org", "net", "gov", "ac", "or", "go", "ne", "edu" };
        var take = labels.Length >= 3 && labels[^1].Length == 2 && secondLevel.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels.TakeLast(Math.Min(take, labels.Length)));
    }

    [Theory]
    [InlineData("https://www.samaritans.org/how-we-can-help/", "samaritans.org")]
    [InlineData("https://online.telefonseelsorge.de/haeufige-fragen", "telefonseelsorge.de")]
    [InlineData("https://www.selfinjurysupport.org.uk/category/news/", "selfinjurysupport.org.uk")]
    [InlineData("https://learning.nspcc.org.uk/services/childline", "nspcc.org.uk")]
    [InlineData("not a url", null)]
    public void RegistrableDomain_CutsTheHostToWhatAnOrganisationOwns(string url, string? expected) => Assert.Equal(expected, RegistrableDomain(url));

    /// <summary>Every published listing, with no exceptions: a listing whose own site we hold no page from is a draft.</summary>
    [Fact]
    public void EveryPublishedListing_HasAUrl_AndItsFirstSourceIsOnTheOrganisationsOwnSite()
    {
        var orgs = Organizations;
        var failures = new List<string>();
        foreach (var s in Published)
        {
            var slug = s.GetProperty("slug").GetString()!;
            var url = Str(s, "url");
            var own = new[] { url, Str(orgs[s.GetProperty("organization").GetString()!], "url") }.Select(RegistrableDomain).OfType<string>().ToHashSet();
            var first = (Str(s, "source") ?? "").Split(" ; ")[0];
            var firstUrl = Regex.Match(first, @"https?://\S+").Value;
            var ok = !string.IsNullOrWhiteSpace(url) && RegistrableDomain(firstUrl) is { } d && own.Contains(d);
            if (string.IsNullOrWhiteSpace(url)) failures.Add($"{slug}: published without a url");
            else if (!ok) failures.Add($"{slug}: first source '{firstUrl}' is not on {string.Join(" or ", own)}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void EveryPublishedInPersonListing_HasAnAddress_OrSaysItHasSeveralLocations()
    {
        foreach (var s in Published)
        {
            if (!s.GetProperty("contactMethods").EnumerateArray().Any(m => m.GetString() == "in-person")) continue;
            var located = s.GetProperty("locations").GetArrayLength() > 0
                || s.GetProperty("description").GetString()!.Contains("several locations", StringComparison.OrdinalIgnoreCase);
            Assert.True(located, $"{s.GetProperty("slug")} is in person but has no location and does not say it has several");
        }
    }

    private static IEnumerable<string> NumbersIn(string? text) =>
        text is null ? [] : Regex.Matches(text, @"\+?\d[\d\s\-()]{1,18}\d").Select(m => Digits(m.Value)).Where(d => d.Length >= 3);

    private static string Digits(string? s) => new((s ?? "").Where(char.IsAsciiDigit).ToArray());

    [Fact]
    public void NoPublishedListingsNumber_ContradictsTheCrisisLinesFile_ForTheSameLine()
    {
        var orgs = Organizations;
        var failures = new List<string>();
        var compared = 0;
        foreach (var s in Published)
        {
            var countries = s.GetProperty("serviceArea").GetProperty("codes").EnumerateArray().Select(c => c.GetString()![..2].ToUpperInvariant()).Distinct().ToList();
            if (countries.Count != 1) continue;
            var org = orgs[s.GetProperty("organization").GetString()!];
            var own = new[] { Str(s, "url"), Str(org, "url") }.Select(RegistrableDomain).OfType<string>().ToHashSet();
            var names = new[] { Str(s, "name"), Str(org, "name") }.OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var country = CrisisLines.GetProperty("countries").EnumerateArray().FirstOrDefault(c => c.GetProperty("code").GetString() == countries[0]);
            if (country.ValueKind != JsonValueKind.Object) continue;
            var lines = country.GetProperty("lines").EnumerateArray()
                .Where(l => (RegistrableDomain(Str(l, "website")) is { } d && own.Contains(d)) || names.Contains(Str(l, "name") ?? "") || names.Contains(Str(l, "organization") ?? ""))
                .ToList();
            if (lines.Count == 0) continue;
            var known = new HashSet<string>();
            foreach (var l in lines)
            {
                foreach (var n in new[] { Str(l, "phone"), Str(l, "phoneE164") }) if (n is not null) known.Add(Digits(n));
                if (l.TryGetProperty("sms", out var sms) && sms.ValueKind == JsonValueKind.Object)
                    foreach (var n in new[] { Str(sms, "number"), Str(sms, "numberE164") }) if (n is not null) known.Add(Digits(n));
                known.UnionWith(NumbersIn(Str(l, "notes")));
                if (l.TryGetProperty("formerNumbers", out var former) && former.ValueKind == JsonValueKind.Array)
                    foreach (var f in former.EnumerateArray()) known.UnionWith(NumbersIn(Str(f, "number")));
            }
            foreach (var p in s.GetProperty("phones").EnumerateArray())
            {
                compared++;
                var number = Str(p, "number")!;
                var mine = new[] { Digits(number), Digits(Str(p, "e164")) }.Where(d => d.Length > 0);
                if (mine.Any(known.Contains)) continue;
                if ((Str(s, "source") ?? "").Contains(number, StringComparison.Ordinal)) continue; // the difference is explained in the source
                failures.Add($"{s.GetProperty("slug")}: {number} is not what content/data/crisis-lines.json has for {string.Join(", ", lines.Select(l => Str(l, "name")))}");
            }
        }
        Assert.True(compared > 20, $"only {compared} numbers were compared; the matching of listings to lines has broken");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
