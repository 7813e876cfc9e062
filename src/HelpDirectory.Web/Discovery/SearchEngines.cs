using System.Globalization;
using System.Text;
using System.Xml;
using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Localization;
using HelpDirectory.Web.Regions;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Discovery;

/// <summary>
/// What search engines read: robots.txt (the admin area, the API, the widget and search results stay out) and a sitemap
/// of every public page worth finding, each dated by the records it shows, in every language the site speaks, each
/// address naming its versions in the other languages (hreflang alternates, as the pages' own &lt;link&gt;s do).
/// </summary>
public static class SearchEngines
{
    public static IEndpointRouteBuilder MapSearchEngines(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        app.MapGet("/sitemap.xml", SitemapAsync).ExcludeFromDescription();
        return app;
    }

    private const string Xhtml = "http://www.w3.org/1999/xhtml";

    private static IResult Robots(HttpContext http, SiteLanguages languages) => Results.Text(
        $"""
        User-agent: *
        Disallow: /admin
        Disallow: /api/
        Disallow: /widget/
        Disallow: /search
        {string.Concat(languages.All.Skip(1).Select(l => $"Disallow: {l.PathBase}/widget/\nDisallow: {l.PathBase}/search\n"))}
        Sitemap: {Origin(http)}/sitemap.xml

        """, "text/plain; charset=utf-8");

    private static async Task<IResult> SitemapAsync(HttpContext http, HelpDbContext db, ArticleStore articles, SiteLanguages languages, CancellationToken ct)
    {
        var origin = Origin(http);
        var regions = http.GetRegions();
        var services = await db.Services.AsNoTracking().Published()
            .Select(s => new { s.Id, s.Slug, s.Kind, s.UpdatedAt })
            .ToListAsync(ct);
        var byId = services.ToDictionary(s => s.Id);
        var areas = await db.ServiceAreas.AsNoTracking()
            .Join(db.Services.Published(), a => a.ServiceId, s => s.Id, (a, s) => a)
            .ToListAsync(ct);

        var urls = new List<(string Path, DateTime? LastModified)>
        {
            ("/", services.Count == 0 ? null : services.Max(s => s.UpdatedAt)),
            ("/articles", articles.All.Count == 0 ? null : articles.All.Max(a => a.Reviewed).ToDateTime(TimeOnly.MinValue)),
            ("/about", null),
            ("/privacy", null),
            ("/api", null),
        };
        foreach (var country in regions.Countries)
        {
            foreach (var place in regions.SubdivisionsOf(country.CountryCode).Select(s => new Place(country, s)).Prepend(new Place(country, null)))
            {
                var reaches = ServiceReach.AreaReaches(place).Compile();
                var reaching = areas.Where(reaches).Select(a => byId[a.ServiceId]).DistinctBy(s => s.Id).ToList();
                urls.Add((place.Path, reaching.Count == 0 ? null : reaching.Max(s => s.UpdatedAt)));
                foreach (var kind in reaching.GroupBy(s => s.Kind).OrderBy(g => g.Key))
                {
                    urls.Add((place.KindPath(HelpKinds.Get(kind.Key).Slug), kind.Max(s => s.UpdatedAt)));
                }
            }
        }
        urls.AddRange(services.OrderBy(s => s.Slug, StringComparer.Ordinal).Select(s => ($"/services/{s.Slug}", (DateTime?)s.UpdatedAt)));
        // An article is listed in a language only once it is translated: until then its address there shows the original.
        var articlePages = articles.All.OrderBy(a => a.Slug, StringComparer.Ordinal).Select(a => a.Slug).ToList();

        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            xml.WriteAttributeString("xmlns", "xhtml", null, Xhtml);
            // The API is in one language; every other page is in each.
            foreach (var (path, modified) in urls)
                WriteUrl(xml, origin, path, modified, path == "/api" ? [languages.Default] : languages.All);
            foreach (var slug in articlePages)
            {
                var translated = languages.All.Where(l => articles.Find(slug, l.Tag)?.Language == l.Tag).ToList();
                foreach (var language in translated)
                {
                    var article = articles.Find(slug, language.Tag)!;
                    WriteUrl(xml, origin, $"/articles/{slug}", article.Reviewed.ToDateTime(TimeOnly.MinValue), translated, language);
                }
            }
            xml.WriteEndElement();
        }
        return Results.Text(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml; charset=utf-8");
    }

    /// <summary>The page's address in each of its languages (or in one, when <paramref name="only"/> is given), each with
    /// the alternates: every version and x-default, the default language's.</summary>
    private static void WriteUrl(XmlWriter xml, string origin, string path, DateTime? modified, IReadOnlyList<SiteLanguage> versions, SiteLanguage? only = null)
    {
        foreach (var language in versions)
        {
            if (only is not null && language != only) continue;
            xml.WriteStartElement("url");
            xml.WriteElementString("loc", origin + language.PathBase + path);
            if (modified is { } m) xml.WriteElementString("lastmod", m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (versions.Count > 1)
            {
                foreach (var alternate in versions) Alternate(xml, alternate.Tag, origin + alternate.PathBase + path);
                Alternate(xml, "x-default", origin + versions[0].PathBase + path);
            }
            xml.WriteEndElement();
        }
    }

    private static void Alternate(XmlWriter xml, string hreflang, string href)
    {
        xml.WriteStartElement("xhtml", "link", Xhtml);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("hreflang", hreflang);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
