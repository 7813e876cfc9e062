using System.Globalization;
using System.Text;
using System.Xml;
using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Discovery;

/// <summary>
/// What search engines read: robots.txt (the admin area, the API, the widget and search results stay out) and a sitemap
/// of every public page worth finding, each dated by the records it shows.
/// </summary>
public static class SearchEngines
{
    public static IEndpointRouteBuilder MapSearchEngines(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        app.MapGet("/sitemap.xml", SitemapAsync).ExcludeFromDescription();
        return app;
    }

    private static IResult Robots(HttpContext http) => Results.Text(
        $"""
        User-agent: *
        Disallow: /admin
        Disallow: /api/
        Disallow: /widget/
        Disallow: /search

        Sitemap: {Origin(http)}/sitemap.xml

        """, "text/plain; charset=utf-8");

    private static async Task<IResult> SitemapAsync(HttpContext http, HelpDbContext db, ArticleStore articles, CancellationToken ct)
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
        urls.AddRange(articles.All.OrderBy(a => a.Slug, StringComparer.Ordinal).Select(a => ($"/articles/{a.Slug}", (DateTime?)a.Reviewed.ToDateTime(TimeOnly.MinValue))));

        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (path, modified) in urls)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", origin + path);
                if (modified is { } m) xml.WriteElementString("lastmod", m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return Results.Text(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml; charset=utf-8");
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
