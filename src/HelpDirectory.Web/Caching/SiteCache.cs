using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.OutputCaching;

namespace HelpDirectory.Web.Caching;

/// <summary>
/// The one way to make visitors see an editor's change: it drops the region and crisis-line data and evicts every cached
/// page, once per save. Every saver calls it after its transaction commits.
/// </summary>
public sealed class SiteCache(IOutputCacheStore store, RegionCatalog regions, IEnumerable<ISiteChangeListener> listeners)
{
    public async ValueTask InvalidateAsync(CancellationToken ct = default)
    {
        // Regions first: a page rendered after the eviction must read the new crisis lines, not the old snapshot.
        regions.Invalidate();
        foreach (var listener in listeners) listener.SiteChanged();
        await store.EvictByTagAsync(PageCaching.Tag, ct);
    }
}
