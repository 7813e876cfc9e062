using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HelpDirectory.Web.Data;

/// <summary>
/// What `dotnet ef` uses to build the model, instead of starting the site (Program.cs runs commands, logging and the
/// database start-up, none of which adding a migration needs). Adding a migration never opens the database; `dotnet ef
/// database update` uses ConnectionStrings__HelpDirectory, like the site.
/// </summary>
public sealed class DesignTimeHelpDbContextFactory : IDesignTimeDbContextFactory<HelpDbContext>
{
    public HelpDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{DataSetup.ConnectionName}");
        if (string.IsNullOrWhiteSpace(connectionString)) connectionString = DataSetup.DefaultConnectionString;
        return new HelpDbContext(new DbContextOptionsBuilder<HelpDbContext>().UseSqlite(connectionString).Options);
    }
}
