using HelpDirectory.Web.Regions;
using Microsoft.AspNetCore.OutputCaching;

namespace HelpDirectory.Web.Caching;

/// <summary>
/// The one way to make visitors see an editor's change: it drops the region and crisis-line data and evicts every cached
/// page, once per save, here and (when the site runs on several nodes) on every other node. Every saver calls it after its
/// transaction commits.
/// </summary>
public sealed class SiteCache(IOutputCacheStore store, RegionCatalog regions, IEnumerable<ISiteChangeListener> listeners, IOtherNodes? otherNodes = null)
{
    public async ValueTask InvalidateAsync(CancellationToken ct = default)
    {
        await InvalidateHereAsync(ct);
        if (otherNodes is not null) await otherNodes.InvalidateAsync(ct);
    }

    /// <summary>Empties this node's caches only: what another node's save, or a lost connection to the others, calls for.</summary>
    public async ValueTask InvalidateHereAsync(CancellationToken ct = default)
    {
        // Regions first: a page rendered after the eviction must read the new crisis lines, not the old snapshot.
        regions.Invalidate();
        foreach (var listener in listeners) listener.SiteChanged();
        await store.EvictByTagAsync(PageCaching.Tag, ct);
    }
}

/// <summary>Tells the site's other nodes that their caches are out of date (PostgreSQL's NOTIFY); absent on one node.</summary>
public interface IOtherNodes
{
    ValueTask InvalidateAsync(CancellationToken ct);
}
