using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace HelpDirectory.Web.Caching;

/// <summary>
/// The page cache's store: the framework's in-memory one, which also refuses a page rendered from data older than the last
/// save. Evicting <see cref="PageCaching.Tag"/> starts a new generation; each request is tagged with the generation it
/// began in (<see cref="RegionPagePolicy"/>), and a page whose render began before the eviction, and so may hold the old
/// crisis lines or listings, is not kept: without this it would be stored just after the eviction and served, stale, for the
/// rest of its minute.
/// </summary>
public sealed class PageStore(IOutputCacheStore inner) : IOutputCacheStore
{
    private const string GenerationPrefix = "generation:";
    private readonly Lock _sync = new();
    private long _generation;
    private volatile string _currentTag = GenerationPrefix + "0";

    /// <summary>The tag for a request that begins now.</summary>
    public string CurrentTag => _currentTag;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var begun = tags?.FirstOrDefault(t => t.StartsWith(GenerationPrefix, StringComparison.Ordinal));
        if (begun is null)
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            return;
        }
        if (begun != CurrentTag) return;
        await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        // An eviction between the check and the store may have missed this entry: if so, it goes now.
        if (begun != CurrentTag) await inner.EvictByTagAsync(begun, cancellationToken);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        // The new generation first: a request still rendering from the old data can no longer store its page.
        if (tag == PageCaching.Tag)
        {
            lock (_sync) _currentTag = GenerationPrefix + (++_generation).ToString(CultureInfo.InvariantCulture);
        }
        await inner.EvictByTagAsync(tag, cancellationToken);
    }
}
