using System.Text.Json;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing.Seeding;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpDirectory.Web.Tests.Data;

/// <summary>
/// EF Core migrations on real SQLite files, through the real site. The upgrade tests start from
/// Fixtures/release-f28ab0a.db, a database the last release made and edited over HTTP (Fixtures/README.md).
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private const string AdminEmail = "admin@fixture.example";
    private const string AdminPassword = "fixture-admin-password-1";
    private const string EditorEmail = "editor@fixture.example";
    private const string EditorPassword = "fixture-editor-password-2";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdirectory-tests", "migrations-" + Guid.NewGuid().ToString("N"));

    public MigrationTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task FreshDatabase_MigratesToExactlyTheModel()
    {
        var path = Path.Combine(_folder, "fresh.db");
        using var site = new DatabaseFileSiteFactory(path);
        (await site.Anonymous().GetAsync("/")).EnsureSuccessStatusCode();

        await site.WithDb(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration holds: add one with dotnet ef migrations add.");
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        });
        Assert.Equal("wal", await Scalar(path, "PRAGMA journal_mode;"));
        Assert.False(await TableExists(path, DatabaseMigrator.LegacyTable));
        Assert.True(await Scalar(path, "SELECT count(*) FROM Services;") is long services && services > 0, "the fresh database was not seeded");
    }

    [Fact]
    public void PostgreSqlMigrations_HoldTheWholeModel()
    {
        // Building the model needs no server.
        using var db = new PostgreSqlHelpDbContext(new DbContextOptionsBuilder<PostgreSqlHelpDbContext>().UseNpgsql("Host=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no PostgreSQL migration holds: add one with dotnet ef migrations add --context PostgreSqlHelpDbContext.");
        Assert.EndsWith("_" + DatabaseMigrator.InitialMigration, db.Database.GetMigrations().First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleaseDatabase_UpgradedAtStart_KeepsEveryRow()
    {
        var path = CopyFixture();
        var releaseColumns = await Columns(path, null);
        var before = await Dump(path, null, releaseColumns);

        using var site = new DatabaseFileSiteFactory(path);
        _ = site.Server;

        // Later migrations may add tables and columns; every table, column and row the release had is still there, unchanged.
        var after = await Dump(path, before.Keys, releaseColumns);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (table, rows) in before)
        {
            Assert.True(rows.Count == after[table].Count, $"{table}: {rows.Count} rows before the upgrade, {after[table].Count} after");
            Assert.True(rows.SequenceEqual(after[table]), $"{table}: rows changed by the upgrade");
        }
        Assert.True(before["Revisions"].Count >= 16 && before["Reports"].Count >= 2 && before["AspNetUsers"].Count == 2,
            "the fixture is not the one Fixtures/README.md describes");

        Assert.False(await TableExists(path, DatabaseMigrator.LegacyTable));
        var history = await Column(path, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;");
        Assert.Contains(history, id => id.EndsWith("_" + DatabaseMigrator.InitialMigration, StringComparison.Ordinal));
        await site.WithDb(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), history);
        });
        Assert.Contains(site.Logs.Lines, l => l.Contains("Database from an earlier release", StringComparison.Ordinal) && l.Contains(DatabaseMigrator.InitialMigration, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReleaseDatabase_AfterUpgrade_ItsUsersSignInAndEveryRevisionRestores()
    {
        var path = CopyFixture();
        var revisions = await Revisions(path);
        using var site = new DatabaseFileSiteFactory(path);
        // Later than every revision in the fixture, so each restore is the newest entry in its history.
        site.Clock.Now = new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

        using var editor = await SignIn(site, EditorEmail, EditorPassword);
        using var admin = await SignIn(site, AdminEmail, AdminPassword);
        Assert.Equal(200, (await admin.GetPage("/admin/users")).Status);

        foreach (var group in revisions.GroupBy(r => (r.EntityType, r.EntityKey)))
        {
            // Oldest first: once the first restore is recorded, none of the fixture's revisions is the newest any more.
            foreach (var revision in group.OrderBy(r => r.Id))
            {
                site.Clock.Now = site.Clock.Now.AddMinutes(1);
                if (revision.EntityType == "service") await RestoreListing(admin, revision);
                else await RestoreRecord(admin, revision);
            }
        }
        // Each restore was recorded as one new revision.
        Assert.Equal(revisions.Count * 2, (await Revisions(path)).Count);
        Assert.Contains(revisions, r => r.EntityType == "service");
        Assert.Contains(revisions, r => r.EntityType == "organization");
        Assert.Contains(revisions, r => r.EntityType == "crisis-line");
        Assert.Contains(revisions, r => r.EntityType == "region");
    }

    [Fact]
    public async Task LegacyDatabase_WithAnotherSchema_IsRefusedAndLeftAsItWas()
    {
        var path = CopyFixture();
        await Execute(path, "ALTER TABLE Services ADD COLUMN Rating INTEGER NULL; DROP INDEX IX_Reports_Status_At;");
        var releaseColumns = await Columns(path, null);
        var before = await Dump(path, null, releaseColumns);

        using var site = new DatabaseFileSiteFactory(path);
        var error = Record.Exception(() => site.Server);

        var message = string.Join(" | ", Chain(error));
        Assert.Contains("was made by a release before EF Core migrations, but its schema is not the one that release made", message, StringComparison.Ordinal);
        Assert.Contains("not expected: column Services.Rating INTEGER", message, StringComparison.Ordinal);
        Assert.Contains("missing: index Reports.IX_Reports_Status_At", message, StringComparison.Ordinal);
        Assert.True(await TableExists(path, DatabaseMigrator.LegacyTable));
        Assert.False(await TableExists(path, "__EFMigrationsHistory"));
        Assert.Equal(before, await Dump(path));
    }

    [Fact]
    public async Task Database_WithTablesButNoHistory_IsRefused()
    {
        var path = Path.Combine(_folder, "unknown.db");
        await Execute(path, "CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT);");

        using var site = new DatabaseFileSiteFactory(path);
        var error = Record.Exception(() => site.Server);

        Assert.Contains(Chain(error), m => m.Contains("has tables but no migration history", StringComparison.Ordinal));
        Assert.False(await TableExists(path, "__EFMigrationsHistory"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Start_Twice_AppliesNothingTheSecondTime(bool fromRelease)
    {
        var path = fromRelease ? CopyFixture() : Path.Combine(_folder, "fresh.db");

        using (var first = new DatabaseFileSiteFactory(path))
        {
            _ = first.Server;
            Assert.Contains(first.Logs.Lines, l => l.Contains("Applied migrations", StringComparison.Ordinal));
        }
        var history = await Column(path, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;");
        var rows = await Dump(path);

        using var second = new DatabaseFileSiteFactory(path);
        (await second.Anonymous().GetAsync("/")).EnsureSuccessStatusCode();

        Assert.DoesNotContain(second.Logs.Lines, l => l.Contains("Applied migrations", StringComparison.Ordinal));
        Assert.Equal(history, await Column(path, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;"));
        Assert.Equal(rows, await Dump(path));
    }

    [Fact]
    public async Task ListingConfidence_StartsHighForListingsConfirmedOrReported_AndMediumForTheRest()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
            await new SeedLoader(db, NullLogger<SeedLoader>.Instance, TimeProvider.System).LoadAsync(Path.Combine(RepoPaths.Content, "data"), Path.Combine(AppContext.BaseDirectory, "Fixtures", "services.json"));
        await using (var db = database.NewContext())
        {
            // Back to the database before the migration, with listings checked each way, then forward again.
            var migrations = db.Database.GetMigrations().ToList();
            var listingConfidence = migrations.FindIndex(m => m.EndsWith("_ListingConfidence", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[listingConfidence - 1]);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Services\" SET \"CheckMethod\" = 1 WHERE \"Slug\" = 'example-oslo-therapy'");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Services\" SET \"CheckMethod\" = 2 WHERE \"Slug\" = 'example-vestland-therapy'");
            await migrator.MigrateAsync(migrations[^1]);
        }

        await using var after = database.NewContext();
        var confidence = await after.Services.ToDictionaryAsync(s => s.Slug, s => s.Confidence);
        Assert.Equal("high", confidence["example-oslo-therapy"]);
        Assert.Equal("high", confidence["example-vestland-therapy"]);
        Assert.All(confidence.Where(c => c.Key is not ("example-oslo-therapy" or "example-vestland-therapy")), c => Assert.Equal("medium", c.Value));
    }

    [Fact]
    public async Task Seed_LoadedTwice_AddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = Path.Combine(RepoPaths.Content, "data");
        await using (var db = database.NewContext()) await new SeedLoader(db, NullLogger<SeedLoader>.Instance, TimeProvider.System).LoadAsync(data);
        var first = await Counts(database);

        await using (var db = database.NewContext()) await new SeedLoader(db, NullLogger<SeedLoader>.Instance, TimeProvider.System).LoadAsync(data);

        Assert.Equal(first, await Counts(database));
        Assert.True(first.Services >= 40, $"only {first.Services} services seeded");
    }

    private sealed record FixtureRevision(long Id, string EntityType, string EntityKey, IReadOnlyDictionary<string, string> Snapshot);

    // Restores the listing to this revision from its history page, then checks the listing's form holds that version.
    private static async Task RestoreListing(HttpClient admin, FixtureRevision revision)
    {
        var historyUrl = $"/admin/services/{revision.EntityKey}/history";
        var history = await admin.GetPage(historyUrl);
        history.ShouldBe(200);
        var restored = await admin.Submit(history, $"#revision-{revision.Id} form");
        Assert.True(restored.Status == 302 && restored.Response.Headers.Location?.ToString() == $"{historyUrl}?restored={revision.Id}",
            $"revision {revision.Id} of listing {revision.EntityKey} was not restored: {restored.Status}\n{restored.Body}");

        var after = await admin.FollowRedirect(restored);
        Assert.StartsWith("restored the version of", after.Text("li.revision .action"), StringComparison.Ordinal);
        var edit = await admin.GetPage($"/admin/services/{revision.EntityKey}/edit");
        Assert.Equal(revision.Snapshot["Name"], edit.Required("#Form_Name").GetAttribute("value"));
        Assert.Equal(revision.Snapshot["Description"], edit.Required("#Form_Description").TextContent.Trim());
    }

    // Loads this revision into the edit form (?revision=), checks the form shows it, saves it, and checks it was saved.
    private static async Task RestoreRecord(HttpClient admin, FixtureRevision revision)
    {
        var editUrl = revision.EntityType switch
        {
            "organization" => $"/admin/organizations/edit/{revision.EntityKey}",
            "crisis-line" => $"/admin/crisis-lines/edit/{revision.EntityKey}",
            "region" => $"/admin/regions/edit/{revision.EntityKey}",
            var other => throw new Xunit.Sdk.XunitException($"The fixture has revisions of '{other}', which this test cannot restore"),
        };
        var loaded = await admin.GetPage($"{editUrl}?revision={revision.Id}");
        loaded.ShouldBe(200);
        Assert.Equal(revision.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), loaded.Required("#record-form input[name=RestoredFrom]").GetAttribute("value"));
        Assert.Equal(revision.Snapshot["Name"], loaded.Required("#Form_Name").GetAttribute("value"));

        var saved = await admin.Submit(loaded, "#record-form");
        Assert.True(saved.Status == 302 && saved.Response.Headers.Location?.ToString() == $"{editUrl}?saved=1",
            $"revision {revision.Id} of {revision.EntityType} {revision.EntityKey} was not restored: {saved.Status}\n{saved.Body}");
        var after = await admin.FollowRedirect(saved);
        Assert.Equal(revision.Snapshot["Name"], after.Required("#Form_Name").GetAttribute("value"));
        Assert.Equal($"restored revision {revision.Id}", after.Text("li.revision .action"));
    }

    private static async Task<HttpClient> SignIn(HelpSiteFactory site, string email, string password)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetPage("/admin/login");
        var result = await client.Submit(login, "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(result.Status == 302 && result.Response.Headers.Location?.ToString() == "/admin", $"{email} could not sign in: {result.Status}\n{result.Body}");
        return client;
    }

    private string CopyFixture()
    {
        var path = Path.Combine(_folder, "release.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "release-f28ab0a.db"), path);
        return path;
    }

    private static IEnumerable<string> Chain(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException) yield return e.Message;
        if (error is AggregateException aggregate) foreach (var inner in aggregate.Flatten().InnerExceptions) yield return inner.Message;
    }

    private static async Task<(int Regions, int Lines, int Services)> Counts(TestDatabase database)
    {
        await using var db = database.NewContext();
        return (await db.Regions.CountAsync(), await db.CrisisLines.CountAsync(), await db.Services.CountAsync());
    }

    // Raw SQLite, no pooling: what is in the file, read apart from the site's own connections.
    private static SqliteConnection Open(string path) => new($"Data Source={path};Pooling=False");

    private static async Task<List<FixtureRevision>> Revisions(string path)
    {
        var list = new List<FixtureRevision>();
        await using var connection = Open(path);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT Id, EntityType, EntityKey, SnapshotJson FROM Revisions ORDER BY Id;";
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            list.Add(new(r.GetInt64(0), r.GetString(1), r.GetString(2), JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(3))!));
        return list;
    }

    /// <summary>Every row of every table but the migration bookkeeping, each as one line, in key order.</summary>
    /// <summary>Each table's columns, as the release made them.</summary>
    private static async Task<Dictionary<string, List<string>>> Columns(string path, IEnumerable<string>? onlyTables)
    {
        var tables = onlyTables?.ToList() ?? await Column(path,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('__migrations', '__EFMigrationsHistory', '__EFMigrationsLock', 'sqlite_sequence') ORDER BY name;");
        var columns = new Dictionary<string, List<string>>();
        foreach (var table in tables) columns[table] = await Column(path, $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid;");
        return columns;
    }

    private static async Task<Dictionary<string, List<string>>> Dump(string path) => await Dump(path, null, await Columns(path, null));

    private static async Task<Dictionary<string, List<string>>> Dump(string path, IEnumerable<string>? onlyTables, IReadOnlyDictionary<string, List<string>> columns)
    {
        var tables = onlyTables?.ToList() ?? columns.Keys.ToList();
        var dump = new Dictionary<string, List<string>>();
        await using var connection = Open(path);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT {string.Join(", ", columns[table].Select(c => $"\"{c}\""))} FROM \"{table}\" ORDER BY 1, 2;";
            await using var r = await cmd.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await r.ReadAsync())
                rows.Add(string.Join(" | ", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            dump[table] = rows;
        }
        return dump;
    }

    private static async Task<List<string>> Column(string path, string sql)
    {
        var values = new List<string>();
        await using var connection = Open(path);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) values.Add(r.GetString(0));
        return values;
    }

    private static async Task<object?> Scalar(string path, string sql)
    {
        await using var connection = Open(path);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task Execute(string path, string sql)
    {
        await using var connection = Open(path);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<bool> TableExists(string path, string table) =>
        (long)(await Scalar(path, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';"))! > 0;
}
