using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing;
using Microsoft.AspNetCore.Mvc;

namespace HelpDirectory.Web.Areas.Admin.Pages.Services;

public sealed class NewModel(HelpDbContext db, ServiceEditor editor) : ServiceFormPage(db)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = new ServiceForm { Status = "draft" };
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form.Status = "draft";
        if (ModelState.IsValid)
        {
            switch (await editor.CreateAsync(Form, Editor, ct: ct))
            {
                case SaveResult.Saved saved:
                    return Redirect($"/admin/services/{saved.Key}/edit?saved=created");
                case SaveResult.Invalid invalid:
                    AddErrors(invalid.Errors);
                    break;
            }
        }
        await LoadChoicesAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
