using System.Text.Json.Nodes;
using HelpDirectory.Web.Editing.Seeding;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpDirectory.Web.Tests.Editing;

/// <summary>A listing's confidence in services.json: its own when given, otherwise what its check method says.</summary>
public sealed class SeedConfidenceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdirectory-tests", "seed-confidence-" + Guid.NewGuid().ToString("N"));

    public SeedConfidenceTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The fixture's listings, with the check method and confidence given for each slug (null: left out).</summary>
    private string ServicesFile(params (string Slug, string? CheckMethod, string? Confidence)[] listings)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "services.json")))!.AsObject();
        foreach (var service in file["services"]!.AsArray().Select(s => s!.AsObject()))
        {
            var slug = service["slug"]!.GetValue<string>();
            foreach (var (_, method, confidence) in listings.Where(l => l.Slug == slug))
            {
                if (method is not null) service["checkMethod"] = method;
                if (confidence is not null) service["confidence"] = confidence;
            }
        }
        var path = Path.Combine(_folder, "services.json");
        File.WriteAllText(path, file.ToJsonString());
        return path;
    }

    private static async Task Load(TestDatabase database, string servicesFile)
    {
        await using var db = database.NewContext();
        await new SeedLoader(db, NullLogger<SeedLoader>.Instance, TimeProvider.System).LoadAsync(Path.Combine(RepoPaths.Content, "data"), servicesFile);
    }

    [Fact]
    public async Task WithoutAConfidence_AConfirmedOrReportedListingIsHigh_AndOneReadOnAWebsiteMedium()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = ServicesFile(
            ("example-oslo-therapy", "confirmed", null),
            ("example-vestland-therapy", "reported", null),
            ("example-norway-helpline", "website", null),
            ("example-nordic-forum", "confirmed", "low"),
            ("example-gb-evening-chat", null, "High"));

        await Load(database, file);

        await using var db = database.NewContext();
        var confidence = await db.Services.ToDictionaryAsync(s => s.Slug, s => s.Confidence);
        Assert.Equal("high", confidence["example-oslo-therapy"]);
        Assert.Equal("high", confidence["example-vestland-therapy"]);
        Assert.Equal("medium", confidence["example-norway-helpline"]);
        Assert.Equal("low", confidence["example-nordic-forum"]);
        Assert.Equal("high", confidence["example-gb-evening-chat"]);
        Assert.Equal("medium", confidence["example-oslo-night-group"]); // no check method, no confidence: a website read
    }

    [Fact]
    public async Task AConfidenceThatIsNotOne_StopsTheLoad_NamingTheListing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = ServicesFile(("example-oslo-therapy", null, "certain"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Load(database, file));

        Assert.Equal("services.json: service 'example-oslo-therapy' has confidence 'certain'. Choose high, medium or low.", error.Message);
    }
}
