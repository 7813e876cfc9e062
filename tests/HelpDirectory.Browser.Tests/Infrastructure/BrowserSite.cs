using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace HelpDirectory.Browser.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}

/// <summary>
/// The real site on Kestrel on a loopback port, with its own SQLite file loaded with the published seed, the neutral
/// stub site, and one headless Debian Chromium shared by every browser test (each test gets a fresh context).
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private static readonly string[] ChromiumPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdirectory-browser-tests", Guid.NewGuid().ToString("N"));
    private SiteFactory? _site;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserSite(IMessageSink messages)
    {
        ScreenshotFolder = Path.Combine(RepoRoot(), "TestResults", "screenshots");
        messages.OnMessage(new DiagnosticMessage("Browser test screenshots: {0}", ScreenshotFolder));
    }

    public NeutralSite Neutral { get; } = new();
    public Uri Address { get; private set; } = null!;
    public string ScreenshotFolder { get; }
    public IServiceProvider Services => _site!.Services;
    public IBrowser Browser => _browser!;

    public async Task InitializeAsync()
    {
        var chromium = ChromiumPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed: run `apt-get install -y chromium` (see .ci/run). Nothing is downloaded.");

        await Neutral.StartAsync();
        Directory.CreateDirectory(_folder);
        _site = new SiteFactory(_folder, Neutral.ExitUrl);
        _site.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _site.StartServer();
        var addresses = _site.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Address = new Uri(addresses.Single());

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            // Playwright turns the back/forward cache off; visitors' browsers have it on, and quick exit must cope with it.
            IgnoreDefaultArgs = ["--disable-back-forward-cache"],
        });
    }

    public async Task<Visitor> VisitorAsync(Device? device = null)
    {
        device ??= Device.Desktop;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = device.Locale,
            JavaScriptEnabled = device.JavaScript,
            ViewportSize = new ViewportSize { Width = device.Width, Height = device.Height },
            DeviceScaleFactor = device.Scale,
            IsMobile = device.Mobile,
            HasTouch = device.Mobile,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return await Visitor.StartAsync(this, context);
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    /// <summary>
    /// The published seed has no place with more than one page of any kind of help, so pagination is proven on example
    /// helplines added for one country that no other browser test looks at.
    /// </summary>
    public async Task<string> PlaceWithManyHelplinesAsync()
    {
        await _manyListings.WaitAsync();
        try
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
            if (!await db.Services.AnyAsync(s => s.Slug.StartsWith("example-helpline-")))
            {
                var organization = new Organization { Key = "example-organisation", Name = "Example organisation" };
                for (var i = 1; i <= ManyListings; i++)
                {
                    organization.Services.Add(new Service
                    {
                        Slug = $"example-helpline-{i:00}",
                        Name = $"Example helpline {i:00}",
                        Kind = HelpKind.Helplines,
                        Description = "An example listing used by the browser tests.",
                        ContactMethods = ContactMethods.Web,
                        Is24x7 = true,
                        Cost = CostKind.Free,
                        Audiences = Audiences.All,
                        Status = ListingStatus.Published,
                        UpdatedAt = DateTime.UtcNow,
                        Areas = [new ServiceArea { Scope = AreaScope.Country, CountryCode = "PY" }],
                    });
                }
                db.Add(organization);
                await db.SaveChangesAsync();
                // Other tests may have loaded the page already: drop cached pages as an editor's publish would.
                await scope.ServiceProvider.GetRequiredService<HelpDirectory.Web.Caching.SiteCache>().InvalidateAsync();
            }
            return "/help/py/helplines";
        }
        finally
        {
            _manyListings.Release();
        }
    }

    public const int ManyListings = 25;
    private readonly SemaphoreSlim _manyListings = new(1, 1);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_site is not null) await _site.DisposeAsync();
        await Neutral.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelpDirectory.sln"))) return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }

    private sealed class SiteFactory(string folder, string exitUrl) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:HelpDirectory", $"Data Source={Path.Combine(folder, "site.db")}");
            // Not UseSetting: a setting passed that way gives every parent key an empty value, and Serilog would read the
            // wrapped file sink's entry as a sink named "".
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:WriteTo:1:Args:configure:0:Args:path"] = Path.Combine(folder, "logs", "site-.log"),
                // The Norwegian pages' own neutral page would be a third party's: the tests' neutral site stands in.
                ["Languages:1:QuickExitUrl"] = exitUrl,
            }));
            builder.UseSetting("Site:QuickExitUrl", exitUrl);
            // Every report form is opened by several tests (each page in both languages, each device); read at start, so
            // set here rather than with the configuration above.
            builder.UseSetting("Admin:ReportsPerHour", "1000");
        }
    }
}

/// <summary>How a visitor's browser is set up: language, JavaScript, screen.</summary>
public sealed record Device(string Name, int Width, int Height, float Scale = 1, bool Mobile = false, string Locale = "en-GB", bool JavaScript = true)
{
    public static readonly Device Desktop = new("desktop", 1280, 800);
    public static readonly Device Phone = new("mobile", 375, 812, Scale: 2, Mobile: true);
    /// <summary>WCAG 1.4.10 reflow: 320 CSS pixels wide, a small phone.</summary>
    public static readonly Device Narrow = new("320px", 320, 568, Scale: 2, Mobile: true);
    /// <summary>A 1280 x 720 desktop window at 200% browser zoom: the page lays out in 640 x 360 CSS pixels at 2 device pixels each, as Chrome's zoom does.</summary>
    public static readonly Device Zoom200 = new("zoom-200", 640, 360, Scale: 2);

    public Device WithLocale(string locale) => this with { Locale = locale };
    public Device WithoutJavaScript() => this with { JavaScript = false };
}
