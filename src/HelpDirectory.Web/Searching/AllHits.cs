using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HelpDirectory.Web.Searching;

/// <summary>Every document a query matches, with its score, in no order: the index orders them by reach and score
/// itself, and a list costs less than keeping a ranked queue as large as the index.</summary>
internal sealed class AllHits : ICollector
{
    public readonly record struct Hit(int Doc, float Score);

    private readonly List<Hit> _hits = [];
    private Scorer? _scorer;
    private int _docBase;

    public static List<Hit> Of(IndexSearcher searcher, Query query)
    {
        var collector = new AllHits();
        searcher.Search(query, collector);
        return collector._hits;
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc) => _hits.Add(new Hit(_docBase + doc, _scorer!.GetScore()));
}
