namespace HelpDirectory.Web.Caching;

/// <summary>Something kept in memory from published data (the search index) that must be rebuilt after an editor's save.
/// <see cref="SiteCache.InvalidateAsync"/> tells every registered listener, before it evicts the cached pages.</summary>
public interface ISiteChangeListener
{
    void SiteChanged();
}
