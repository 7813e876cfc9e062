using System.Net;
using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HelpDirectory.Web.Searching;

/// <summary>The passage of a text that matched a search, HTML-encoded, with the matched words in &lt;mark&gt;. Made once
/// per search, for the results shown only. Each word is marked where one of the text's three readings (plain, English
/// stem, Norwegian stem) is a term the query looked for in that reading; the passage is the stretch with most marks.</summary>
internal sealed class Snippets
{
    private const int Length = 180;
    private static readonly string[] Fields = ["text.plain", "text.en", "text.no"];

    private readonly Dictionary<string, HashSet<string>> _terms = [];

    /// <param name="rewritten">The query as searched, rewritten: fuzzy clauses become the real words they matched, so
    /// the snippet can mark those too.</param>
    public Snippets(Query rewritten)
    {
        var terms = new HashSet<Term>();
        rewritten.ExtractTerms(terms);
        foreach (var term in terms)
        {
            // Names are searched in the same readings as the text; a word found in a name is marked in the text too.
            var field = "text." + term.Field[(term.Field.IndexOf('.') + 1)..];
            if (!_terms.TryGetValue(field, out var set)) _terms[field] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(term.Text);
        }
    }

    /// <param name="read">The text's words, when they were read before (<see cref="Read"/>).</param>
    public string Of(string text, Token[]? read = null)
    {
        var marks = Marks(text, read);
        if (marks.Count == 0) return Encode(text, 0, Math.Min(text.Length, Length), [], true);

        // The window of Length characters that holds the most marks, starting a little before its first.
        var best = 0;
        var bestCount = 0;
        for (var i = 0; i < marks.Count; i++)
        {
            var count = 0;
            for (var j = i; j < marks.Count && marks[j].End <= marks[i].Start + Length - 20; j++) count++;
            if (count > bestCount) (best, bestCount) = (i, count);
        }
        var start = marks[best].Start <= 40 ? 0 : text.LastIndexOf(' ', marks[best].Start - 20) + 1;
        return Encode(text, start, Math.Min(text.Length, start + Length), marks, start == 0);
    }

    /// <summary>A word of a text in one of its readings (an index into the fields), where it stands in the text.</summary>
    internal readonly record struct Token(int Start, int End, int Field, string Term);

    /// <summary>A text's words in all three readings, read once for a text that is shown often (an article).</summary>
    public static Token[] Read(string text, Func<string, string> share)
    {
        var tokens = new List<Token>();
        for (var f = 0; f < Fields.Length; f++)
        {
            using var stream = SearchIndex.Analysis.GetTokenStream(Fields[f], text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) tokens.Add(new Token(offset.StartOffset, offset.EndOffset, f, share(term.ToString())));
            stream.End();
        }
        return [.. tokens];
    }

    private List<(int Start, int End)> Marks(string text, Token[]? read)
    {
        var marks = new List<(int Start, int End)>();
        if (read is not null)
        {
            var byField = Fields.Select(f => _terms.GetValueOrDefault(f)).ToArray();
            foreach (var token in read)
            {
                if (byField[token.Field] is { } terms && terms.Contains(token.Term)) marks.Add((token.Start, token.End));
            }
        }
        else
        {
            foreach (var field in Fields)
            {
                if (!_terms.TryGetValue(field, out var terms)) continue;
                var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
                using var stream = SearchIndex.Analysis.GetTokenStream(field, text);
                var term = stream.AddAttribute<ICharTermAttribute>();
                var offset = stream.AddAttribute<IOffsetAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                    if (lookup.Contains(term.Buffer.AsSpan(0, term.Length))) marks.Add((offset.StartOffset, offset.EndOffset));
                }
                stream.End();
            }
        }
        marks.Sort();
        // The same word marked in two readings is one mark.
        var merged = new List<(int Start, int End)>(marks.Count);
        foreach (var m in marks)
        {
            if (merged.Count > 0 && m.Start < merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, m.End));
            else merged.Add(m);
        }
        return merged;
    }

    // The text from start to end (cut back to a space), encoded, with the marks inside it wrapped.
    private static string Encode(string text, int start, int end, List<(int Start, int End)> marks, bool atStart)
    {
        var cut = end < text.Length;
        if (cut)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            if (space > start) end = space;
        }
        var html = new StringBuilder(end - start + 32);
        if (!atStart) html.Append('…');
        var at = start;
        foreach (var (markStart, markEnd) in marks)
        {
            if (markStart < start || markEnd > end) continue;
            html.Append(WebUtility.HtmlEncode(text[at..markStart])).Append("<mark>").Append(WebUtility.HtmlEncode(text[markStart..markEnd])).Append("</mark>");
            at = markEnd;
        }
        html.Append(WebUtility.HtmlEncode(text[at..end]));
        if (cut) html.Append('…');
        return html.ToString().Trim();
    }
}
