using HelpDirectory.Web.Data;
using HelpDirectory.Web.Localization;

namespace HelpDirectory.Web.Listings;

/// <summary>One of the five kinds of help. Its words are in the reader's language (SiteText: Kind.{slug}.Name,
/// .ShortName, .Sentence); its slug and article are the same in every language.</summary>
public sealed record HelpKindInfo(HelpKind Kind, string Slug, string ArticleSlug)
{
    public string Name => Text.Get($"Kind.{Slug}.Name");
    public string ShortName => Text.Get($"Kind.{Slug}.ShortName");
    public string Sentence => Text.Get($"Kind.{Slug}.Sentence");
}

public static class HelpKinds
{
    public static readonly IReadOnlyList<HelpKindInfo> All =
    [
        new(HelpKind.Therapy, "therapy", "psychotherapy"),
        new(HelpKind.OnlineTherapy, "online-therapy", "online-therapy"),
        new(HelpKind.Groups, "groups", "support-groups"),
        new(HelpKind.Helplines, "helplines", "helplines-and-chats"),
        new(HelpKind.Forums, "forums", "online-communities"),
    ];
    public static HelpKindInfo Get(HelpKind kind) => All.First(k => k.Kind == kind);

    public static bool TryParse(string? slug, out HelpKindInfo info)
    {
        info = All.FirstOrDefault(k => string.Equals(k.Slug, slug, StringComparison.OrdinalIgnoreCase))!;
        return info is not null;
    }
}
