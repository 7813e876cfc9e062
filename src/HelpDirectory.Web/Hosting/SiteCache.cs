using Microsoft.AspNetCore.OutputCaching;

namespace HelpDirectory.Web.Hosting;

/// <summary>Drops every cached public page, so what editors publish shows at once.</summary>
public sealed class SiteCache(IServiceProvider services)
{
    public const string Tag = "public";

    public async Task InvalidateAsync(CancellationToken ct = default)
    {
        if (services.GetService<IOutputCacheStore>() is { } store) await store.EvictByTagAsync(Tag, ct);
    }
}
