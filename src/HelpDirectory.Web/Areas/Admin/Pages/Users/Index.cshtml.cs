using System.ComponentModel.DataAnnotations;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Areas.Admin.Pages.Users;

public sealed class IndexModel(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles) : PageModel
{
    public sealed record Row(string Id, string Email, string Role, bool Disabled);

    public sealed class NewEditor
    {
        [Required, EmailAddress, StringLength(200)] public string Email { get; set; } = "";
        [Required, StringLength(200, MinimumLength = 12, ErrorMessage = "Use at least 12 characters.")] public string Password { get; set; } = "";
        [Required] public string Role { get; set; } = AdminSetup.EditorRole;
    }

    [BindProperty] public NewEditor Input { get; set; } = new();
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (Input.Role is not (AdminSetup.EditorRole or AdminSetup.AdminRole)) ModelState.AddModelError("Input.Role", "Choose Editor or Admin.");
        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email) is not null) ModelState.AddModelError("Input.Email", "Someone already has this email.");
        if (ModelState.IsValid)
        {
            await EnsureRolesAsync();
            var user = new IdentityUser { UserName = Input.Email, Email = Input.Email, EmailConfirmed = true };
            var result = await users.CreateAsync(user, Input.Password);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, Input.Role);
                return Redirect("/admin/users");
            }
            foreach (var e in result.Errors) ModelState.AddModelError("Input.Password", e.Description);
        }
        await LoadAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id) => await ChangeAsync(id, u => users.SetLockoutEndDateAsync(u, DateTimeOffset.MaxValue));
    public async Task<IActionResult> OnPostEnableAsync(string id) => await ChangeAsync(id, u => users.SetLockoutEndDateAsync(u, null));

    public async Task<IActionResult> OnPostRoleAsync(string id, string role)
    {
        if (role is not (AdminSetup.EditorRole or AdminSetup.AdminRole)) return BadRequest();
        return await ChangeAsync(id, async u =>
        {
            await EnsureRolesAsync();
            await users.RemoveFromRolesAsync(u, await users.GetRolesAsync(u));
            return await users.AddToRoleAsync(u, role);
        });
    }

    private async Task<IActionResult> ChangeAsync(string id, Func<IdentityUser, Task<IdentityResult>> change)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        // An admin cannot lock themselves out or demote themselves: there must always be someone who can fix things.
        if (user.UserName == User.Identity?.Name) return BadRequest();
        await change(user);
        await users.UpdateSecurityStampAsync(user); // signs the user out everywhere, so a change of role or a disable takes effect at once
        return Redirect("/admin/users");
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in new[] { AdminSetup.EditorRole, AdminSetup.AdminRole })
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    private async Task LoadAsync()
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var rows = new List<Row>();
        foreach (var u in all)
        {
            var userRoles = await users.GetRolesAsync(u);
            rows.Add(new Row(u.Id, u.Email ?? u.UserName ?? "", userRoles.Contains(AdminSetup.AdminRole) ? AdminSetup.AdminRole : userRoles.FirstOrDefault() ?? "none",
                u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow.AddYears(100)));
        }
        Rows = rows;
    }
}
