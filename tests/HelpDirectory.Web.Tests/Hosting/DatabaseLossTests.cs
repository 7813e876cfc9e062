using HelpDirectory.Web.Tests.Infrastructure;
using Npgsql;

namespace HelpDirectory.Web.Tests.Hosting;

/// <summary>
/// Losing PostgreSQL while running: /readyz turns unready, pages that need the database answer 503 with the crisis banner
/// (its lines are kept in memory), and the node recovers by itself when the database is back. The database is taken
/// away by refusing its connections and cutting off the open ones, as a restart of the server would. Always on PostgreSQL.
/// </summary>
public sealed class DatabaseLossTests : IAsyncDisposable
{
    private readonly FixtureSiteFactory _site = new PostgreSqlSite();

    private sealed class PostgreSqlSite : FixtureSiteFactory
    {
        protected override bool OnPostgreSql => true;
    }

    /// <summary>A visitor with a cookie the page cache never answers, so the page is rendered and needs the database.</summary>
    private HttpClient Uncached()
    {
        var client = _site.Browser(acceptLanguage: "en-NO");
        client.DefaultRequestHeaders.Add("Cookie", "uncached=1");
        return client;
    }

    [Fact]
    public async Task DatabaseGone_PagesAnswer503WithTheBanner_ThenRecoverWhenItIsBack()
    {
        var client = _site.Browser(acceptLanguage: "en-NO");
        (await client.GetPage("/help/no/oslo/therapy?free=true&contact=in-person")).ShouldBe(200); // region data now in memory
        Assert.Equal(200, (int)(await client.GetAsync("/readyz")).StatusCode);

        await Refuse(true);
        try
        {
            Assert.Equal(503, (int)(await client.GetAsync("/readyz")).StatusCode);
            var page = await Uncached().GetPage("/help/no/oslo/therapy?free=true");
            page.ShouldBe(503);
            Assert.Contains("Mental Helse Hjelpetelefonen", page.Text("#crisis"));
            Assert.NotNull(page.Document.QuerySelector("#crisis a[href^='tel:']"));
        }
        finally
        {
            await Refuse(false);
        }

        NpgsqlConnection.ClearAllPools();
        Assert.Equal(200, (int)(await client.GetAsync("/readyz")).StatusCode);
        (await Uncached().GetPage("/help/no/oslo/therapy?free=true")).ShouldBe(200);
    }

    private async Task Refuse(bool refuse)
    {
        var database = new NpgsqlConnectionStringBuilder(_site.PostgreSqlDatabase).Database!;
        var server = Environment.GetEnvironmentVariable(TestPostgres.ServerVariable)!;
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var allow = new NpgsqlCommand($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {(refuse ? "false" : "true")}", connection))
            await allow.ExecuteNonQueryAsync();
        if (!refuse) return;
        await using var cut = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @d AND pid <> pg_backend_pid()", connection);
        cut.Parameters.AddWithValue("d", database);
        await cut.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();
}
