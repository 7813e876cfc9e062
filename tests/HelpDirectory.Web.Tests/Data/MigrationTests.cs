using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing.Seeding;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpDirectory.Web.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_ProduceExactlyTheSchemaTheModelExpects()
    {
        await using var migrated = new SqliteConnection("Data Source=:memory:");
        await migrated.OpenAsync();
        await using (var db = Context(migrated)) await DatabaseMigrator.MigrateAsync(db);

        await using var created = new SqliteConnection("Data Source=:memory:");
        await created.OpenAsync();
        await using (var db = Context(created)) await db.Database.EnsureCreatedAsync();

        Assert.Equal(await Schema(created), await Schema(migrated));
    }

    [Fact]
    public async Task Migrate_Twice_AppliesEachScriptOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var second = await DatabaseMigrator.MigrateAsync(db);

        Assert.Empty(second);
        Assert.NotEmpty(DatabaseMigrator.Scripts());
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

    private static async Task<(int Regions, int Lines, int Services)> Counts(TestDatabase database)
    {
        await using var db = database.NewContext();
        return (await db.Regions.CountAsync(), await db.CrisisLines.CountAsync(), await db.Services.CountAsync());
    }

    private static HelpDbContext Context(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<HelpDbContext>().UseSqlite(connection).Options);

    // Tables, their columns (name, type, nullability, primary key) and their indexes, in a comparable text form.
    private static async Task<List<string>> Schema(SqliteConnection connection)
    {
        var lines = new List<string>();
        var tables = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '__migrations' ORDER BY name";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        }
        foreach (var table in tables)
        {
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY name";
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) lines.Add($"{table}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)}");
            }
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT il.name, il.\"unique\", group_concat(ii.name) FROM pragma_index_list('{table}') il JOIN pragma_index_info(il.name) ii GROUP BY il.name ORDER BY il.name";
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) lines.Add($"{table} index {r.GetString(0)} unique={r.GetInt64(1)} ({r.GetString(2)})");
            }
        }
        return lines;
    }
}
