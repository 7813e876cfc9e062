using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HelpDirectory.Web.Data;

/// <summary>
/// What `dotnet ef` uses to build the model, instead of starting the site (Program.cs runs commands, logging and the
/// database start-up, none of which adding a migration needs). Adding a migration never opens the database; `dotnet ef
/// database update` uses ConnectionStrings__HelpDirectory, like the site. `--context HelpDbContext` is SQLite,
/// `--context PostgreSqlHelpDbContext` PostgreSQL.
/// </summary>
public sealed class DesignTimeHelpDbContextFactory : IDesignTimeDbContextFactory<HelpDbContext>
{
    public HelpDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HelpDbContext>().UseSqlite(ConnectionString(DataSetup.DefaultConnectionString)).Options);

    internal static string ConnectionString(string fallback)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{DataSetup.ConnectionName}");
        return string.IsNullOrWhiteSpace(connectionString) ? fallback : connectionString;
    }
}

public sealed class DesignTimePostgreSqlHelpDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlHelpDbContext>
{
    public PostgreSqlHelpDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlHelpDbContext>()
            .UseNpgsql(DesignTimeHelpDbContextFactory.ConnectionString("Host=localhost;Database=helpdirectory")).Options);
}
