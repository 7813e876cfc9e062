using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using HelpDirectory.Web.Regions;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Listings;

/// <summary>Service-area matching, run as the SQL the pages run, against SQLite.</summary>
public sealed class ServiceReachTests
{
    private static readonly RegionInfo Norway = new("NO", "NO", null, "Norway", "no", "Europe/Oslo");
    private static readonly RegionInfo Oslo = new("NO-03", "NO", "NO", "Oslo", "oslo", "Europe/Oslo");
    private static readonly RegionInfo Vestland = new("NO-46", "NO", "NO", "Vestland", "vestland", "Europe/Oslo");

    private static ServiceArea Area(string code) => code switch
    {
        "*" => new ServiceArea { Scope = AreaScope.Worldwide },
        { Length: 2 } => new ServiceArea { Scope = AreaScope.Country, CountryCode = code },
        _ => new ServiceArea { Scope = AreaScope.Subdivision, CountryCode = code[..2], SubdivisionCode = code },
    };

    [Theory]
    [InlineData("NO-03", "oslo", Reach.Local)]
    [InlineData("NO-03", "vestland", null)]          // another region's local service never reaches here
    [InlineData("NO-03", "", Reach.Local)]           // on the country page, every local service in the country
    [InlineData("NO", "oslo", Reach.National)]
    [InlineData("NO", "", Reach.National)]
    [InlineData("SE", "oslo", null)]
    [InlineData("SE,NO", "oslo", Reach.National)]
    [InlineData("*", "oslo", Reach.International)]
    [InlineData("*,NO-03", "oslo", Reach.Local)]     // the most specific match wins
    [InlineData("GB-SCT", "", null)]
    public async Task ReachingPlace_AndTheSearchIndexsRule_MatchServiceAreasToThePlace(string areas, string subdivision, Reach? expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.Services.Add(new Service
            {
                Slug = "s", Name = "S", Status = ListingStatus.Published,
                Organization = new Organization { Key = "o", Name = "O" },
                Areas = areas.Split(',').Select(Area).ToList(),
            });
            await db.SaveChangesAsync();
        }
        var sub = subdivision switch { "oslo" => Oslo, "vestland" => Vestland, _ => null };

        await using var read = database.NewContext();
        var place = new Place(Norway, sub);
        var cards = await read.Services.Published().ReachingPlace(read.ServiceAreas, place).ToCards(place).ToListAsync();

        Assert.Equal(expected, cards.SingleOrDefault()?.Reach);
        // The same rule in memory, as the search index orders its results by it.
        Assert.Equal(expected ?? Reach.Elsewhere, ServiceReach.Of(areas.Split(',').Select(Area).ToList(), "NO", sub?.Code));
    }
}
