using System.Globalization;
using System.Text.RegularExpressions;
using HelpDirectory.Web.Localization;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Localization;

/// <summary>Every key has a text in every language, and every key the code asks for exists.</summary>
public sealed partial class TranslationTests
{
    /// <summary>Every language but the default, as the site's configuration lists them: a third language is checked as
    /// soon as it is configured.</summary>
    private static readonly string[] Languages = ConfiguredLanguages().Skip(1).ToArray();

    internal static IEnumerable<string> ConfiguredLanguages()
    {
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "HelpDirectory.Web", "appsettings.json")));
        foreach (var language in settings.RootElement.GetProperty("Languages").EnumerateArray())
            yield return language.GetProperty("Tag").GetString()!;
    }

    [Fact]
    public void TheSiteIsConfigured_InEnglishThenNorwegian() => Assert.Equal(["en", "nb"], ConfiguredLanguages());

    public static TheoryData<string> Files() => ["SiteText", "PageText", "ArticleText"];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryKey_HasEveryLanguage_AndNoneIsEmpty(string file)
    {
        var english = ReadResx(file, null);
        Assert.NotEmpty(english);
        foreach (var language in Languages)
        {
            var other = ReadResx(file, language);
            Assert.Empty(english.Keys.Except(other.Keys).Select(k => $"{file}.{language}.resx lacks {k}"));
            Assert.Empty(other.Keys.Except(english.Keys).Select(k => $"{file}.{language}.resx has {k}, which English lacks"));
            Assert.Empty(other.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{file}.{language}.resx: {e.Key} is empty"));
        }
        Assert.Empty(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{file}.resx: {e.Key} is empty"));
    }

    [Fact]
    public void EveryKeyTheCodeAsksFor_Exists()
    {
        var keys = new[] { "SiteText", "PageText", "ArticleText" }.SelectMany(f => ReadResx(f, null).Keys).ToHashSet();
        var source = Path.Combine(RepoPaths.Root, "src", "HelpDirectory.Web");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            foreach (Match m in KeyUse().Matches(File.ReadAllText(file)))
            {
                var key = m.Groups["key"].Value;
                if (!keys.Contains(key)) missing.Add($"{Path.GetRelativePath(source, file)}: {key}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Text_ReadsTheRequestsCulture_AndFallsBackToEnglish()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nb-NO");
            Assert.Equal("Hopp til innholdet", Text.Get("Layout.SkipLink"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("Skip to content", Text.Get("Layout.SkipLink"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("Skip to content", Text.Get("Layout.SkipLink"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    internal static Dictionary<string, string> ReadResx(string file, string? language)
    {
        var path = Path.Combine(RepoPaths.Root, "src", "HelpDirectory.Web", "Localization", language is null ? $"{file}.resx" : $"{file}.{language}.resx");
        return System.Xml.Linq.XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    // T["Key"], P["Key"], A["Key"], Text.Get("Key"), Text.Format("Key", ...), Text.GetIn("Key", ...): literal keys only.
    [GeneratedRegex("""(?:\b[TPA]\[|Text\.(?:Get|Format|GetIn)\()"(?<key>[A-Za-z][A-Za-z0-9_.-]*)"[,\])]""")]
    private static partial Regex KeyUse();
}
