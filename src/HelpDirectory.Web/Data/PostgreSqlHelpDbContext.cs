using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HelpDirectory.Web.Data;

/// <summary>The site's model on PostgreSQL, a type of its own so that its migrations (Data/Migrations/PostgreSql) are not SQLite's.</summary>
public sealed class PostgreSqlHelpDbContext(DbContextOptions<PostgreSqlHelpDbContext> options) : HelpDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Every DateTime the site keeps is UTC; SQLite hands them back unmarked, and timestamptz accepts only UTC ones.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
