using System.Text.RegularExpressions;
using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Articles;

/// <summary>Every published article: valid front matter, recent review, references, safe wording, plain reading level.</summary>
public sealed partial class ArticleContentTests
{
    private static readonly string[] MethodWords =
    [
        "blade", "blades", "razor", "razors", "knife", "knives", "scissors", "lighter", "cut", "cuts", "cutting", "burn", "burns",
        "burning", "ligature", "hanging", "overdose", "overdoses", "overdosing", "pills", "tablets", "poison", "poisoning", "bleed",
        "bleeding", "blood", "stitches", "scar", "scars", "wound", "wounds", "vein", "veins",
        // framing that blames or sensationalises
        "attention-seeking", "attention seeking", "manipulative", "failed attempt", "successful attempt", "commit suicide", "committed suicide",
        // framing self-harm as something that works, and coping ideas that imitate it
        "usually helps", "helps in the short term", "does a job", "works as a way", "helps them get through a bad moment", "draw on your skin", "ice cube",
        "rubber band",
    ];

    public static TheoryData<string> ArticleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "articles"), "*.md").Order()) data.Add(Path.GetFileName(file));
        return data;
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(RepoPaths.Content, "articles", file));

    [Fact]
    public void Library_CoversTheRequiredTopics()
    {
        var slugs = ArticleStore.LoadAll(Path.Combine(RepoPaths.Content, "articles")).Keys.ToHashSet();

        Assert.True(slugs.Count >= 18, $"{slugs.Count} articles");
        foreach (var required in new[] { "what-is-self-harm", "why-people-self-harm", "signs-and-how-to-talk", "myths-and-facts", "self-harm-and-suicide",
                     "psychotherapy", "online-therapy", "support-groups", "helplines-and-chats", "online-communities", "dbt", "cbt", "other-therapies",
                     "safety-planning-and-coping", "questions-to-ask-a-therapist", "recovery-and-relapse", "for-professionals" })
            Assert.Contains(required, slugs);
    }

    [Theory]
    [MemberData(nameof(ArticleFiles))]
    public void Article_HasValidFrontMatter_RecentReview_AndReferences(string file)
    {
        var article = ArticleStore.Parse(file, Read(file));

        Assert.Equal(Path.GetFileNameWithoutExtension(file), article.Slug);
        Assert.True(article.Reviewed >= DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2), $"{file} was reviewed {article.Reviewed}");
        Assert.True(article.Reviewed <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1), $"{file} has a future review date");
        Assert.NotEmpty(article.ReferencesHtml);
        Assert.All(article.ReferencesHtml, r => Assert.Matches(@"\b(19|20)\d\d", r));
        Assert.True(article.Toc.Count >= 2, $"{file} needs headings for its table of contents");
    }

    [Theory]
    [MemberData(nameof(ArticleFiles))]
    public void Article_HasNoRawHtml_AndNoMethodOrBlamingWords(string file)
    {
        var text = Read(file);
        var body = text[(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];

        Assert.DoesNotMatch(@"<[a-zA-Z/!]", body);
        foreach (var word in MethodWords)
            Assert.False(Regex.IsMatch(text, $@"\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase), $"{file} contains \"{word}\"");
    }

    [Theory]
    [MemberData(nameof(ArticleFiles))]
    public void Article_ReadsAtGradeTenOrBelow(string file)
    {
        var text = Read(file);
        var body = text[(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];

        var grade = Readability.FleschKincaidGrade(Readability.Prose(body));

        Assert.True(grade <= 10, $"{file}: Flesch-Kincaid grade {grade:0.0}");
    }

    [Theory]
    [InlineData("The cat sat on the mat. The dog ran.", -5.0, 3.0)]
    [InlineData("Interdisciplinary psychotherapeutic interventions demonstrate considerable heterogeneity regarding methodological characteristics.", 15, 60)]
    public void Readability_GradesPlainAndDenseTextApart(string text, double low, double high)
    {
        var grade = Readability.FleschKincaidGrade(text);
        Assert.InRange(grade, low, high);
    }
}

/// <summary>Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. Headings and list items
/// count as sentences; links count as their text; reference lists are not in the body.</summary>
public static partial class Readability
{
    public static string Prose(string markdown)
    {
        var lines = new List<string>();
        var inCode = false;
        foreach (var raw in markdown.Split('\n'))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inCode = !inCode; continue; }
            if (inCode) continue;
            var s = raw.Trim();
            if (s.Length == 0) { lines.Add(""); continue; }
            s = Heading().Replace(s, "");
            s = ListMark().Replace(s, "");
            s = Quote().Replace(s, "");
            s = Link().Replace(s, "$1");
            s = Footnote().Replace(s, "");
            s = Url().Replace(s, "");
            s = Emphasis().Replace(s, " ");
            if (s.Length > 0 && !EndsSentence().IsMatch(s)) s += ".";
            lines.Add(s);
        }
        return string.Join('\n', lines);
    }

    public static double FleschKincaidGrade(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        var sentences = Math.Max(1, SentenceEnd().Matches(text).Count);
        var syllables = words.Sum(Syllables);
        return 0.39 * words.Count / sentences + 11.8 * syllables / Math.Max(1, words.Count) - 15.59;
    }

    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        var n = Vowels().Matches(w).Count;
        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && n > 1) n--;
        return Math.Max(1, n);
    }

    [GeneratedRegex(@"^#{1,6}\s+")] private static partial Regex Heading();
    [GeneratedRegex(@"^([-*+]|\d+\.)\s+")] private static partial Regex ListMark();
    [GeneratedRegex(@"^>\s*")] private static partial Regex Quote();
    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")] private static partial Regex Link();
    [GeneratedRegex(@"\[\^[^\]]*\]:?")] private static partial Regex Footnote();
    [GeneratedRegex(@"https?://\S+")] private static partial Regex Url();
    [GeneratedRegex(@"[*_`|]")] private static partial Regex Emphasis();
    [GeneratedRegex(@"[.!?:]$")] private static partial Regex EndsSentence();
    [GeneratedRegex(@"[A-Za-z]+(?:['’][A-Za-z]+)*")] private static partial Regex Word();
    [GeneratedRegex(@"[.!?:]+(?=\s|$)")] private static partial Regex SentenceEnd();
    [GeneratedRegex("[aeiouy]+")] private static partial Regex Vowels();
}
