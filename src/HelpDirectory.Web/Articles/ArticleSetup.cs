using HelpDirectory.Web.Content;
using HelpDirectory.Web.Localization;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HelpDirectory.Web.Articles;

public static class ArticleSetup
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var content = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
            var languages = sp.GetRequiredService<SiteLanguages>();
            // The originals are in the default language; every other language the site speaks may have a folder.
            var store = new ArticleStore(
                Path.Combine(content.ResolveRoot(environment.ContentRootPath), "articles"),
                languages.Default.Tag,
                languages.All.Skip(1).Select(l => l.Tag));
            if (environment.IsDevelopment()) WatchForChanges(store, sp.GetRequiredService<ILogger<ArticleStore>>());
            return store;
        });
        return services;
    }

    /// <summary>Loads every article now, so a malformed file stops the site at start with its name, not at a visitor's request.</summary>
    public static void LoadArticles(this IServiceProvider services) => services.GetRequiredService<ArticleStore>();

    private static void WatchForChanges(ArticleStore store, ILogger logger)
    {
        var files = new PhysicalFileProvider(store.Folder);
        ChangeToken.OnChange(() => files.Watch("**/*.md"), () =>
        {
            try
            {
                store.Reload();
                logger.LogInformation("Articles reloaded");
            }
            catch (Exception ex)
            {
                // While editing, keep serving the last good version and say what is wrong.
                logger.LogError(ex, "Articles not reloaded");
            }
        });
    }
}
