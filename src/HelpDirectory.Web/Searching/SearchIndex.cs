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

/// <summary>An article found, in the language it was found in (each language's articles are indexed as read in it). Its
/// snippet is made when it is first read, so only the articles a page shows cost one.</summary>
public sealed class ArticleHit(string slug, string language, Func<string> snippet)
{
    private readonly Lazy<string> _snippet = new(snippet);

    public string Slug => slug;
    public string Language => language;
    public string SnippetHtml => _snippet.Value;
}

/// <summary>
/// One full-text index over published listings and articles, in memory (Lucene.Net), so search works the same on any
/// database. It is built when the node warms up (or on the first search), and brought up to date on the first search
/// after an editor saves (the site cache tells it): only the listings that changed are indexed again. (Memory-mapped
/// files were tried instead of Lucene's in-memory directory, whose reads take a lock: searches cost 15 % more.) Each text is indexed three ways: English stems, Norwegian stems, and plain words for typo-tolerant (fuzzy)
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
        return snapshot.IdsOf(hits, max);
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
                // Cleared before reading, so a save that lands during the update marks the new index stale again.
                _stale = false;
                var old = _snapshot;
                _snapshot = old is not null && await UpdateAsync(old, ct) is { } updated ? updated : await BuildAsync(ct);
                if (old is not null && old != _snapshot) Retire(old, _snapshot);
            }
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Services take rows from 0 up, articles from here: a row says which it is, and services added by an update take the
    // next free row without moving the articles.
    internal const int ArticleRows = 1 << 24;
    // An update that would change more listings than this (an import) builds the index afresh instead.
    private const int MaxUpdate = 500;

    /// <summary>The whole index, from every published listing and every article.</summary>
    private async Task<Snapshot> BuildAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        List<IndexedService> services;
        Dictionary<int, ServiceArea[]> areas;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
            (services, areas) = await ReadAsync(db, null, ct);
        }
        // Every article as read in each language (a translation, or the original where there is none yet): a search on a
        // Norwegian page finds the Norwegian text and shows its Norwegian snippet.
        var articleLanguages = articles.Languages.SelectMany(l => articles.In(l).Select(_ => l)).ToArray();
        var allArticles = articles.Languages.SelectMany(articles.In).ToList();
        var articleTexts = allArticles.Select(ArticleText).ToArray();

        var directory = new RAMDirectory();
        using (var writer = Writer(directory, OpenMode.CREATE))
        {
            var count = services.Count + allArticles.Count;
            // Two writer threads share the work, each with its own fields to refill; documents find their rows through
            // the "row" value, whatever order they land in.
            var threads = Math.Clamp(Environment.ProcessorCount, 1, 2);
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, part =>
            {
                var document = new DocumentFields();
                for (var i = part; i < count; i += threads)
                {
                    if (i < services.Count)
                    {
                        writer.AddDocument(document.Service(i, services[i]));
                    }
                    else
                    {
                        var a = allArticles[i - services.Count];
                        writer.AddDocument(document.Article(ArticleRows + i - services.Count, a.Title, $"{string.Join(' ', a.Tags)} {articleTexts[i - services.Count]}"));
                    }
                }
            });
            writer.Commit();
        }
        var reader = DirectoryReader.Open(directory);
        var texts = articleTexts.Select(Cut).ToArray();
        var snapshot = new Snapshot(directory, reader, Rows(reader), services.Select(s => s.Id).ToArray(),
            services.Select(s => areas.GetValueOrDefault(s.Id, [])).ToArray(), services.Select((s, row) => (s, row)).ToDictionary(x => x.s.Id, x => (Row: x.row, x.s.Stamp)),
            allArticles.Select(a => a.Slug).ToArray(), texts, ReadArticles(articleTexts), articleLanguages);
        Measure(snapshot);
        // What bench/run reports: what the index holds in memory, and how long a build takes.
        logger.LogInformation("Search index built: {Documents} documents, {Bytes} bytes in {Milliseconds} ms ({Directory})",
            Documents, SizeInBytes, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, directory.GetType().Name);
        return snapshot;
    }

    /// <summary>
    /// The index after a save: only the listings whose version (or whose organisation's) differs from the index's are
    /// taken out and put back, and those no longer published are taken out; a save of anything else (a crisis line, a
    /// region) changes nothing here. Null when building afresh is the better way (an import of many listings, or an index
    /// whose rows have grown twice over from edits).
    /// </summary>
    private async Task<Snapshot?> UpdateAsync(Snapshot old, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
        var stamps = await db.Services.AsNoTracking().Published()
            .Select(s => new { s.Id, s.Version, s.UpdatedAt, Organization = s.Organization!.Version }).ToListAsync(ct);
        var now = stamps.ToDictionary(s => s.Id, s => new Stamp(s.Version, s.UpdatedAt, s.Organization));
        var changed = now.Where(s => !old.Services.TryGetValue(s.Key, out var had) || had.Stamp != s.Value).Select(s => s.Key).ToList();
        var removed = old.Services.Keys.Where(id => !now.ContainsKey(id)).ToList();
        if (changed.Count == 0 && removed.Count == 0) return old;
        if (changed.Count + removed.Count > MaxUpdate || old.ServiceIds.Length + changed.Count > 2 * now.Count + 1000) return null;

        var (services, areas) = await ReadAsync(db, changed, ct);
        var serviceIds = old.ServiceIds.ToList();
        var serviceAreas = old.Areas.ToList();
        var index = new Dictionary<int, (int Row, Stamp Stamp)>(old.Services);
        foreach (var id in removed) index.Remove(id);
        using (var writer = Writer(old.Directory, OpenMode.APPEND))
        {
            foreach (var id in removed.Concat(changed)) writer.DeleteDocuments(DocumentFields.ServiceTerm(id));
            var document = new DocumentFields();
            foreach (var service in services)
            {
                var row = serviceIds.Count;
                serviceIds.Add(service.Id);
                serviceAreas.Add(areas.GetValueOrDefault(service.Id, []));
                index[service.Id] = (row, service.Stamp);
                writer.AddDocument(document.Service(row, service));
            }
            writer.Commit();
        }
        var reader = DirectoryReader.OpenIfChanged(old.Reader) ?? old.Reader;
        var snapshot = old.With(reader, Rows(reader), serviceIds.ToArray(), serviceAreas.ToArray(), index);
        Measure(snapshot);
        logger.LogInformation("Search index updated: {Changed} listings changed, {Removed} taken out, in {Milliseconds} ms",
            services.Count, removed.Count, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return snapshot;
    }

    /// <summary>An index replaced: searches under way may still read it, so its reader goes a little later. Readers share
    /// the segments an update left alone.</summary>
    private static void Retire(Snapshot old, Snapshot now)
    {
        _ = Task.Delay(TimeSpan.FromSeconds(30)).ContinueWith(_ =>
        {
            if (old.Reader != now.Reader) old.Reader.Dispose();
            if (old.Directory != now.Directory) old.Directory.Dispose();
        }, TaskScheduler.Default);
    }

    private static IndexWriter Writer(RAMDirectory directory, OpenMode mode)
    {
        // No compound files (a copy of every file). Merges run on the writer's thread, inside the update.
        var config = new IndexWriterConfig(Version, Analysis) { UseCompoundFile = false, OpenMode = mode, MergeScheduler = new SerialMergeScheduler() };
        config.MergePolicy.NoCFSRatio = 0;
        return new IndexWriter(directory, config);
    }

    /// <summary>Published listings (all, or those with the ids given) with what is indexed of them, and their areas.</summary>
    private static async Task<(List<IndexedService>, Dictionary<int, ServiceArea[]>)> ReadAsync(HelpDbContext db, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var published = db.Services.AsNoTracking().Published();
        if (ids is not null) published = published.Where(s => ids.Contains(s.Id));
        var services = await published
            .Select(s => new IndexedService(s.Id, s.Name, s.Organization!.Name, s.Kind, s.Description, new Stamp(s.Version, s.UpdatedAt, s.Organization.Version)))
            .ToListAsync(ct);
        // Descriptions in other languages are searched too: a Norwegian word finds a listing by its Norwegian text.
        var translated = (await db.ServiceTexts.AsNoTracking()
                .Where(t => t.Field == TextFields.Description && published.Select(s => s.Id).Contains(t.ServiceId))
                .Select(t => new { t.ServiceId, t.Text }).ToListAsync(ct))
            .ToLookup(t => t.ServiceId, t => t.Text);
        services = services.Select(s => translated[s.Id].Any() ? s with { Description = string.Join(' ', translated[s.Id].Prepend(s.Description)) } : s).ToList();
        // Country and region codes repeat across thousands of listings: each is kept once.
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string code) => codes.TryGetValue(code, out var kept) ? kept : codes[code] = code;
        var areas = (await db.ServiceAreas.AsNoTracking().Where(a => published.Select(s => s.Id).Contains(a.ServiceId))
                .Select(a => new ServiceArea { ServiceId = a.ServiceId, Scope = a.Scope, CountryCode = a.CountryCode, SubdivisionCode = a.SubdivisionCode })
                .ToListAsync(ct))
            .Select(a => new ServiceArea { ServiceId = a.ServiceId, Scope = a.Scope, CountryCode = Shared(a.CountryCode), SubdivisionCode = Shared(a.SubdivisionCode) })
            .GroupBy(a => a.ServiceId)
            .ToDictionary(g => g.Key, g => g.ToArray());
        return (services, areas);
    }

    // The index's files, and what is kept beside it (reckoned from its parts: object headers and references count 8 bytes
    // each, characters 2): row and id per document, each listing's areas, the articles' snippet texts and words.
    private void Measure(Snapshot snapshot)
    {
        Documents = snapshot.Reader.NumDocs;
        SizeInBytes = snapshot.Directory.GetSizeInBytes() + snapshot.Rows.Length * 4L + snapshot.ServiceIds.Length * 4L
            + snapshot.Services.Count * 32L + snapshot.Areas.Sum(a => 24L + a.Length * (8 + 48))
            + snapshot.ArticleTexts.Sum(t => 24L + t.Length * 2) + snapshot.ArticleWords.Sum(w => 24L + w.Length * 24);
    }

    /// <summary>What a listing's index entry was made from: when any of it changes, the entry is made again.</summary>
    private readonly record struct Stamp(long Version, DateTime UpdatedAt, long OrganizationVersion);

    private sealed record IndexedService(int Id, string Name, string Organization, HelpKind Kind, string Description, Stamp Stamp);

    // Each document's row (services from 0, articles from ArticleRows), by Lucene's document number. A deleted document
    // keeps a row no search reaches.
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
        private readonly Document _article = [];
        private readonly NumericDocValuesField _row = new("row", 0);
        private readonly StringField _id = new("service", "", Field.Store.NO);
        private readonly Field[] _names = Suffixes.Select(s => new Field("name." + s, "", Words)).ToArray();
        private readonly Field[] _texts = Suffixes.Select(s => new Field("text." + s, "", Words)).ToArray();

        public DocumentFields()
        {
            _document.Add(_row);
            _document.Add(_id);
            foreach (var field in _names.Concat(_texts)) _document.Add(field);
            _article.Add(_row);
            foreach (var field in _names.Concat(_texts)) _article.Add(field);
        }

        /// <summary>The term that finds a listing's document, to take it out.</summary>
        public static Term ServiceTerm(int id) => new("service", Key(id));

        public Document Service(int row, IndexedService s)
        {
            _id.SetStringValue(Key(s.Id));
            Fill(row, s.Name, $"{s.Organization} {HelpKinds.Get(s.Kind).Name} {Body(s.Description)}");
            return _document;
        }

        private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public Document Article(int row, string title, string text)
        {
            Fill(row, title, text);
            return _article;
        }

        private void Fill(int row, string name, string text)
        {
            _row.SetInt64Value(row);
            foreach (var field in _names) field.SetStringValue(name);
            foreach (var field in _texts) field.SetStringValue(text);
        }
    }

    /// <summary>The index as built or updated, with what it needs to order and show results: each document's row, each
    /// row's service id and areas, each article's slug and text (for its snippet), and the version each listing was
    /// indexed at. Never changed once made: an update makes a new one, and searches under way keep the one they took.</summary>
    private sealed class Snapshot(RAMDirectory directory, DirectoryReader reader, int[] rows, int[] serviceIds, ServiceArea[][] areas,
        Dictionary<int, (int Row, Stamp Stamp)> services, string[] articleSlugs, string[] articleTexts, Snippets.Token[][] articleWords,
        string[] articleLanguages)
    {
        private readonly IndexSearcher searcher = new(reader);

        public RAMDirectory Directory => directory;
        public DirectoryReader Reader => reader;
        public int[] Rows => rows;
        public int[] ServiceIds => serviceIds;
        public ServiceArea[][] Areas => areas;
        public IReadOnlyDictionary<int, (int Row, Stamp Stamp)> Services => services;
        public string[] ArticleTexts => articleTexts;
        public Snippets.Token[][] ArticleWords => articleWords;

        public Snapshot With(DirectoryReader newReader, int[] newRows, int[] newServiceIds, ServiceArea[][] newAreas,
            Dictionary<int, (int Row, Stamp Stamp)> newServices) =>
            new(directory, newReader, newRows, newServiceIds, newAreas, newServices, articleSlugs, articleTexts, articleWords, articleLanguages);

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
            return RankedHits.Of(searcher, query, rows, ArticleRows, reach, keep, MaxArticles * _languageCount);
        }

        public IReadOnlyList<int> IdsOf(RankedHits hits, int max) => hits.Services().Take(max).Select(h => serviceIds[h.Row]).ToList();

        public SearchResults Results(RankedHits hits, SearchPlace? place, int page, int pageSize, Query query)
        {
            var pages = Math.Clamp((hits.Reaching + hits.Elsewhere + pageSize - 1) / pageSize, 1, SearchResults.MaxPages);
            page = Math.Min(page, pages);
            var shown = hits.Services().Skip((page - 1) * pageSize).Take(pageSize)
                .Select(h => new ServiceHit(serviceIds[h.Row], place is null ? Reach.International : h.Reach)).ToList();
            var highlighter = new Lazy<Snippets>(() => new Snippets(searcher.Rewrite(query)));
            // Articles are their own group, on the first page.
            var shownArticles = page > 1 ? [] : hits.Articles()
                .Select(a => new ArticleHit(articleSlugs[a.Row], articleLanguages[a.Row], () => highlighter.Value.Of(articleTexts[a.Row], articleWords[a.Row]))).ToList();
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
