using HelpDirectory.Web.Content;
using Microsoft.Extensions.Options;

namespace HelpDirectory.Web.Editing.Seeding;

public static class SeedSetup
{
    /// <summary>Loads the published seed (content/data, or Content:ServicesFile for listings) into a database that lacks it.
    /// Run after the schema is up to date.</summary>
    public static async Task SeedDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var environment = scope.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var content = scope.ServiceProvider.GetRequiredService<IOptions<ContentOptions>>().Value;
        var dataDirectory = Path.Combine(content.ResolveRoot(environment.ContentRootPath), "data");
        var servicesFile = string.IsNullOrWhiteSpace(content.ServicesFile) ? null : Path.GetFullPath(content.ServicesFile, environment.ContentRootPath);
        await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync(dataDirectory, servicesFile, ct);
    }
}
