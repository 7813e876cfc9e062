using System.Globalization;
using System.Net;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Hosting;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Hosting;

/// <summary>
/// Two nodes of one site on one PostgreSQL database, as behind a load balancer: one browser (one cookie jar) may reach
/// either. Always on PostgreSQL (several nodes need it), in both test runs.
/// </summary>
public sealed class TwoNodeTests : IAsyncDisposable
{
    private readonly FixtureSiteFactory _a = new PostgreSqlFixtureSiteFactory();
    private readonly FixtureSiteFactory _b;

    public TwoNodeTests()
    {
        _ = _a.Server; // A creates the database, migrates and seeds it
        _b = new FixtureSiteFactory { PostgreSqlDatabase = _a.PostgreSqlDatabase };
        _ = _b.Server;
    }

    [Fact]
    public async Task Listener_HoldsTheNodesStart_UntilItListens_ThenEmptiesTheCaches()
    {
        var visitorOnB = _b.Browser(acceptLanguage: "en-NO");
        Assert.Equal("Mental Helse Hjelpetelefonen", (await visitorOnB.GetPage("/")).Text("#crisis .line-name")); // now in B's cache
        // A save the node cannot hear about yet: written straight to the database, with no NOTIFY.
        await _a.WithDb(async db =>
        {
            var line = await db.CrisisLines.FirstAsync(l => l.RegionCode == "NO" && l.SortOrder == 0);
            line.Name = "Changed before the listener listened";
            await db.SaveChangesAsync();
        });

        // A listener starting while the database turns new sessions away, as a node starting while PostgreSQL is busy.
        var listener = ActivatorUtilities.CreateInstance<PostgreSqlListener>(_b.Services);
        TestPostgres.AllowConnections(_a.PostgreSqlDatabase!, allow: false);
        Task start;
        try
        {
            start = listener.StartAsync(CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            // The host would go on to serve visitors once StartAsync returns: it must not return before the LISTEN.
            Assert.False(start.IsCompleted, "the listener let the node start before it listened");
        }
        finally
        {
            TestPostgres.AllowConnections(_a.PostgreSqlDatabase!, allow: true);
        }
        try
        {
            await start.WaitAsync(TimeSpan.FromSeconds(5)); // it retries each second

            var listening = 0;
            await _a.WithDb(async db => listening = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'").SingleAsync());
            Assert.Equal(3, listening); // A's, B's and this one
            // Listening, it emptied B's caches: the page cached before shows the change it could not have heard of.
            Assert.Equal("Changed before the listener listened", (await visitorOnB.GetPage("/")).Text("#crisis .line-name"));
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SignIn_OnA_IsSignedIn_OnB()
    {
        var jar = new CookieContainer();
        await SignIn(_a, jar, "editor@example.org");

        var queue = await Client(_b, jar).GetPage("/admin");

        queue.ShouldBe(200);
        // The key that signed the cookie is in the database, not in a folder both test hosts happen to share.
        await _b.WithDb(async db => Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync()));
    }

    [Fact]
    public async Task FormLoaded_OnA_PostsOn_B()
    {
        var jar = new CookieContainer();
        await SignIn(_a, jar, "editor@example.org");
        var path = await CrisisLineEditPath(_a);
        var form = await Client(_a, jar).GetPage(path);

        var saved = await Client(_b, jar).Submit(form, "#record-form", new Dictionary<string, string> { ["Form.Name"] = "Saved through B" });

        Assert.True(saved.Status == 302, $"the form from A was refused on B: {saved.Status}\n{saved.Body}");
        Assert.Equal("Saved through B", (await Client(_a, jar).GetPage(path)).Required("input[name='Form.Name']").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_OnB_ShowsOnA_InsteadOfItsCachedPage()
    {
        const string page = "/services/example-oslo-therapy";
        var visitorOnA = _a.Browser(acceptLanguage: "en-NO");
        Assert.Equal("Example Oslo Therapy", (await visitorOnA.GetPage(page)).Text("main h1"));
        Assert.Equal("Example Oslo Therapy", (await visitorOnA.GetPage(page)).Text("main h1")); // now from A's cache

        var jar = new CookieContainer();
        await SignIn(_b, jar, "editor@example.org");
        var id = 0;
        await _b.WithDb(async db => id = (await db.Services.SingleAsync(s => s.Slug == "example-oslo-therapy")).Id);
        var editor = Client(_b, jar);
        var saved = await editor.Submit(await editor.GetPage($"/admin/services/{id.ToString(CultureInfo.InvariantCulture)}/edit"), "#service-form",
            new Dictionary<string, string> { ["Form.Name"] = "Example Oslo Therapy, renamed on B" });
        Assert.Equal(302, saved.Status);

        await Within(Propagation, async () => (await visitorOnA.GetPage(page)).Text("main h1") == "Example Oslo Therapy, renamed on B",
            "A still shows the old name after the save on B");
    }

    [Fact]
    public async Task Save_OnB_IsFoundBySearch_OnA()
    {
        var searchOnA = _a.Browser(acceptLanguage: "en-NO");
        // A cookie that is not the region's: the page cache never answers it, so every search below really runs.
        searchOnA.DefaultRequestHeaders.Add("Cookie", "test=uncached");
        Assert.Contains("/services/example-oslo-therapy", (await searchOnA.GetPage("/search?q=therapy")).Body); // A's index is built

        var jar = new CookieContainer();
        await SignIn(_b, jar, "searcher@example.org");
        var id = 0;
        await _b.WithDb(async db => id = (await db.Services.SingleAsync(s => s.Slug == "example-oslo-therapy")).Id);
        var editor = Client(_b, jar);
        var form = await editor.GetPage($"/admin/services/{id.ToString(CultureInfo.InvariantCulture)}/edit");
        var description = form.Document.QuerySelector("[name='Form.Description']")!.TextContent;
        var saved = await editor.Submit(form, "#service-form", new Dictionary<string, string> { ["Form.Description"] = description + " Lanternkeepers welcome." });
        Assert.Equal(302, saved.Status);

        await Within(Propagation, async () => (await searchOnA.GetPage("/search?q=lanternkeepers")).Body.Contains("/services/example-oslo-therapy\"", StringComparison.Ordinal),
            "A's search does not find the word after the save on B");
    }

    [Fact]
    public async Task TwoEditors_OnDifferentNodes_GetTheConflictPage()
    {
        var first = new CookieContainer();
        var second = new CookieContainer();
        await SignIn(_a, first, "first@example.org");
        await SignIn(_b, second, "second@example.org");
        var path = await CrisisLineEditPath(_a);
        var onA = await Client(_a, first).GetPage(path);
        var onB = await Client(_b, second).GetPage(path);

        Assert.Equal(302, (await Client(_a, first).Submit(onA, "#record-form", new Dictionary<string, string> { ["Form.Name"] = "First, on A" })).Status);
        var conflict = await Client(_b, second).Submit(onB, "#record-form", new Dictionary<string, string> { ["Form.Name"] = "Second, on B" });

        conflict.ShouldBe(409);
        Assert.Equal("first@example.org", conflict.Text(".conflict .saved-by"));
    }

    [Fact]
    public async Task CrisisLineChange_OnA_ChangesTheBanner_OnB()
    {
        var visitorOnB = _b.Browser(acceptLanguage: "en-NO");
        Assert.Equal("Mental Helse Hjelpetelefonen", (await visitorOnB.GetPage("/")).Text("#crisis .line-name"));
        Assert.Equal("Mental Helse Hjelpetelefonen", (await visitorOnB.GetPage("/")).Text("#crisis .line-name"));

        var jar = new CookieContainer();
        await SignIn(_a, jar, "lines@example.org");
        var editor = Client(_a, jar);
        var saved = await editor.Submit(await editor.GetPage(await CrisisLineEditPath(_a)), "#record-form",
            new Dictionary<string, string> { ["Form.Name"] = "Mental Helse Hjelpetelefonen (renamed on A)" });
        Assert.Equal(302, saved.Status);

        await Within(Propagation, async () => (await visitorOnB.GetPage("/")).Text("#crisis .line-name") == "Mental Helse Hjelpetelefonen (renamed on A)",
            "B's banner still shows the old line after the change on A");
    }

    [Fact]
    public async Task Node_ThatLostItsListeningConnection_EmptiesItsCaches_WhenBack()
    {
        var visitorOnA = _a.Browser(acceptLanguage: "en-NO");
        Assert.Equal("Mental Helse Hjelpetelefonen", (await visitorOnA.GetPage("/")).Text("#crisis .line-name"));
        // A change A cannot hear about: written straight to the database, no NOTIFY.
        await _b.WithDb(async db =>
        {
            var line = await db.CrisisLines.FirstAsync(l => l.RegionCode == "NO" && l.SortOrder == 0);
            line.Name = "Changed while A was not listening";
            await db.SaveChangesAsync();
        });
        Assert.Equal("Mental Helse Hjelpetelefonen", (await visitorOnA.GetPage("/")).Text("#crisis .line-name"));

        // Every listening session ends (both nodes'), as when the database restarts or the network drops.
        await _b.WithDb(db => db.Database.ExecuteSqlRawAsync(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'"));

        await Within(TimeSpan.FromSeconds(5), async () => (await visitorOnA.GetPage("/")).Text("#crisis .line-name") == "Changed while A was not listening",
            "A kept its cached page after its listening connection came back");
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    // One browser's cookies, whichever node answers.
    private static HttpClient Client(FixtureSiteFactory node, CookieContainer jar) => node.CreateDefaultClient(new CookieContainerHandler(jar));

    private static async Task SignIn(FixtureSiteFactory node, CookieContainer jar, string email)
    {
        await node.CreateUser(email, AdminSetup.EditorRole);
        var client = Client(node, jar);
        var login = await client.GetPage("/admin/login");
        var result = await client.Submit(login, "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Editors.Password });
        Assert.True(result.Status == 302, $"sign-in failed: {result.Status}\n{result.Body}");
    }

    private static async Task<string> CrisisLineEditPath(FixtureSiteFactory node)
    {
        var id = 0;
        await node.WithDb(async db => id = (await db.CrisisLines.FirstAsync(l => l.RegionCode == "NO" && l.SortOrder == 0)).Id);
        return $"/admin/crisis-lines/edit/{id.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// How long a save may take to reach the other node here. It takes milliseconds (bench/ measures speed; tests do not),
    /// so this only allows for a loaded test machine. It is far below what a lost notification would need to pass unseen:
    /// the test clock stands at 12:00:00, so a cached page lives a whole minute, and a stale search index forever.
    /// </summary>
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(5);

    private static async Task Within(TimeSpan limit, Func<Task<bool>> condition, string failure)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < limit, failure);
            await Task.Delay(50);
        }
    }

    private sealed class PostgreSqlFixtureSiteFactory : FixtureSiteFactory
    {
        protected override bool OnPostgreSql => true;
    }
}
