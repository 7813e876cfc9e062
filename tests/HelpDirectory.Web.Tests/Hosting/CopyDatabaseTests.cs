using System.Globalization;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Hosting;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Hosting;

/// <summary>copy-database: a SQLite site's data into an empty PostgreSQL database, which a PostgreSQL node then serves.</summary>
public sealed class CopyDatabaseTests
{
    [Fact]
    public async Task CopyDatabase_FromSqlite_CopiesEveryRow_AndAPostgreSqlNodeServesAndSavesIt()
    {
        await using var sqlite = new SqliteFixtureSiteFactory();
        var editor = await sqlite.SignedIn("editor@example.org", AdminSetup.EditorRole);
        var id = 0;
        await sqlite.WithDb(async db => id = (await db.Services.SingleAsync(s => s.Slug == "example-oslo-therapy")).Id);
        var path = $"/admin/services/{id.ToString(CultureInfo.InvariantCulture)}/edit";
        Assert.Equal(302, (await editor.Submit(await editor.GetPage(path), "#service-form",
            new Dictionary<string, string> { ["Form.Name"] = "Example Oslo Therapy, edited before the copy" })).Status);
        var target = TestPostgres.CreateDatabase();
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var code = await CopyDatabaseCommand.RunAsync(sqlite.Services, ["--to", target], output, error);

            Assert.True(code == 0, $"copy-database failed ({code}):\n{output}\n{error}");
            Assert.Contains("Services: ", output.ToString(), StringComparison.Ordinal);
            await using var postgres = new FixtureSiteFactory { PostgreSqlDatabase = target };
            await postgres.WithDb(async db =>
            {
                Assert.Equal("Example Oslo Therapy, edited before the copy", (await db.Services.SingleAsync(s => s.Id == id)).Name);
                Assert.NotEmpty(await db.Revisions.ToListAsync());
                Assert.NotEmpty(await db.Users.ToListAsync());
            });
            // The editor's account came along; a save on the copy gets new ids after the copied ones.
            var onPostgres = await postgres.SignedIn("editor@example.org", AdminSetup.EditorRole);
            var saved = await onPostgres.Submit(await onPostgres.GetPage(path), "#service-form",
                new Dictionary<string, string> { ["Form.Name"] = "Example Oslo Therapy, edited after the copy" });
            Assert.True(saved.Status == 302, $"saving on the copy failed: {saved.Status}\n{saved.Body}");
            Assert.Equal("Example Oslo Therapy, edited after the copy", (await postgres.Anonymous().GetPage("/services/example-oslo-therapy")).Text("main h1"));

            var again = await CopyDatabaseCommand.RunAsync(sqlite.Services, ["--to", target], new StringWriter(), error);
            Assert.Equal(1, again);
            Assert.Contains("is not empty", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            TestPostgres.DropDatabase(target);
        }
    }

    private sealed class SqliteFixtureSiteFactory : FixtureSiteFactory
    {
        protected override bool OnPostgreSql => false;
    }
}
