using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>
/// A node renders each kind of page before /readyz says it is ready, so the load balancer never sends a spike to a cold
/// node. The site runs as its own process listening on a port (the warm-up calls itself over HTTP).
/// </summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task Readyz_TurnsReady_OnlyAfterEachKindOfPageWasRendered()
    {
        var folder = Path.Combine(Path.GetTempPath(), "helpdirectory-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "HelpDirectory.Web.dll"), "--contentRoot", AppContext.BaseDirectory,
            "--urls", $"http://127.0.0.1:{port}", "--Database:Provider", "Sqlite",
            "--ConnectionStrings:HelpDirectory", $"Data Source={Path.Combine(folder, "site.db")}",
            "--Content:Path", RepoPaths.Content,
            "--Serilog:WriteTo:1:Args:configure:0:Args:path", Path.Combine(folder, "site-.log"),
        }) start.ArgumentList.Add(arg);
        using var node = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        node.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        string Output() { lock (output) return output.ToString(); }
        node.BeginOutputReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (true)
            {
                // The messages are built only on failure: the output is still being written by the site.
                if (DateTime.UtcNow >= deadline) Assert.Fail($"/readyz never turned ready:\n{Output()}");
                if (node.HasExited) Assert.Fail($"the site exited:\n{Output()}");
                int status;
                try { status = (int)(await http.GetAsync("/readyz")).StatusCode; }
                catch (HttpRequestException) { status = 0; }
                catch (TaskCanceledException) { status = 0; }
                if (status == 200) break;
                await Task.Delay(20);
            }
            await Task.Delay(500); // the console line may still be on its way through the pipe
            var log = Output();
            var warm = Assert.Single(log.Split('\n'), l => l.Contains("Warm-up: ", StringComparison.Ordinal));
            Assert.Matches(@"Warm-up: \d{2} pages rendered in \d+ ms \(0 failed\)", warm);
        }
        finally
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [InlineData("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 503)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello", 200)]
    [InlineData("hello, this is not HTTP\r\n", null)]
    public async Task WarmUpRequest_SendsTheUncachedCookie_AndReadsTheStatus(string answer, int? expected)
    {
        // The warm-up's own small HTTP/1.1 GET (no HttpClient on a node), against a listener that answers as given.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            var served = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                var request = new System.Text.StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer);
                    if (read == 0) break;
                    request.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
                }
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(answer));
                return request.ToString();
            });

            var status = await HelpDirectory.Web.Hosting.WarmUp.LocalGetAsync(new Uri($"http://127.0.0.1:{port}"), "/nb/help/no?free=true", CancellationToken.None);

            Assert.Equal(expected, status);
            var sent = await served;
            Assert.StartsWith("GET /nb/help/no?free=true HTTP/1.1\r\n", sent);
            Assert.Contains("\r\nCookie: warm-up=1\r\n", sent);
            Assert.Contains($"\r\nHost: 127.0.0.1:{port}\r\n", sent);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Readyz_IsNotReady_WhileTheNodeIsCold()
    {
        await using var site = new HelpSiteFactory();
        var client = site.Browser();
        Assert.Equal(200, (int)(await client.GetAsync("/readyz")).StatusCode);

        var start = site.Services.GetRequiredService<HelpDirectory.Web.Hosting.StartState>();
        start.Warm = false;
        Assert.Equal(503, (int)(await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(200, (int)(await client.GetAsync("/healthz")).StatusCode);
        start.Warm = true;
        Assert.Equal(200, (int)(await client.GetAsync("/readyz")).StatusCode);
    }
}
