using System.Globalization;
using Microsoft.Extensions.Options;

namespace HelpDirectory.Web.Localization;

/// <summary>One language the public site speaks. The first in <see cref="SiteLanguageOptions.Languages"/> is the default
/// and lives at today's addresses; every other lives under /{Tag}/.</summary>
public sealed class SiteLanguage
{
    /// <summary>The BCP 47 tag in addresses and in &lt;html lang&gt;: "en", "nb".</summary>
    public string Tag { get; set; } = "";

    /// <summary>The culture that formats dates and numbers and picks the resource file: "en-GB", "nb-NO".</summary>
    public string Culture { get; set; } = "";

    /// <summary>Other primary language subtags in Accept-Language that this language serves ("nn no" for bokmål).</summary>
    public string AlsoFor { get; set; } = "";

    /// <summary>Where "Exit this page" goes for a reader of this language; the site's default when empty.</summary>
    public string? QuickExitUrl { get; set; }

    public CultureInfo CultureInfo => field ??= CultureInfo.GetCultureInfo(Culture.Length > 0 ? Culture : Tag);

    /// <summary>"" for the default language, "/nb" for another.</summary>
    public string PathBase { get; internal set; } = "";

    public bool Serves(string primarySubtag) =>
        string.Equals(primarySubtag, Tag, StringComparison.OrdinalIgnoreCase) ||
        AlsoFor.Split(' ', ',', StringSplitOptions.RemoveEmptyEntries).Contains(primarySubtag, StringComparer.OrdinalIgnoreCase);
}

public sealed class SiteLanguageOptions
{
    /// <summary>The languages, default first. Adding one is a line here (appsettings.json "Languages"), a resource file
    /// (Localization/SiteText.{tag}.resx) and a folder of articles (content/articles/{tag}/).</summary>
    public List<SiteLanguage> Languages { get; set; } = [];
}

/// <summary>The configured languages, checked once at start.</summary>
public sealed class SiteLanguages
{
    public SiteLanguages(IOptions<SiteLanguageOptions> options)
    {
        var configured = options.Value.Languages.Where(l => !string.IsNullOrWhiteSpace(l.Tag)).ToList();
        if (configured.Count == 0) configured.Add(new SiteLanguage { Tag = "en", Culture = "en-GB" });
        for (var i = 0; i < configured.Count; i++)
        {
            var language = configured[i];
            language.Tag = language.Tag.Trim().ToLowerInvariant();
            if (language.Tag.Length is < 2 or > 8 || !language.Tag.All(char.IsAsciiLetterLower))
                throw new InvalidOperationException($"Languages: '{language.Tag}' is not a language tag such as 'nb'.");
            language.PathBase = i == 0 ? "" : "/" + language.Tag;
            _ = language.CultureInfo; // an unknown culture stops the site at start, not at a visitor's request
        }
        All = configured;
    }

    public IReadOnlyList<SiteLanguage> All { get; }

    public SiteLanguage Default => All[0];

    public SiteLanguage? Find(string? tag) =>
        All.FirstOrDefault(l => string.Equals(l.Tag, tag, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language the browser prefers among ours, by q-value then order; null when it names none of ours.</summary>
    public SiteLanguage? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 1000) return null;
        var best = (Language: (SiteLanguage?)null, Q: 0.0);
        foreach (var raw in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20))
        {
            var pieces = raw.Split(';', StringSplitOptions.TrimEntries);
            var primary = pieces[0].Split('-')[0];
            var q = 1.0;
            foreach (var p in pieces.Skip(1))
            {
                if (p.StartsWith("q=", StringComparison.OrdinalIgnoreCase) &&
                    double.TryParse(p[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                    q = parsed;
            }
            if (!double.IsFinite(q) || q > 1 || q <= best.Q) continue;
            if (All.FirstOrDefault(l => l.Serves(primary)) is { } language) best = (language, q);
        }
        return best.Language;
    }
}
