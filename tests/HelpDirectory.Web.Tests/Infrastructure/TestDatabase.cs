using HelpDirectory.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Infrastructure;

/// <summary>A real SQLite database in memory, migrated with the site's own migrations, alive while the connection is open.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    private TestDatabase() { }

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase();
        await db._connection.OpenAsync();
        await using var context = db.NewContext();
        await DatabaseMigrator.MigrateAsync(context);
        return db;
    }

    public HelpDbContext NewContext() => new(new DbContextOptionsBuilder<HelpDbContext>().UseSqlite(_connection).Options);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
