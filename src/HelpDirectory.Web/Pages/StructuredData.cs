using System.Globalization;
using System.Text.Json.Nodes;
using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;

namespace HelpDirectory.Web.Pages;

/// <summary>
/// schema.org JSON-LD for search engines: a listing as an Organization with a ContactPoint per phone (hours, languages,
/// area served), an article as an Article dated by its last review. Serialized with the default encoder, which escapes
/// &lt; &gt; and &amp;, so the text is safe inside a script element.
/// </summary>
public static class StructuredData
{
    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static string ForService(ServiceDetailView view, string pageUrl)
    {
        var s = view.Service;
        var areaServed = new JsonArray(view.AreaNames.Select(n => (JsonNode)n).ToArray());
        var contactPoints = new JsonArray();
        foreach (var phone in s.Phones.OrderBy(p => p.SortOrder))
        {
            contactPoints.Add(new JsonObject
            {
                ["@type"] = "ContactPoint",
                ["telephone"] = phone.E164 ?? phone.Number,
                ["contactType"] = phone.Description is null ? (phone.Type == PhoneType.Text ? "text message" : "phone") : s.Texts.Local(TextFields.Phone(phone.SortOrder), phone.Description).Text,
                ["hoursAvailable"] = Hours(s),
                ["availableLanguage"] = new JsonArray(s.Languages.OrderBy(l => l.Code, StringComparer.Ordinal).Select(l => (JsonNode)l.Code).ToArray()),
                ["areaServed"] = areaServed.DeepClone(),
            });
        }
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Organization",
            ["name"] = s.Name,
            ["description"] = s.Texts.Local(TextFields.Description, s.Description).Text,
            ["url"] = s.Url ?? pageUrl,
            ["mainEntityOfPage"] = pageUrl,
            ["areaServed"] = areaServed,
            ["contactPoint"] = contactPoints,
        };
        if (s.Email is not null) data["email"] = s.Email;
        if (s.Organization is { } org && org.Name != s.Name)
        {
            data["parentOrganization"] = new JsonObject { ["@type"] = "Organization", ["name"] = org.Name };
            if (org.Url is not null) data["parentOrganization"]!["url"] = org.Url;
        }
        return data.ToJsonString();
    }

    public static string ForArticle(Article article, string pageUrl)
    {
        var reviewed = article.Reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            // The description is the page's meta description already; the reviewed date is what search engines need.
            ["headline"] = article.Title,
            ["inLanguage"] = article.Language,
            ["dateModified"] = reviewed,
            ["mainEntityOfPage"] = pageUrl,
        }.ToJsonString();
    }

    private static JsonArray Hours(Service s)
    {
        if (s.Is24x7)
        {
            return new JsonArray(new JsonObject
            {
                ["@type"] = "OpeningHoursSpecification",
                ["dayOfWeek"] = new JsonArray(DayNames.Select(d => (JsonNode)d).ToArray()),
                ["opens"] = "00:00",
                ["closes"] = "23:59",
            });
        }
        return new JsonArray(s.Hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens).Select(h => (JsonNode)new JsonObject
        {
            ["@type"] = "OpeningHoursSpecification",
            ["dayOfWeek"] = DayNames[(int)h.Day],
            ["opens"] = h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["closes"] = h.ClosesAtMidnight ? "23:59" : h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
        }).ToArray());
    }
}
