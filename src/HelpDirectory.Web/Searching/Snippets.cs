using System.Net;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace HelpDirectory.Web.Searching;

/// <summary>The passage of a text that matched a search, HTML-encoded, with the matched words in &lt;mark&gt;. Made once
/// per search, for the results shown only.</summary>
internal sealed class Snippets(Query rewritten)
{
    private const int Length = 180;
    private static readonly string[] Fields = ["text.plain", "text.en", "text.no"];

    // Fuzzy clauses, rewritten, are the real words they matched, so the snippet can mark them.
    private readonly Highlighter _highlighter = new(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryTermScorer(rewritten))
    {
        TextFragmenter = new SimpleFragmenter(Length),
    };

    public string Of(string text)
    {
        foreach (var field in Fields)
        {
            var fragment = _highlighter.GetBestFragment(SearchIndex.Analysis, field, text);
            if (!string.IsNullOrEmpty(fragment)) return fragment.Trim();
        }
        if (text.Length <= Length) return WebUtility.HtmlEncode(text);
        var cut = text.LastIndexOf(' ', Length - 3);
        return WebUtility.HtmlEncode(text[..(cut > 0 ? cut : Length - 3)] + "…");
    }
}
