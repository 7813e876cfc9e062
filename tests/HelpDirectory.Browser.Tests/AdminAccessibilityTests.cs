using HelpDirectory.Browser.Tests.Infrastructure;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Browser.Tests;

/// <summary>The editors' pages, signed in through the real form, checked by axe like the public ones.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminAccessibilityTests(BrowserSite site)
{
    private const string Email = "axe-editor@example.org";
    private const string Password = "a long editor password";

    private async Task EnsureEditorAsync()
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(AdminSetup.EditorRole)) await roles.CreateAsync(new IdentityRole(AdminSetup.EditorRole));
        if (await users.FindByEmailAsync(Email) is not null) return;
        var user = new IdentityUser { UserName = Email, Email = Email, EmailConfirmed = true };
        await users.CreateAsync(user, Password);
        await users.AddToRoleAsync(user, AdminSetup.EditorRole);
    }

    private async Task<int> AnyListingIdAsync()
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HelpDbContext>().Services.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    [Fact]
    public async Task AdminPages_SignedIn_HaveNoWcagViolations()
    {
        await EnsureEditorAsync();
        var id = await AnyListingIdAsync();
        await using var editor = await site.VisitorAsync(Device.Desktop);
        await editor.OpenAsync("/admin/login");
        await editor.Page.FillAsync("#Input_Email", Email);
        await editor.Page.FillAsync("#Input_Password", Password);
        await editor.Page.ClickAsync("main form button[type=submit]");
        await editor.ArrivesAt(site.Url("/admin"));

        foreach (var path in new[] { "/admin", "/admin/services", $"/admin/services/{id}/edit", $"/admin/services/{id}/history", "/admin/services/new" })
        {
            await editor.OpenAsync(path);
            var result = await editor.Page.RunWcagAsync();
            Assert.True(result.Violations.Length == 0, $"{path}: " + result.Describe());
            Assert.NotEmpty(result.Passes);
        }
    }
}
