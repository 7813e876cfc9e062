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
    public void EveryLanguage_InTheSeed_HasAnEnglishName()
    {
        var codes = All.SelectMany(s => s.TryGetProperty("languages", out var l) ? l.EnumerateArray().Select(c => c.GetString()!) : []).Distinct().ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.NotEqual(code, Languages.Name(code)));
    }

    [Theory]
    [InlineData("nb", "Norwegian Bokmål")]
    [InlineData("NB", "Norwegian Bokmål")]
    [InlineData("pt-BR", "Portuguese (BR)")]
    [InlineData("se", "Northern Sami")]
    [InlineData("xx", "xx")]
    [InlineData("xx-YY", "xx-YY")]
    public void LanguageNames_DoNotDependOnThePlatform(string code, string name) => Assert.Equal(name, Languages.Name(code));

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
}
