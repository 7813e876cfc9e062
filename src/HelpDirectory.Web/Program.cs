using HelpDirectory.Web.Api;
using HelpDirectory.Web.Articles;
using HelpDirectory.Web.Content;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Hosting;
using HelpDirectory.Web.Regions;

// Native memory first, before the host allocates much of it.
NativeHeap.Configure();

// Commands (create-admin, copy-database) run against the same services as the site, then exit.
var (command, siteArgs) = SiteCommands.Split(args);

var builder = WebApplication.CreateBuilder(siteArgs);

builder.AddHelpLogging();
builder.UseBuildOutputStaticAssets();
builder.Services.AddContent(builder.Configuration);
builder.Services.AddHelpData(builder.Configuration, builder.Environment);
builder.Services.AddRegions(builder.Configuration);
builder.Services.AddArticles();
builder.Services.AddAdmin(builder.Configuration, builder.Environment);
builder.Services.AddSite(builder.Configuration);
builder.Services.AddOpenData(builder.Configuration);

var app = builder.Build();

if (command is not null)
{
    return await SiteCommands.RunAsync(app, command, Console.In, Console.Out, Console.Error);
}

app.Services.LoadArticles();
// The words a search looks for to put crisis lines first: a site that cannot read them does not start.
app.Services.GetRequiredService<CrisisQueries>();
if (!await app.Services.PrepareDatabaseAsync()) return 1;

app.UseSite();
app.MapSite();

await app.RunAsync();
return 0;

public partial class Program;
