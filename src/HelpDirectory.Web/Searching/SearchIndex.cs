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
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Searching;

public sealed record SearchHit(int ServiceId, string ArticleSlug, float Score, string SnippetHtml);

public sealed record SearchResults(IReadOnlyList<SearchHit> Services, IReadOnlyList<SearchHit> Articles);

/// <summary>
/// One full-text index over published listings and articles, in memory (Lucene.Net), so search works the same on any
/// database. It is built on the first search and again on the first search after an editor saves (the site cache tells
/// it). Each text is indexed three ways: English stems, Norwegian stems, and plain words for typo-tolerant (fuzzy)
/// matching; all are lower-cased and folded to ASCII, so case and accents do not matter. Names weigh more than the rest.
/// The query is never logged and never kept after the request.
/// </summary>
public sealed partial class SearchIndex(IServiceScopeFactory scopes, ArticleStore articles, ILogger<SearchIndex> logger) : ISiteChangeListener
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const int MaxWords = 8;
    private static readonly string[] Languages = ["en", "no"];
    private static readonly CharArraySet StopWords = StopSet();
    private static readonly Analyzer Analysis = Analyzer.NewAnonymous((field, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        if (field.EndsWith(".en", StringComparison.Ordinal)) stream = new PorterStemFilter(new EnglishPossessiveFilter(Version, stream));
        else if (field.EndsWith(".no", StringComparison.Ordinal)) stream = new NorwegianLightStemFilter(stream);
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(stream));
    }, Analyzer.PER_FIELD_REUSE_STRATEGY); // one chain per field: the default reuses the first field's chain for all

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IndexSearcher? _searcher;
    private volatile bool _stale = true;

    /// <summary>The index's size in memory after the last build, for the notes on the site's working set.</summary>
    public long SizeInBytes { get; private set; }
    public int Documents { get; private set; }

    public void SiteChanged() => _stale = true;

    public async Task<SearchResults> SearchAsync(string text, CancellationToken ct)
    {
        var searcher = await SearcherAsync(ct);
        var words = Words(text);
        if (words.Count == 0) return new([], []);
        var query = Query(words);
        // Fuzzy clauses become the real words they matched, so the snippet can mark them.
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryTermScorer(searcher.Rewrite(query)))
        {
            TextFragmenter = new SimpleFragmenter(180),
        };
        return new(Find(searcher, query, "service", 200, highlighter), Find(searcher, query, "article", 10, highlighter));
    }

    private static List<SearchHit> Find(IndexSearcher searcher, Query query, string type, int count, Highlighter highlighter)
    {
        var ofType = new BooleanQuery { { query, Occur.MUST }, { new TermQuery(new Term("type", type)) { Boost = 0 }, Occur.MUST } };
        return searcher.Search(ofType, count).ScoreDocs.Select(hit =>
        {
            var doc = searcher.Doc(hit.Doc);
            var body = doc.Get("body") ?? "";
            return new SearchHit(doc.GetField("id")?.GetInt32Value() ?? 0, doc.Get("slug") ?? "", hit.Score, Snippet(highlighter, body));
        }).ToList();
    }

    private static string Snippet(Highlighter highlighter, string body)
    {
        foreach (var field in new[] { "text.plain", "text.en", "text.no" })
        {
            var fragment = highlighter.GetBestFragment(Analysis, field, body);
            if (!string.IsNullOrEmpty(fragment)) return fragment.Trim();
        }
        return WebUtility.HtmlEncode(body.Length <= 180 ? body : body[..body.LastIndexOf(' ', 177)] + "…");
    }

    private static Query Query(IReadOnlyList<string> words)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var clause = new BooleanQuery();
            foreach (var language in Languages)
            {
                foreach (var stem in Tokens("name." + language, word)) clause.Add(new TermQuery(new Term("name." + language, stem)) { Boost = 4 }, Occur.SHOULD);
                foreach (var stem in Tokens("text." + language, word)) clause.Add(new TermQuery(new Term("text." + language, stem)), Occur.SHOULD);
            }
            if (word.Length >= 4)
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
    public static IReadOnlyList<string> Words(string text)
    {
        var all = Tokens("text.plain", text).Distinct(StringComparer.Ordinal).Take(MaxWords * 2).ToList();
        var content = all.Where(w => !StopWords.Contains(w)).ToList();
        return (content.Count > 0 ? content : all).Take(MaxWords).ToList();
    }

    private static List<string> Tokens(string field, string text)
    {
        var tokens = new List<string>();
        using var stream = Analysis.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    private async Task<IndexSearcher> SearcherAsync(CancellationToken ct)
    {
        if (!_stale && _searcher is { } current) return current;
        await _gate.WaitAsync(ct);
        try
        {
            if (_stale || _searcher is null)
            {
                // Cleared before reading, so a save that lands during the build marks the new index stale again.
                _stale = false;
                _searcher = await BuildAsync(ct);
            }
            return _searcher;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IndexSearcher> BuildAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        List<(int Id, string Name, string Organization, HelpKind Kind, string Description)> services;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
            services = (await db.Services.AsNoTracking().Published()
                .Select(s => new { s.Id, s.Name, Organization = s.Organization!.Name, s.Kind, s.Description }).ToListAsync(ct))
                .Select(s => (s.Id, s.Name, s.Organization, s.Kind, s.Description)).ToList();
        }

        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, Analysis)))
        {
            foreach (var s in services)
            {
                // A description is text (restricted Markdown, raw HTML shown as written), so only emphasis marks go.
                var body = WhiteSpace().Replace(s.Description.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal), " ").Trim();
                writer.AddDocument(Document("service", s.Id, "", s.Name, $"{s.Organization} {HelpKinds.Get(s.Kind).Name} {body}", body));
            }
            foreach (var a in articles.All)
            {
                var body = PlainText(a.BodyHtml);
                writer.AddDocument(Document("article", 0, a.Slug, a.Title, $"{a.Summary} {string.Join(' ', a.Tags)} {body}", $"{a.Summary} {body}"));
            }
            writer.Commit();
        }
        SizeInBytes = directory.GetSizeInBytes();
        Documents = services.Count + articles.All.Count;
        var searcher = new IndexSearcher(DirectoryReader.Open(directory));
        // What bench/run reports: how long a rebuild after an editor's save takes, and what the index holds in memory.
        logger.LogInformation("Search index built: {Documents} documents, {Bytes} bytes in {Milliseconds} ms",
            Documents, SizeInBytes, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return searcher;
    }

    private static Document Document(string type, int id, string slug, string name, string text, string body)
    {
        var doc = new Document
        {
            new StringField("type", type, Field.Store.NO),
            new StoredField("id", id),
            new StoredField("slug", slug),
            // The start of the text, kept for the snippet.
            new StoredField("body", body.Length <= 4000 ? body : body[..4000]),
        };
        foreach (var suffix in new[] { "en", "no", "plain" })
        {
            doc.Add(new TextField("name." + suffix, name, Field.Store.NO));
            doc.Add(new TextField("text." + suffix, text, Field.Store.NO));
        }
        return doc;
    }

    // Article bodies are HTML: the index wants their words.
    private static string PlainText(string html) => WhiteSpace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

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
