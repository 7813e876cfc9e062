using Microsoft.AspNetCore.Identity;

namespace HelpDirectory.Web.Editing;

/// <summary>
/// `create-admin &lt;email&gt;`: the only way to make the first admin. The password comes from HELPDIRECTORY_ADMIN_PASSWORD or
/// standard input, never from an argument (arguments end up in shell history and process lists).
/// </summary>
public static class CreateAdminCommand
{
    public const string PasswordVariable = "HELPDIRECTORY_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length != 1 || !args[0].Contains('@', StringComparison.Ordinal))
        {
            await error.WriteLineAsync("Usage: create-admin <email>   (password from HELPDIRECTORY_ADMIN_PASSWORD or standard input)");
            return 2;
        }
        var email = args[0].Trim();
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Password for {email} (at least 12 characters):");
            password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        }
        if (string.IsNullOrEmpty(password) || password.Length < 12)
        {
            await error.WriteLineAsync("The password is too weak: use at least 12 characters.");
            return 1;
        }

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { AdminSetup.EditorRole, AdminSetup.AdminRole })
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            await error.WriteLineAsync($"A user with the email {email} already exists.");
            return 1;
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await error.WriteLineAsync("Could not create the admin: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }
        await users.AddToRoleAsync(user, AdminSetup.AdminRole);
        await output.WriteLineAsync($"Created admin {email}. Sign in at /admin/login.");
        return 0;
    }
}
