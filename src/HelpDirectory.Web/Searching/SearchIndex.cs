using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Caching;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Searching;

/// <summary>Where a search is made from: the place whose reach orders the services (none: best match first).</summary>
public sealed record SearchPlace(string CountryCode, string? SubdivisionCode);

/// <summary>A service the search found, and how it reaches the place searched from.</summary>
public sealed record ServiceHit(int ServiceId, Reach Reach);

/// <summary>An article found, in the language it was found in (each language's articles are indexed as read in it).</summary>
public sealed record ArticleHit(string Slug, string SnippetHtml, string Language = "en");

/// <summary>
/// One full-text index over published listings and articles, in memory (Lucene.Net), so search works the same on any
/// database. It is built on the first search and again on the first search after an editor saves (the site cache tells
/// it). Each text is indexed three ways: English stems, Norwegian stems, and plain words for typo-tolerant (fuzzy)
/// matching; all are lower-cased and folded to ASCII, so case and accents do not matter. Names weigh more than the rest.
/// Beside the index it keeps each listing's service areas, so results are ordered by reach without the database, which
/// is then asked only for the cards of the page shown. The query is never logged and never kept after the request.
/// </summary>
public sealed partial class SearchIndex(IServiceScopeFactory scopes, ArticleStore articles, ILogger<SearchIndex> logger) : ISiteChangeListener
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const int MaxWords = 8;
    private const int MaxArticles = 10;
    // An article's snippet is taken from its start (the summary, then the body).
    private const int ArticleTextLength = 4000;


    private static readonly string[] Languages = ["en", "no"];
    private static readonly string[] Suffixes = ["en", "no", "plain"];
    private static readonly CharArraySet StopWords = StopSet();
    internal static readonly Analyzer Analysis = Analyzer.NewAnonymous((field, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        if (field.EndsWith(".en", StringComparison.Ordinal)) stream = new PorterStemFilter(new EnglishPossessiveFilter(Version, stream));
        else if (field.EndsWith(".no", StringComparison.Ordinal)) stream = new NorwegianLightStemFilter(stream);
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(stream));
    }, Analyzer.PER_FIELD_REUSE_STRATEGY); // one chain per field: the default reuses the first field's chain for all

    // Searches need which documents hold a term and how often, not where: no positions, so a smaller, faster index.
    private static readonly FieldType Words = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;
    private volatile bool _stale = true;

    /// <summary>The index's size in memory after the last build (its files and what is kept beside them), for the notes
    /// on the site's working set.</summary>
    public long SizeInBytes { get; private set; }
    public int Documents { get; private set; }

    public void SiteChanged() => _stale = true;

    /// <summary>The services found (the page asked for, those that reach the place first) and the best articles.</summary>
    public async Task<SearchResults> SearchAsync(string text, SearchPlace? place, int page, int pageSize, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(ct);
        var words = SearchWords(text);
        if (words.Count == 0) return SearchResults.None;
        var searcher = snapshot.Searcher;

        // The words as typed and their stems first; a word the index does not hold at all is tried with typos at once,
        // and when nothing is found, every word is. Fuzzy clauses cost far more than exact ones.
        var typos = words.Select(w => !snapshot.Holds(w)).ToArray();
        // The page asked for, within the pages offered: the collector keeps every hit up to its end.
        page = Math.Clamp(page, 1, SearchResults.MaxPages);
        var query = Query(words, typos);
        var hits = snapshot.Collect(query, place, page * pageSize);
        if (hits.Total == 0 && typos.Contains(false))
        {
            query = Query(words, words.Select(_ => true).ToArray());
            hits = snapshot.Collect(query, place, page * pageSize);
        }
        return snapshot.Results(hits, place, page, pageSize, query);
    }

    /// <summary>The ids of the best-matching services, anywhere, up to <paramref name="max"/>, best first: the API's
    /// search filter, which pages and maps them itself.</summary>
    public async Task<IReadOnlyList<int>> MatchingServiceIdsAsync(string text, int max, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(ct);
        var words = SearchWords(text);
        if (words.Count == 0) return [];
        var typos = words.Select(w => !snapshot.Holds(w)).ToArray();
        var hits = snapshot.Collect(Query(words, typos), null, max);
        if (hits.Total == 0 && typos.Contains(false)) hits = snapshot.Collect(Query(words, words.Select(_ => true).ToArray()), null, max);
        return snapshot.ServiceIds(hits, max);
    }

    private static Query Query(IReadOnlyList<string> words, bool[] typos)
    {
        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var clause = new BooleanQuery();
            foreach (var language in Languages)
            {
                foreach (var stem in Tokens("name." + language, word)) clause.Add(new TermQuery(new Term("name." + language, stem)) { Boost = 4 }, Occur.SHOULD);
                foreach (var stem in Tokens("text." + language, word)) clause.Add(new TermQuery(new Term("text." + language, stem)), Occur.SHOULD);
            }
            if (typos[i] && word.Length >= 4)
            {
                // One typo in a short word, two in a long one; the first letter is taken as typed.
                var edits = word.Length >= 8 ? 2 : 1;
                clause.Add(new FuzzyQuery(new Term("name.plain", word), edits, 1) { Boost = 2 }, Occur.SHOULD);
                clause.Add(new FuzzyQuery(new Term("text.plain", word), edits, 1) { Boost = 0.5f }, Occur.SHOULD);
            }
            query.Add(clause, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>The words of a search as the index sees them (lower case, no accents, no punctuation: "self-harm" is
    /// "self" and "harm"), without small words such as "the" and "og" unless nothing else is left.</summary>
    public static IReadOnlyList<string> SearchWords(string text)
    {
        var all = Tokens("text.plain", text).Distinct(StringComparer.Ordinal).Take(MaxWords * 2).ToList();
        var content = all.Where(w => !StopWords.Contains(w)).ToList();
        return (content.Count > 0 ? content : all).Take(MaxWords).ToList();
    }

    internal static List<string> Tokens(string field, string text)
    {
        var tokens = new List<string>();
        using var stream = Analysis.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    private async Task<Snapshot> SnapshotAsync(CancellationToken ct)
    {
        if (!_stale && _snapshot is { } current) return current;
        await _gate.WaitAsync(ct);
        try
        {
            if (_stale || _snapshot is null)
            {
                // Cleared before reading, so a save that lands during the build marks the new index stale again.
                _stale = false;
                _snapshot = await BuildAsync(ct);
            }
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Snapshot> BuildAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        List<ServiceText> services;
        ILookup<int, ServiceArea> areas;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
            var published = db.Services.AsNoTracking().Published();
            services = await published
                .Select(s => new ServiceText(s.Id, s.Name, s.Organization!.Name, s.Kind, s.Description)).ToListAsync(ct);
            // Country and region codes repeat across thousands of listings: each is kept once.
            var codes = new Dictionary<string, string>(StringComparer.Ordinal);
            string Shared(string code) => codes.TryGetValue(code, out var kept) ? kept : codes[code] = code;
            areas = (await db.ServiceAreas.AsNoTracking().Where(a => published.Select(s => s.Id).Contains(a.ServiceId))
                    .Select(a => new ServiceArea { ServiceId = a.ServiceId, Scope = a.Scope, CountryCode = a.CountryCode, SubdivisionCode = a.SubdivisionCode })
                    .ToListAsync(ct))
                .Select(a => new ServiceArea { ServiceId = a.ServiceId, Scope = a.Scope, CountryCode = Shared(a.CountryCode), SubdivisionCode = Shared(a.SubdivisionCode) })
                .ToLookup(a => a.ServiceId);
        }
        // Every article as read in each language (a translation, or the original where there is none yet): a search on a
        // Norwegian page finds the Norwegian text and shows its Norwegian snippet.
        var articleLanguages = articles.Languages.SelectMany(l => articles.In(l).Select(_ => l)).ToArray();
        var allArticles = articles.Languages.SelectMany(articles.In).ToList();
        var articleTexts = allArticles.Select(ArticleText).ToArray();

        var directory = new RAMDirectory();
        // In memory: no compound files (a copy of every file). Two writers' threads share the work, each with its own
        // fields to refill; documents find their rows through the "row" value, whatever order they land in.
        var config = new IndexWriterConfig(Version, Analysis) { UseCompoundFile = false };
        config.MergePolicy.NoCFSRatio = 0;
        using (var writer = new IndexWriter(directory, config))
        {
            var count = services.Count + allArticles.Count;
            var threads = Math.Clamp(Environment.ProcessorCount, 1, 2);
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, part =>
            {
                var document = new DocumentFields();
                for (var row = part; row < count; row += threads)
                {
                    if (row < services.Count)
                    {
                        var s = services[row];
                        writer.AddDocument(document.With(row, s.Name, $"{s.Organization} {HelpKinds.Get(s.Kind).Name} {Body(s.Description)}"));
                    }
                    else
                    {
                        var i = row - services.Count;
                        var a = allArticles[i];
                        writer.AddDocument(document.With(row, a.Title, $"{string.Join(' ', a.Tags)} {articleTexts[i]}"));
                    }
                }
            });
            writer.Commit();
        }
        Documents = services.Count + allArticles.Count;
        var reader = DirectoryReader.Open(directory);
        var rows = Rows(reader);
        var serviceAreas = services.Select(s => areas[s.Id].ToArray()).ToArray();
        var texts = articleTexts.Select(Cut).ToArray();
        var words = ReadArticles(articleTexts);
        var snapshot = new Snapshot(new IndexSearcher(reader), rows, services.Select(s => s.Id).ToArray(), serviceAreas,
            allArticles.Select(a => a.Slug).ToArray(), texts, words, articleLanguages);
        // The index's files, and what is kept beside it (reckoned from its parts: object headers and references count
        // 8 bytes each, characters 2): row and id per document, each listing's areas, the articles' snippet texts and words.
        SizeInBytes = directory.GetSizeInBytes() + rows.Length * 4L + services.Count * 4L
            + serviceAreas.Sum(a => 24L + a.Length * (8 + 48)) + texts.Sum(t => 24L + t.Length * 2)
            + words.Sum(w => 24L + w.Length * 24);
        // What bench/run reports: how long a rebuild after an editor's save takes, and what the index holds in memory.
        logger.LogInformation("Search index built: {Documents} documents, {Bytes} bytes in {Milliseconds} ms",
            Documents, SizeInBytes, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return snapshot;
    }

    private sealed record ServiceText(int Id, string Name, string Organization, HelpKind Kind, string Description);

    // Each document's row (services first, then articles), by Lucene's document number.
    private static int[] Rows(DirectoryReader reader)
    {
        var rows = new int[reader.MaxDoc];
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNumericDocValues("row");
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++) rows[leaf.DocBase + doc] = (int)values.Get(doc);
        }
        return rows;
    }

    /// <summary>One set of fields, refilled for each document: the writer copies what it needs as it adds.</summary>
    private sealed class DocumentFields
    {
        private readonly Document _document = [];
        private readonly NumericDocValuesField _row = new("row", 0);
        private readonly Field[] _names = Suffixes.Select(s => new Field("name." + s, "", Words)).ToArray();
        private readonly Field[] _texts = Suffixes.Select(s => new Field("text." + s, "", Words)).ToArray();

        public DocumentFields()
        {
            _document.Add(_row);
            foreach (var field in _names.Concat(_texts)) _document.Add(field);
        }

        public Document With(int row, string name, string text)
        {
            _row.SetInt64Value(row);
            foreach (var field in _names) field.SetStringValue(name);
            foreach (var field in _texts) field.SetStringValue(text);
            return _document;
        }
    }

    /// <summary>The index as built, with what it needs to order and show results: each document's row, each service's id
    /// and areas, each article's slug and text (for its snippet). Never changed once built.</summary>
    private sealed class Snapshot(IndexSearcher searcher, int[] rows, int[] serviceIds, ServiceArea[][] areas, string[] articleSlugs,
        string[] articleTexts, Snippets.Token[][] articleWords, string[] articleLanguages)
    {
        private readonly int _languageCount = Math.Max(1, articleLanguages.Distinct(StringComparer.Ordinal).Count());

        public IndexSearcher Searcher => searcher;

        /// <summary>Whether any document holds the word, or one of its stems, as typed.</summary>
        public bool Holds(string word)
        {
            var reader = searcher.IndexReader;
            foreach (var suffix in Suffixes)
            {
                foreach (var field in new[] { "name." + suffix, "text." + suffix })
                {
                    foreach (var token in Tokens(field, word))
                    {
                        if (reader.DocFreq(new Term(field, token)) > 0) return true;
                    }
                }
            }
            return false;
        }

        // How each service reaches a place, worked out on the first search from there (a byte a listing, one array per
        // place searched from, dropped with the index): a search then looks it up.
        private readonly ConcurrentDictionary<SearchPlace, byte[]> _reach = new();

        public RankedHits Collect(Query query, SearchPlace? place, int keep)
        {
            var reach = place is null ? null : _reach.GetOrAdd(place, p => areas.Select(a => (byte)ServiceReach.Of(a, p.CountryCode, p.SubdivisionCode)).ToArray());
            // The best articles in every language, so each language's page can show its own best.
            return RankedHits.Of(searcher, query, rows, serviceIds.Length, reach, keep, MaxArticles * _languageCount);
        }

        public IReadOnlyList<int> ServiceIds(RankedHits hits, int max) => hits.Services().Take(max).Select(h => serviceIds[h.Row]).ToList();

        public SearchResults Results(RankedHits hits, SearchPlace? place, int page, int pageSize, Query query)
        {
            var pages = Math.Clamp((hits.Reaching + hits.Elsewhere + pageSize - 1) / pageSize, 1, SearchResults.MaxPages);
            page = Math.Min(page, pages);
            var shown = hits.Services().Skip((page - 1) * pageSize).Take(pageSize)
                .Select(h => new ServiceHit(serviceIds[h.Row], place is null ? Reach.International : h.Reach)).ToList();
            var highlighter = new Lazy<Snippets>(() => new Snippets(searcher.Rewrite(query)));
            // Articles are their own group, on the first page.
            var shownArticles = page > 1 ? [] : hits.Articles()
                .Select(a => new ArticleHit(articleSlugs[a.Row], highlighter.Value.Of(articleTexts[a.Row], articleWords[a.Row]), articleLanguages[a.Row])).ToList();
            return new SearchResults(shown, hits.Reaching, hits.Elsewhere, page, pages, shownArticles,
                description => highlighter.Value.Of(Body(description)));
        }
    }

    // A description is text (restricted Markdown, raw HTML shown as written), so only emphasis marks go.
    private static string Body(string description) =>
        WhiteSpace().Replace(description.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal), " ").Trim();

    private static string ArticleText(Article a) => $"{a.Summary} {PlainText(a.BodyHtml)}";

    // Every article is on page one of many searches: the words of the part its snippet comes from are read once, here.
    private static Snippets.Token[][] ReadArticles(string[] texts)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        string Share(string term) => terms.TryGetValue(term, out var kept) ? kept : terms[term] = term;
        return texts.Select(t => Snippets.Read(Cut(t), Share)).ToArray();
    }

    private static string Cut(string text) => text.Length <= ArticleTextLength ? text : text[..ArticleTextLength];

    // Article bodies are HTML: the index wants their words.
    private static string PlainText(string html) => WhiteSpace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static CharArraySet StopSet()
    {
        var set = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet, ignoreCase: true);
        foreach (var word in NorwegianAnalyzer.DefaultStopSet) set.Add(word);
        foreach (var word in new[] { "i", "me", "my", "want", "need", "help", "find", "how", "jeg", "meg", "hjelp" }) set.Add(word);
        return set;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
