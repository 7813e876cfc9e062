using HelpDirectory.Web.Listings;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HelpDirectory.Web.Searching;

/// <summary>Collects a search's hits as the index finds them: counts the services that reach the place and those that
/// do not, and keeps only the best services up to the end of the page asked for (those that reach the place first:
/// local, national, online; then the rest; each best match first) and the best articles. Nothing is kept per hit beyond
/// that, so a search that matches every listing costs no more memory than one that matches twenty.</summary>
/// <param name="reach">How each service reaches the place, by row; null when no place is known (best match first).</param>
internal sealed class RankedHits(int[] rows, int services, byte[]? reach, int keepServices, int keepArticles) : ICollector
{
    public readonly record struct Hit(int Row, Reach Reach, float Score, int Doc);

    // Worst first, so the queue drops the worst when it is over its size.
    private static readonly Comparer<Hit> WorstFirst = Comparer<Hit>.Create((a, b) =>
        a.Reach != b.Reach ? b.Reach.CompareTo(a.Reach) : a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc));

    private readonly PriorityQueue<Hit, Hit> _services = new(WorstFirst);
    private readonly PriorityQueue<Hit, Hit> _articles = new(WorstFirst);
    private Scorer? _scorer;
    private int _docBase;

    public int Reaching { get; private set; }
    public int Elsewhere { get; private set; }
    public int Total => Reaching + Elsewhere + ArticlesFound;
    public int ArticlesFound { get; private set; }

    public static RankedHits Of(IndexSearcher searcher, Query query, int[] rows, int services, byte[]? reach, int keepServices, int keepArticles)
    {
        var collector = new RankedHits(rows, services, reach, keepServices, keepArticles);
        searcher.Search(query, collector);
        return collector;
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        doc += _docBase;
        var row = rows[doc];
        if (row < services)
        {
            var how = reach is null ? Reach.Local : (Reach)reach[row];
            if (how == Reach.Elsewhere) Elsewhere++;
            else Reaching++;
            Keep(_services, new Hit(row, how, _scorer!.GetScore(), doc), keepServices);
        }
        else
        {
            ArticlesFound++;
            Keep(_articles, new Hit(row - services, Reach.Local, _scorer!.GetScore(), doc), keepArticles);
        }
    }

    private static void Keep(PriorityQueue<Hit, Hit> queue, Hit hit, int size)
    {
        if (size <= 0) return;
        if (queue.Count < size) queue.Enqueue(hit, hit);
        else if (WorstFirst.Compare(hit, queue.Peek()) > 0) queue.EnqueueDequeue(hit, hit);
    }

    /// <summary>The services kept, best first.</summary>
    public List<Hit> Services() => Drain(_services);

    /// <summary>The articles kept, best first.</summary>
    public List<Hit> Articles() => Drain(_articles);

    private static List<Hit> Drain(PriorityQueue<Hit, Hit> queue)
    {
        var hits = new List<Hit>(queue.Count);
        while (queue.Count > 0) hits.Add(queue.Dequeue());
        hits.Reverse();
        return hits;
    }
}
