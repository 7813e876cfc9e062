using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Directory;
using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Bench;

/// <summary>
/// Runs the queries a kind page and a place page make, through the site's own query code, against a benchmark database;
/// prints SQLite's plan for each statement and the time the kind page's statements take together (no HTTP, no cache).
/// </summary>
public static class QueryPlans
{
    public static async Task<int> PrintAsync(Options options)
    {
        var db = Path.GetFullPath(options.Get("db"));
        var url = new Uri(new Uri("http://local"), options.Get("kind-url"));
        var iterations = options.Int("iterations", 200);
        var segments = url.AbsolutePath.Trim('/').Split('/');
        if (segments.Length is < 3 or > 4 || segments[0] != "help") throw new ArgumentException("--kind-url must be /help/{country}[/{region}]/{kind}?filters");

        var capture = new CommandCapture();
        var services = new ServiceCollection()
            .AddDbContext<HelpDbContext>(o => o.UseSqlite($"Data Source={db};Mode=ReadOnly").AddInterceptors(capture))
            .AddSingleton<RegionCatalog>()
            .BuildServiceProvider();
        var regions = await services.GetRequiredService<RegionCatalog>().GetAsync();
        var country = regions.FindCountryBySlug(segments[1]) ?? throw new ArgumentException($"no country {segments[1]}");
        var subdivision = segments.Length == 4 ? regions.FindSubdivision(country, segments[2]) ?? throw new ArgumentException($"no region {segments[2]}") : null;
        if (!HelpKinds.TryParse(segments[^1], out var kind)) throw new ArgumentException($"no kind {segments[^1]}");
        var filter = ListingFilter.Parse(new QueryCollection(QueryHelpers.ParseQuery(url.Query)));

        // The same calls as Pages/Help/Kind.cshtml.cs and Pages/Help/Place.cshtml.cs make.
        async Task<int> KindPage()
        {
            using var scope = services.CreateScope();
            var context = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
            var query = filter.Apply(context.Services.AsNoTracking().Published().Where(s => s.Kind == kind.Kind).ReachingPlace(context.ServiceAreas, country, subdivision));
            var page = await query.PageAsync(country, subdivision, filter.Page, filter.OpenNow, DateTimeOffset.UtcNow, context, CancellationToken.None);
            return page.Total;
        }

        async Task PlaceCounts()
        {
            using var scope = services.CreateScope();
            var context = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
            await context.Services.AsNoTracking().Published().ReachingPlace(context.ServiceAreas, country, subdivision)
                .GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        await connection.OpenAsync();
        var listings = Convert.ToInt32(await Scalar(connection, "SELECT COUNT(*) FROM Services"), System.Globalization.CultureInfo.InvariantCulture);

        var report = new StringBuilder();
        report.AppendLine($"# Query plans: {listings} listings, kind page {url.PathAndQuery}");
        capture.Commands.Clear();
        var total = await KindPage();
        report.AppendLine($"\n## Kind page ({total} matching)");
        await AppendPlans(report, connection, capture.Commands);
        capture.Commands.Clear();
        await PlaceCounts();
        report.AppendLine("\n## Place page: counts by kind");
        await AppendPlans(report, connection, capture.Commands);
        capture.Recording = false;

        for (var i = 0; i < 20; i++) await KindPage();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) await KindPage();
        var perPage = watch.Elapsed.TotalMilliseconds / iterations;
        report.AppendLine($"\nKind page queries, mean of {iterations}: {perPage:0.000} ms");
        Console.Write(report.ToString());

        if (options.Find("out") is { } output)
        {
            await File.WriteAllTextAsync(output + ".md", report.ToString());
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new { listings, url = url.PathAndQuery, matching = total, queryMs = perPage }, BenchJson.Options));
        }
        return 0;
    }

    private static async Task AppendPlans(StringBuilder report, SqliteConnection connection, IEnumerable<(string Sql, List<(string Name, object? Value)> Parameters)> commands)
    {
        foreach (var (sql, parameters) in commands)
        {
            report.AppendLine("\n```sql").AppendLine(sql.Trim()).AppendLine("```");
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await using var reader = await explain.ExecuteReaderAsync();
            var depth = new Dictionary<long, int> { [0] = 0 };
            report.AppendLine("```text");
            while (await reader.ReadAsync())
            {
                var id = reader.GetInt64(0);
                var parent = reader.GetInt64(1);
                var level = depth.GetValueOrDefault(parent) + 1;
                depth[id] = level;
                report.Append(' ', (level - 1) * 2).AppendLine(reader.GetString(3));
            }
            report.AppendLine("```");
        }
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public bool Recording { get; set; } = true;
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command)
        {
            if (!Recording) return;
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        }
    }
}
