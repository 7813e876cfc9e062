namespace HelpDirectory.Web.Caching;

/// <summary>Endpoint metadata for answers that do not depend on the visitor's region (the open API): the page cache keeps
/// one entry for every region, and accepts these query parameters besides the pages' own.</summary>
public sealed class AnswerForEveryRegion(params string[] queryKeys)
{
    public IReadOnlySet<string> QueryKeys { get; } = new HashSet<string>(queryKeys, StringComparer.OrdinalIgnoreCase);
}
