using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Listings;

public sealed record HelpKindInfo(HelpKind Kind, string Slug, string Name, string ShortName, string Sentence, string ArticleSlug);

public static class HelpKinds
{
    public static readonly IReadOnlyList<HelpKindInfo> All =
    [
        new(HelpKind.Therapy, "therapy", "Psychotherapy (in person)", "Therapy",
            "Regular sessions with a trained therapist who helps you understand strong feelings and find safer ways to cope.",
            "psychotherapy"),
        new(HelpKind.OnlineTherapy, "online-therapy", "Online therapy", "Online therapy",
            "Therapy by video, phone or messages with a licensed therapist, from wherever you are.",
            "online-therapy"),
        new(HelpKind.Groups, "groups", "Support and self-help groups", "Groups",
            "Meet other people who understand, in person or online, often led by a trained volunteer.",
            "support-groups"),
        new(HelpKind.Helplines, "helplines", "Helplines and chats", "Helplines",
            "Talk, text or chat with someone trained to listen, often free and open day and night.",
            "helplines-and-chats"),
        new(HelpKind.Forums, "forums", "Online communities and forums", "Communities",
            "Moderated online spaces where people support each other and share what helps.",
            "online-communities"),
    ];

    public static HelpKindInfo Get(HelpKind kind) => All.First(k => k.Kind == kind);

    public static bool TryParse(string? slug, out HelpKindInfo info)
    {
        info = All.FirstOrDefault(k => string.Equals(k.Slug, slug, StringComparison.OrdinalIgnoreCase))!;
        return info is not null;
    }
}
