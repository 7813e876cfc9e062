using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Infrastructure;

public static class Forms
{
    /// <summary>
    /// Submits a form the way a browser would: every named field with its current value (checked boxes only, selected
    /// options, the antiforgery token), with the given fields replaced. A key given more than once (checkbox lists) is
    /// written as "name" with values separated by "\u001f".
    /// </summary>
    public static Task<Page> Submit(this HttpClient client, Page page, string formSelector, IDictionary<string, string>? set = null, string? handler = null)
    {
        var form = page.Required(formSelector) as IHtmlFormElement ?? throw new Xunit.Sdk.XunitException($"{formSelector} is not a form");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) fields.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "submit" or "button" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        foreach (var (key, value) in set ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == key);
            foreach (var v in value.Split('\u001f')) if (v.Length > 0 || !value.Contains('\u001f', StringComparison.Ordinal)) fields.Add(new(key, v));
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Response.RequestMessage!.RequestUri!.PathAndQuery;
        if (handler is not null) action += (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        return client.PostForm(action, fields);
    }

    public static async Task<Page> FollowRedirect(this HttpClient client, Page page)
    {
        Assert.True(page.Status is 302 or 303, $"Expected a redirect, got {page.Status}:\n{page.Body}");
        return await client.GetPage(page.Response.Headers.Location!.ToString());
    }
}

public static class Editors
{
    public const string Password = "correct horse battery staple";

    public static async Task CreateUser(this HelpSiteFactory site, string email, string role)
    {
        _ = site.Server; // starts the site, which migrates the database
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var r in new[] { AdminSetup.EditorRole, AdminSetup.AdminRole })
            if (!await roles.RoleExistsAsync(r)) await roles.CreateAsync(new IdentityRole(r));
        if (await users.FindByEmailAsync(email) is not null) return;
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
    }

    /// <summary>A client with its own cookie jar, signed in through the real sign-in form.</summary>
    public static async Task<HttpClient> SignedIn(this HelpSiteFactory site, string email, string role)
    {
        await site.CreateUser(email, role);
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetPage("/admin/login");
        var result = await client.Submit(login, "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.True(result.Status == 302 && result.Response.Headers.Location?.ToString() == "/admin", $"sign-in failed: {result.Status}\n{result.Body}");
        return client;
    }

    public static HttpClient Anonymous(this HelpSiteFactory site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
