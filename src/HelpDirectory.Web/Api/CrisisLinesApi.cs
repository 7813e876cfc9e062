using System.Text.Json.Nodes;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Api;

/// <summary>
/// Crisis lines for other sites, from the same snapshot as the crisis banner (<see cref="RegionCatalog"/>): the lines of a
/// country or one of its regions, with the emergency numbers, and where each line was checked.
/// </summary>
public static class CrisisLinesApi
{
    public static IEndpointRouteBuilder MapCrisisLinesApi(this IEndpointRouteBuilder api)
    {
        // The route values are named country and region, so the region middleware resolves the place from the address,
        // as it does for /help pages, and the page cache keeps one entry per place.
        api.MapGet("/crisis-lines/{country}/{region?}", Lines)
            .WithTags("Crisis lines")
            .WithSummary("The crisis lines and emergency numbers of a country, or of a region of it (the region's own lines when it has them).")
            .Produces(200, contentType: "application/json").ProducesProblem(404);
        return api;
    }

    private static IResult Lines(HttpContext http, string country, string? region)
    {
        if (ApiQuery.Read(http.Request.Query).Error is { } unknown) return ApiProblem.BadRequest(unknown);
        var regions = http.GetRegions();
        var countryInfo = regions.FindCountryBySlug(country) ?? (regions.Find(country) is { IsCountry: true } c ? c : null);
        RegionInfo? subdivision = null;
        if (countryInfo is not null && region is not null)
        {
            subdivision = regions.FindSubdivision(countryInfo, region)
                          ?? (regions.Find(region) is { IsCountry: false } r && string.Equals(r.CountryCode, countryInfo.CountryCode, StringComparison.OrdinalIgnoreCase) ? r : null);
        }
        if (countryInfo is null || (region is not null && subdivision is null))
        {
            return ApiProblem.NotFound("The directory does not serve this place. Use a country's ISO 3166-1 alpha-2 code (or its name in our addresses), and optionally a region's ISO 3166-2 code.");
        }
        var place = new Place(countryInfo, subdivision);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        return new ApiJson(new JsonObject
        {
            ["place"] = new JsonObject
            {
                ["code"] = place.Most.Code,
                ["name"] = place.Name,
                ["more_help_url"] = origin + place.Path,
            },
            ["emergency_numbers"] = new JsonArray(regions.EmergencyNumbersFor(place.Most).Select(e => (JsonNode)new JsonObject
            {
                ["number"] = e.Number,
                ["use"] = e.Use,
                ["source"] = e.Source,
            }).ToArray()),
            ["crisis_lines"] = new JsonArray(regions.CrisisLinesFor(place.Most).Select(l => (JsonNode)Line(l)).ToArray()),
            ["international"] = new JsonArray(regions.International.Select(l => (JsonNode)Line(l)).ToArray()),
        });
    }

    private static JsonObject Line(CrisisLineInfo l) => Editing.Transfer.HsdsMapping.WithoutNulls(new JsonObject
    {
        ["name"] = l.Name,
        ["organization"] = l.Organization,
        ["phone"] = l.Phone is null ? null : new JsonObject { ["dialled"] = l.Phone, ["e164"] = l.PhoneE164 },
        ["text"] = l.SmsNumber is null ? null : new JsonObject { ["dialled"] = l.SmsNumber, ["e164"] = l.SmsE164, ["keyword"] = l.SmsKeyword },
        ["chat_url"] = l.ChatUrl,
        ["website"] = l.Website,
        ["hours"] = l.Is24x7 ? "Open 24 hours, 7 days a week" : l.Hours,
        ["open_24_7"] = l.Is24x7,
        ["cost"] = new JsonObject { ["free"] = l.Free, ["note"] = l.CostNote },
        ["languages"] = new JsonArray(l.Languages.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => (JsonNode)x).ToArray()),
        ["source"] = l.Source,
        // How the line was last checked: a website read is not a verification, and says so.
        ["checked"] = new JsonObject
        {
            ["on"] = l.LastVerified?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["method"] = l.CheckMethod.Slug(),
            ["in_words"] = l.HowChecked,
        },
    });
}
