namespace HelpDirectory.Web.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Content => Path.Combine(Root, "content");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelpDirectory.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("HelpDirectory.sln not found above " + AppContext.BaseDirectory);
    }
}
