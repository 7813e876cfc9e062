using HelpDirectory.Web.Listings;

namespace HelpDirectory.Web.Searching;

/// <summary>What one search found: the page of services asked for (those that reach the place first, then those that
/// do not), how many there are of each, the best articles, and the snippet of a shown description.</summary>
public sealed class SearchResults(IReadOnlyList<ServiceHit> services, int reaching, int elsewhere, int page, int pages,
    IReadOnlyList<ArticleHit> articles, Func<string, string> snippet)
{
    /// <summary>No more pages than this are offered: a search this broad is better narrowed than read to the end.</summary>
    public const int MaxPages = 50;

    public static readonly SearchResults None = new([], 0, 0, 1, 1, [], _ => "");

    /// <summary>The page's services, in order.</summary>
    public IReadOnlyList<ServiceHit> Services => services;

    /// <summary>All the services found that reach the place (every one found, when no place was given).</summary>
    public int Reaching => reaching;

    /// <summary>All the services found that do not reach the place.</summary>
    public int Elsewhere => elsewhere;

    public int Page => page;
    public int Pages => pages;
    public IReadOnlyList<ArticleHit> Articles => articles;

    /// <summary>The passage of a shown service's description that matched, HTML-encoded with the matched words in
    /// &lt;mark&gt;. Only the page's cards are highlighted.</summary>
    public string Snippet(string description) => snippet(description);
}
