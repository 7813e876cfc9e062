using NetArchTest.Rules;

namespace HelpDirectory.Web.Tests.Architecture;

/// <summary>
/// The folders of the web project depend on each other in one direction only, as ARCHITECTURE.md draws it. A new
/// dependency that runs the other way fails here, naming the types that take it.
/// </summary>
public sealed class FolderDependencyTests
{
    private const string Root = "HelpDirectory.Web";

    // Each folder and the folders it may use. Anything of ours not listed is forbidden. Keep ARCHITECTURE.md the same.
    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        ["Data"] = [],
        ["Content"] = [],
        ["Localization"] = ["Data"],
        ["Regions"] = ["Localization", "Data"],
        ["Listings"] = ["Localization", "Data", "Regions"],
        ["Articles"] = ["Localization", "Data", "Content", "Listings"],
        ["Caching"] = ["Localization", "Regions"],
        ["Searching"] = ["Localization", "Data", "Listings", "Articles", "Caching"],
        ["Editing"] = ["Localization", "Data", "Content", "Regions", "Listings", "Caching"],
        ["Pages"] = ["Localization", "Data", "Regions", "Listings", "Articles", "Caching", "Editing", "Searching"],
        ["Areas"] = ["Localization", "Data", "Regions", "Listings", "Articles", "Caching", "Editing"],
        ["Api"] = ["Localization", "Data", "Regions", "Listings", "Caching", "Editing", "Searching"],
        ["Discovery"] = ["Localization", "Data", "Regions", "Listings", "Articles"],
        ["Hosting"] = ["Localization", "Data", "Content", "Regions", "Listings", "Articles", "Caching", "Editing", "Searching", "Pages", "Areas", "Api", "Discovery"],
    };

    public static TheoryData<string> Folders => [.. MayUse.Keys];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_UsesOnlyTheFoldersBelowIt(string folder)
    {
        var forbidden = MayUse.Keys.Where(f => f != folder && !MayUse[folder].Contains(f)).Select(f => $"{Root}.{f}").ToArray();

        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace($"{Root}.{folder}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        Assert.True(result.IsSuccessful,
            $"{folder} may use only {string.Join(", ", MayUse[folder].DefaultIfEmpty("nothing of ours"))}, but these types use more: " +
            string.Join(", ", (result.FailingTypes ?? []).Select(t => t.FullName)));
    }

    [Fact]
    public void EveryFolderOfTheProject_IsInTheTable()
    {
        var namespaces = Types.InAssembly(typeof(Program).Assembly).GetTypes()
            .Select(t => t.ReflectionType.Namespace).OfType<string>()
            .Where(n => n.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(n => n[(Root.Length + 1)..].Split('.')[0])
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Empty(namespaces.Except(MayUse.Keys));
    }

    [Fact]
    public void TheTable_IsAcyclic()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        void Visit(string folder, string path)
        {
            Assert.True(visiting.Add(folder), $"Cycle: {path} -> {folder}");
            foreach (var next in MayUse[folder].Where(n => !done.Contains(n))) Visit(next, $"{path} -> {folder}");
            visiting.Remove(folder);
            done.Add(folder);
        }
        foreach (var folder in MayUse.Keys) Visit(folder, "");
    }
}
