using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Admin;

public sealed class SignInTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Fact]
    public async Task EveryAdminEndpoint_RefusesAnAnonymousVisitor()
    {
        _ = site.Server;
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => p.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase))
            .Distinct().ToList();
        Assert.True(endpoints.Count >= 8, "admin endpoints found: " + string.Join(", ", endpoints));

        foreach (var pattern in endpoints.Where(p => p.TrimStart('/') is not "admin/login"))
        {
            var url = "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{[^}]+\}", "1");
            var get = await site.Anonymous().GetAsync(url);
            var post = await site.Anonymous().PostAsync(url, new FormUrlEncodedContent([]));

            var location = get.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.ToString()) : "";
            Assert.True(get.StatusCode == System.Net.HttpStatusCode.Redirect && location.StartsWith("/admin/login", StringComparison.Ordinal),
                $"GET {url} answered {(int)get.StatusCode} to an anonymous visitor");
            // Authorization comes before antiforgery and before the page: an anonymous POST is sent to sign in, whatever the page.
            var postLocation = post.Headers.Location is { } p ? (p.IsAbsoluteUri ? p.PathAndQuery : p.ToString()) : "";
            Assert.True(post.StatusCode == System.Net.HttpStatusCode.Redirect && postLocation.StartsWith("/admin/login?ReturnUrl=", StringComparison.Ordinal),
                $"POST {url} answered {(int)post.StatusCode} {postLocation} to an anonymous visitor");
        }
    }

    [Fact]
    public async Task SignIn_SetsAStrictHttpOnlyCookie_AndOpensTheQueue()
    {
        await site.CreateUser("cookie@example.org", AdminSetup.EditorRole);
        var client = site.Anonymous();
        var login = await client.GetPage("/admin/login");

        var result = await client.Submit(login, "form", new Dictionary<string, string> { ["Input.Email"] = "cookie@example.org", ["Input.Password"] = Editors.Password });

        Assert.Equal(302, result.Status);
        var cookie = result.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hd_admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var queue = await client.GetPage("/admin");
        queue.ShouldBe(200);
        Assert.Equal("Editors' queue", queue.Text("main h1"));
    }

    [Theory]
    [InlineData("/admin/services", "/admin/services")]
    [InlineData("/admin/services?status=draft", "/admin/services?status=draft")]
    [InlineData("/admin", "/admin")]
    [InlineData("/admin/\u202e", "/admin")]
    [InlineData("/admin/\u0085", "/admin")]
    [InlineData("/admin/\r\nSet-Cookie: x=1", "/admin")]
    [InlineData("/admin/\u001b[2J", "/admin")]
    [InlineData("/admin/caf\u00e9", "/admin")]
    [InlineData("//evil.example", "/admin")]
    [InlineData("/\\evil.example", "/admin")]
    [InlineData("/admin/\\evil.example", "/admin")]
    [InlineData("https://evil.example", "/admin")]
    [InlineData("javascript:alert(1)", "/admin")]
    [InlineData("/admin/../evil", "/admin")]
    [InlineData("/admin/%2e%2e/evil", "/admin")]
    [InlineData("/administrator", "/admin")]
    [InlineData("/", "/admin")]
    [InlineData("", "/admin")]
    public async Task SignIn_WithAReturnAddress_GoesThereOnlyIfItIsAPlainAdminPath(string returnUrl, string expected)
    {
        await site.CreateUser("return@example.org", AdminSetup.EditorRole);
        var client = site.Anonymous();
        var login = await client.GetPage("/admin/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        login.ShouldBe(200);

        var result = await client.Submit(login, "form", new Dictionary<string, string> { ["Input.Email"] = "return@example.org", ["Input.Password"] = Editors.Password });

        result.ShouldBe(302);
        Assert.Equal(expected, result.Response.Headers.Location?.OriginalString);
        Assert.Contains(result.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hd_admin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WrongPassword_FiveTimes_LocksTheAccount()
    {
        await site.CreateUser("lock@example.org", AdminSetup.EditorRole);
        var client = site.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.Submit(await client.GetPage("/admin/login"), "form", new Dictionary<string, string> { ["Input.Email"] = "lock@example.org", ["Input.Password"] = "not the password at all" });
            Assert.Equal(200, wrong.Status);
        }

        var right = await client.Submit(await client.GetPage("/admin/login"), "form", new Dictionary<string, string> { ["Input.Email"] = "lock@example.org", ["Input.Password"] = Editors.Password });

        Assert.Equal(200, right.Status);
        Assert.Contains("locked for 15 minutes", right.Text(".notice.error"));
        using var scope = site.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("lock@example.org");
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task Editor_OnAdminOnlyPage_Gets403_AndAdminGets200()
    {
        var editor = await site.SignedIn("editor403@example.org", AdminSetup.EditorRole);
        var admin = await site.SignedIn("admin200@example.org", AdminSetup.AdminRole);

        var denied = await editor.GetPage("/admin/users");
        var allowed = await admin.GetPage("/admin/users");

        denied.ShouldBe(403);
        Assert.Equal("You do not have access to this page", denied.Text("main h1"));
        allowed.ShouldBe(200);
        Assert.Contains(allowed.All("#users td"), td => td.TextContent == "editor403@example.org");
    }

    [Fact]
    public async Task Admin_AddsAndDisablesAnEditor_WhoCanThenNoLongerSignIn()
    {
        var admin = await site.SignedIn("admin-users@example.org", AdminSetup.AdminRole);
        var added = await admin.Submit(await admin.GetPage("/admin/users"), "form[action*='handler=Add']",
            new Dictionary<string, string> { ["Input.Email"] = "new-editor@example.org", ["Input.Password"] = "a long enough password", ["Input.Role"] = "Editor" }, handler: null);
        Assert.Equal(302, added.Status);

        var list = await admin.GetPage("/admin/users");
        var row = list.All("#users tr").Single(tr => tr.TextContent.Contains("new-editor@example.org", StringComparison.Ordinal));
        var id = row.QuerySelector("input[name=id]")!.GetAttribute("value")!;
        var disabled = await admin.PostForm("/admin/users?handler=Disable", [new("id", id), new("__RequestVerificationToken", list.Required("input[name=__RequestVerificationToken]").GetAttribute("value")!)]);
        Assert.Equal(302, disabled.Status);

        var client = site.Anonymous();
        var attempt = await client.Submit(await client.GetPage("/admin/login"), "form", new Dictionary<string, string> { ["Input.Email"] = "new-editor@example.org", ["Input.Password"] = "a long enough password" });
        Assert.Equal(200, attempt.Status);
        Assert.Contains("Disabled", (await admin.GetPage("/admin/users")).All("#users tr").Single(tr => tr.TextContent.Contains("new-editor@example.org", StringComparison.Ordinal)).TextContent);
    }
}

public sealed class SignInRateLimitTests(StrictSignInSiteFactory site) : IClassFixture<StrictSignInSiteFactory>
{
    [Fact]
    public async Task SignIn_TooManyAttempts_Answers429()
    {
        var client = site.Anonymous();
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++) statuses.Add((int)(await client.GetAsync("/admin/login")).StatusCode);

        Assert.Equal([200, 200, 200, 429, 429], statuses);
    }
}

public sealed class CreateAdminCommandTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    private async Task<(int Code, string Out, string Error)> Run(string[] args, string stdin)
    {
        _ = site.Server;
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CreateAdminCommand.RunAsync(site.Services, args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task CreateAdmin_FromStandardInput_CreatesAnAdminWhoCanSignIn()
    {
        var (code, output, _) = await Run(["first-admin@example.org"], "a strong passphrase here\n");

        Assert.Equal(0, code);
        Assert.Contains("Created admin first-admin@example.org", output);
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync("first-admin@example.org");
        Assert.True(await users.IsInRoleAsync(user!, AdminSetup.AdminRole));
        Assert.True(await users.CheckPasswordAsync(user!, "a strong passphrase here"));
    }

    [Fact]
    public async Task CreateAdmin_WeakPassword_FailsClearly()
    {
        var (code, _, error) = await Run(["weak@example.org"], "short\n");

        Assert.Equal(1, code);
        Assert.Contains("at least 12 characters", error);
    }

    [Fact]
    public async Task CreateAdmin_ExistingEmail_FailsClearly()
    {
        await Run(["twice@example.org"], "a strong passphrase here\n");
        var (code, _, error) = await Run(["twice@example.org"], "another strong passphrase\n");

        Assert.Equal(1, code);
        Assert.Contains("already exists", error);
    }

    [Fact]
    public async Task CreateAdmin_NoEmail_ShowsUsage()
    {
        var (code, _, error) = await Run([], "");

        Assert.Equal(2, code);
        Assert.Contains("Usage: create-admin <email>", error);
    }
}
