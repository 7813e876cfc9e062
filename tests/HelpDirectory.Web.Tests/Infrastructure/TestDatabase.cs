using HelpDirectory.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Tests.Infrastructure;

/// <summary>
/// A real database migrated with the site's own migrations: SQLite in memory (alive while the connection is open), or a
/// fresh PostgreSQL database in the PostgreSQL run (dropped at the end).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection? _sqlite;
    private readonly string? _postgres;

    private TestDatabase(SqliteConnection? sqlite, string? postgres) => (_sqlite, _postgres) = (sqlite, postgres);

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = TestPostgres.Selected
            ? new TestDatabase(null, TestPostgres.CreateDatabase())
            : new TestDatabase(new SqliteConnection("Data Source=:memory:"), null);
        if (db._sqlite is not null) await db._sqlite.OpenAsync();
        await using var context = db.NewContext();
        await DatabaseMigrator.MigrateAsync(context);
        return db;
    }

    public HelpDbContext NewContext() => _sqlite is not null
        ? new HelpDbContext(new DbContextOptionsBuilder<HelpDbContext>().UseSqlite(_sqlite).Options)
        : new PostgreSqlHelpDbContext(new DbContextOptionsBuilder<PostgreSqlHelpDbContext>().UseNpgsql(_postgres).Options);

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null) await _sqlite.DisposeAsync();
        if (_postgres is not null) TestPostgres.DropDatabase(_postgres);
    }
}
