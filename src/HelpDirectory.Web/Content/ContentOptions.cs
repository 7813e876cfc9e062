namespace HelpDirectory.Web.Content;

public sealed class ContentOptions
{
    /// <summary>The content folder (articles and seed data). Empty: the repository's content/ in development, or the
    /// content/ published beside the site.</summary>
    public string Path { get; set; } = "";

    /// <summary>Optional: load services from this file instead of data/services.json (test fixtures, benchmarks).</summary>
    public string ServicesFile { get; set; } = "";

    public string ResolveRoot(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(Path)) return System.IO.Path.GetFullPath(Path, contentRoot);
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "content");
                if (Directory.Exists(System.IO.Path.Combine(candidate, "data"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException($"No content folder found above {contentRoot}; set Content:Path.");
    }
}

public static class ContentSetup
{
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ContentOptions>(configuration.GetSection("Content"));
}
