using HelpDirectory.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace HelpDirectory.Web.Tests.Infrastructure;

/// <summary>
/// The real site over real HTTP, on its own SQLite file. By default it loads the published seed in content/; the
/// fixture variant replaces only the services with the example listings in Fixtures/services.json.
/// </summary>
public class HelpSiteFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdirectory-tests", Guid.NewGuid().ToString("N"));

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero)); // a Wednesday
    public LogCapture Logs { get; } = new();

    protected virtual string? ServicesFile => null;

    protected virtual int SignInAttemptsPerMinute => 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:HelpDirectory", $"Data Source={Path.Combine(_folder, "site.db")}");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_folder, "logs", "site-.log"));
        builder.UseSetting("Site:QuickExitUrl", "https://neutral.example/");
        builder.UseSetting("Admin:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Admin:ReportsPerHour", "1000");
        if (ServicesFile is { } file) builder.UseSetting("Content:ServicesFile", file);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public HttpClient Browser(string? acceptLanguage = null, string? regionCookie = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (acceptLanguage is not null) client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
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

public sealed class LogCapture : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.ToList(); }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)} {exception}";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                line += " | " + string.Join(" ", values.Select(v => $"{v.Key}={v.Value}"));
            lock (owner._lines) owner._lines.Add(line);
        }
    }
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
