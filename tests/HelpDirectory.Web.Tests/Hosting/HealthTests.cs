using System.Diagnostics;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Hosting;

public sealed class HealthTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_AnswersHealthy_AndNothingElse(string path)
    {
        var client = site.Browser(acceptLanguage: "nb-NO");

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal("Healthy", await first.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.False(second.Headers.Contains("Age"), "a health answer came from the page cache");
    }
}

/// <summary>
/// A node whose database is misconfigured or out of reach does not start: it exits non-zero and says why in one line.
/// The site runs as its own process here, as it would on a server (a test host would be started regardless).
/// </summary>
public sealed class DatabaseStartTests
{
    [Theory]
    [InlineData("Oracle", "Data Source=x.db", "[FTL] Not starting: Database:Provider 'Oracle' is neither Sqlite nor PostgreSQL")]
    [InlineData("PostgreSQL", "", "[FTL] Not starting: Database:Provider is PostgreSQL but ConnectionStrings:HelpDirectory is empty")]
    [InlineData("PostgreSQL", "Host=/nonexistent-helpdirectory;Username=x;Database=y", "[FTL] Not starting: the PostgreSQL database cannot be reached (")]
    public async Task Start_WithABadDatabase_ExitsWithOneLine(string provider, string connectionString, string expected)
    {
        var logs = Path.Combine(Path.GetTempPath(), "helpdirectory-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "HelpDirectory.Web.dll"), "--contentRoot", AppContext.BaseDirectory,
            "--Database:Provider", provider, "--ConnectionStrings:HelpDirectory", connectionString,
            "--Serilog:WriteTo:1:Args:configure:0:Args:path", Path.Combine(logs, "site-.log"),
        }) start.ArgumentList.Add(arg);

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        try { Directory.Delete(logs, recursive: true); } catch (IOException) { }

        Assert.NotEqual(0, node.ExitCode);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines, l => l.Contains("[FTL]", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal("", await error);
    }
}
