using Microsoft.AspNetCore.Hosting;

namespace HelpDirectory.Web.Tests.Infrastructure;

/// <summary>The real site on a SQLite file the test chose (a copy of a fixture, or a path where none exists yet).</summary>
public sealed class DatabaseFileSiteFactory(string databasePath) : HelpSiteFactory
{
    protected override bool OnPostgreSql => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:HelpDirectory", $"Data Source={databasePath}");
    }
}
