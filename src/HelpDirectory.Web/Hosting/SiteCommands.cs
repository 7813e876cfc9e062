using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Hosting;

/// <summary>Commands (create-admin, copy-database) run as `dotnet run --project src/HelpDirectory.Web -- &lt;command&gt; ...`.</summary>
public static class SiteCommands
{
    private static readonly string[] Known = ["create-admin", "copy-database"];

    public static (string[]? Command, string[] SiteArgs) Split(string[] args) =>
        args.Length > 0 && Known.Contains(args[0]) ? (args, []) : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string[] command, TextReader input, TextWriter output, TextWriter error)
    {
        switch (command[0])
        {
            case "create-admin":
                if (!await app.Services.PrepareDatabaseAsync()) return 1;
                return await Editing.CreateAdminCommand.RunAsync(app.Services, command[1..], input, output, error);
            case "copy-database":
                return await CopyDatabaseCommand.RunAsync(app.Services, command[1..], output, error);
            default:
                await error.WriteLineAsync($"Unknown command '{command[0]}'.");
                return 2;
        }
    }
}
