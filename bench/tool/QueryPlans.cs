using System.Data.Common;
using System.Diagnostics;
using CultureInfo = System.Globalization.CultureInfo;
using System.Text;
using System.Text.Json;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
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
        var url = new Uri(new Uri("http://local"), options.Get("kind-url"));
        var rounds = options.Int("rounds", 15);
        var large = await Site.OpenAsync(Path.GetFullPath(options.Get("db")), url);
        var small = options.Find("compare-db") is { } compare ? await Site.OpenAsync(Path.GetFullPath(compare), url) : null;

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Query plans: {large.Listings} listings, kind page {url.PathAndQuery}");
        large.Capture.Commands.Clear();
        var total = await large.KindPageAsync();
        report.AppendLine(CultureInfo.InvariantCulture, $"\n## Kind page ({total} matching)");
        await AppendPlans(report, large.Connection, large.Capture.Commands);
        large.Capture.Commands.Clear();
        await large.PlaceCountsAsync();
        report.AppendLine("\n## Place page: counts by kind");
        await AppendPlans(report, large.Connection, large.Capture.Commands);
        large.Capture.Recording = false;
        if (small is not null) small.Capture.Recording = false;

        // Both databases in turn, round after round, so whatever else the machine is doing weighs on both alike; the
        // median round is reported.
        var largeRounds = new List<double>();
        var smallRounds = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            await large.KindPageAsync();
            if (small is not null) await small.KindPageAsync();
        }
        for (var round = 0; round < rounds; round++)
        {
            largeRounds.Add(await large.TimeAsync(20));
            if (small is not null) smallRounds.Add(await small.TimeAsync(20));
        }
        var largeMs = Median(largeRounds);
        double? smallMs = small is null ? null : Median(smallRounds);
        report.Append(CultureInfo.InvariantCulture, $"\nKind page queries, median of {rounds} rounds of 20: {largeMs:0.000} ms with {large.Listings} listings");
        if (small is not null) report.Append(CultureInfo.InvariantCulture, $", {smallMs:0.000} ms with {small.Listings} listings");
        report.AppendLine();
        Console.Write(report.ToString());

        if (options.Find("out") is { } output)
        {
            await File.WriteAllTextAsync(output + ".md", report.ToString());
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new
            {
                listings = large.Listings, url = url.PathAndQuery, matching = total, queryMs = largeMs,
                compareListings = small?.Listings, compareQueryMs = smallMs,
            }, BenchJson.Options));
        }
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>One benchmark database, queried through the site's own code, exactly as the kind and place pages do.</summary>
    private sealed class Site
    {
        private ServiceProvider _services = null!;
        private RegionInfo _country = null!;
        private RegionInfo? _subdivision;
        private HelpKindInfo _kind = null!;
        private ListingFilter _filter = null!;

        public CommandCapture Capture { get; } = new();
        public SqliteConnection Connection { get; private set; } = null!;
        public int Listings { get; private set; }

        public static async Task<Site> OpenAsync(string db, Uri url)
        {
            var segments = url.AbsolutePath.Trim('/').Split('/');
            if (segments.Length is < 3 or > 4 || segments[0] != "help") throw new ArgumentException("--kind-url must be /help/{country}[/{region}]/{kind}?filters");
            var site = new Site();
            site._services = new ServiceCollection()
                .AddDbContext<HelpDbContext>(o => o.UseSqlite($"Data Source={db};Mode=ReadOnly").AddInterceptors(site.Capture))
                .AddSingleton<RegionCatalog>()
                .BuildServiceProvider();
            var regions = await site._services.GetRequiredService<RegionCatalog>().GetAsync();
            site._country = regions.FindCountryBySlug(segments[1]) ?? throw new ArgumentException($"no country {segments[1]}");
            site._subdivision = segments.Length == 4 ? regions.FindSubdivision(site._country, segments[2]) ?? throw new ArgumentException($"no region {segments[2]}") : null;
            if (!HelpKinds.TryParse(segments[^1], out site._kind)) throw new ArgumentException($"no kind {segments[^1]}");
            site._filter = ListingFilter.Parse(new QueryCollection(QueryHelpers.ParseQuery(url.Query)));
            site.Connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
            await site.Connection.OpenAsync();
            site.Listings = Convert.ToInt32(await Scalar(site.Connection, "SELECT COUNT(*) FROM Services"), CultureInfo.InvariantCulture);
            return site;
        }

        // The same calls as Pages/Help/Kind.cshtml.cs makes.
        public async Task<int> KindPageAsync()
        {
            using var scope = _services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
            var query = _filter.Apply(db.Services.AsNoTracking().Published().Where(s => s.Kind == _kind.Kind).ReachingPlace(db.ServiceAreas, new Place(_country, _subdivision)));
            var page = await query.PageAsync(new Place(_country, _subdivision), _filter, DateTimeOffset.UtcNow, db, CancellationToken.None);
            return page.Total;
        }

        // The same call as Pages/Help/Place.cshtml.cs makes for its counts.
        public async Task PlaceCountsAsync()
        {
            using var scope = _services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
            await db.Services.AsNoTracking().Published().ReachingPlace(db.ServiceAreas, new Place(_country, _subdivision))
                .GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        }

        public async Task<double> TimeAsync(int iterations)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) await KindPageAsync();
            return watch.Elapsed.TotalMilliseconds / iterations;
        }
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

    public sealed class CommandCapture : DbCommandInterceptor
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
