using System.ComponentModel.DataAnnotations;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HelpDirectory.Web.Areas.Admin.Pages;

[EnableRateLimiting(AdminSetup.SignInLimit)]
public sealed class LoginModel(SignInManager<IdentityUser> signIn, ILogger<LoginModel> logger) : PageModel
{
    public sealed class InputModel
    {
        [Required, EmailAddress, StringLength(200)] public string Email { get; set; } = "";
        [Required, DataType(DataType.Password), StringLength(200)] public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Editor signed in");
            return LocalRedirect(AdminReturnAddress.SafeOrDefault(ReturnUrl));
        }
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "This account is locked for 15 minutes after too many failed attempts."
            : "The email or password is not right.");
        return Page();
    }
}
