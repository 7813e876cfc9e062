using HelpDirectory.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using HelpDirectory.Web.Hosting;
using Serilog.Core;
using Serilog.Events;

namespace HelpDirectory.Web.Tests.Infrastructure;

/// <summary>
/// The real site over real HTTP, on its own SQLite file, or its own PostgreSQL database in the PostgreSQL run
/// (<see cref="TestPostgres"/>). By default it loads the published seed in content/; the fixture variant replaces only the
/// services with the example listings in Fixtures/services.json.
/// </summary>
public class HelpSiteFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdirectory-tests", Guid.NewGuid().ToString("N"));

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero)); // a Wednesday
    public LogCapture Logs { get; } = new();

    /// <summary>Where the site's rolling log file is written.</summary>
    public string LogFolder => Path.Combine(_folder, "logs");

    protected virtual string? ServicesFile => null;

    /// <summary>Whether this site runs on PostgreSQL; the SQLite-only tests' factories say no.</summary>
    protected virtual bool OnPostgreSql => TestPostgres.Selected;

    /// <summary>
    /// The PostgreSQL database this site made for itself and drops when disposed. Set it to another site's to make this
    /// one another node of that site: the same database, its own process (caches, sessions, listener).
    /// </summary>
    public string? PostgreSqlDatabase { get => _postgreSqlDatabase; init => _postgreSqlDatabase = value; }

    private string? _postgreSqlDatabase;
    private bool _ownsDatabase;

    protected virtual int SignInAttemptsPerMinute => 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        if (PostgreSqlDatabase is null && OnPostgreSql)
        {
            _postgreSqlDatabase = TestPostgres.CreateDatabase();
            _ownsDatabase = true;
        }
        if (PostgreSqlDatabase is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:HelpDirectory", PostgreSqlDatabase);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:HelpDirectory", $"Data Source={Path.Combine(_folder, "site.db")}");
        }
        // Not UseSetting: a setting passed that way gives every parent key an empty value, and Serilog would read the
        // wrapped file sink's entry as a sink named "".
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:1:Args:configure:0:Args:path"] = Path.Combine(LogFolder, "site-.log"),
        }));
        builder.UseSetting("Site:QuickExitUrl", "https://neutral.example/");
        builder.UseSetting("Admin:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Admin:ReportsPerHour", "1000");
        // An in-memory test server has no address to warm itself through (WarmUpTests start a real process for that).
        builder.UseSetting("Hosting:WarmUp", "false");
        if (ServicesFile is { } file) builder.UseSetting("Content:ServicesFile", file);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Serilog picks up every registered sink (ReadFrom.Services).
            services.AddSingleton<ILogEventSink>(Logs);
        });
    }

    public HttpClient Browser(string? acceptLanguage = null, string? regionCookie = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (acceptLanguage is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        if (regionCookie is not null) client.DefaultRequestHeaders.Add("Cookie", $"region={regionCookie}");
        return client;
    }

    public async Task WithDb(Func<HelpDbContext, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<HelpDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (_ownsDatabase && PostgreSqlDatabase is not null)
        {
            _ownsDatabase = false;
            TestPostgres.DropDatabase(PostgreSqlDatabase);
        }
    }
}

/// <summary>The published regions and crisis lines, with example listings (never published) instead of the real ones.</summary>
public class FixtureSiteFactory : HelpSiteFactory
{

    protected override string ServicesFile => Path.Combine(AppContext.BaseDirectory, "Fixtures", "services.json");
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Every event the site logs, as the event and as the line the console and file write for it.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly List<LogEvent> _events = [];
    private readonly LogLineFormatter _formatter = new();

    public IReadOnlyList<LogEvent> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    /// <summary>Each event so far as the site's formatter writes it.</summary>
    public IReadOnlyList<string> Lines => Events.Select(Render).ToList();

    /// <summary>The text the site's formatter writes for every event so far.</summary>
    public string Text => string.Concat(Events.Select(Render));

    public void Emit(LogEvent logEvent)
    {
        lock (_events) _events.Add(logEvent);
    }

    public string Render(LogEvent logEvent)
    {
        var output = new StringWriter();
        _formatter.Format(logEvent, output);
        return output.ToString();
    }

    /// <summary>The request line is written once the response has gone, which can be just after the client has it.</summary>
    public async Task<LogEvent> WaitForRequest(string method, string route, int status)
    {
        for (var waited = 0; waited < 5000; waited += 20)
        {
            var found = Events.LastOrDefault(e => e.MessageTemplate.Text == LoggingSetup.RequestTemplate
                && Scalar(e, "RequestMethod") as string == method && Scalar(e, "RoutePattern") as string == route && Scalar(e, "StatusCode") is int s && s == status);
            if (found is not null) return found;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"No request line for {method} {route} {status} in:\n{Text}");
    }

    public static object? Scalar(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue scalar ? scalar.Value : null;
}

/// <summary>The fixture site with the real, strict sign-in rate limit.</summary>
public sealed class StrictSignInSiteFactory : FixtureSiteFactory
{
    protected override int SignInAttemptsPerMinute => 3;
}

/// <summary>The published regions and crisis lines with no listings at all: the empty database an import starts from.</summary>
public sealed class EmptySiteFactory : HelpSiteFactory
{
    protected override string ServicesFile => Path.Combine(AppContext.BaseDirectory, "Fixtures", "no-services.json");
}
