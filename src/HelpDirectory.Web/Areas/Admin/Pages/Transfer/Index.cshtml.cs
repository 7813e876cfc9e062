using System.Text;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing.Transfer;
using HelpDirectory.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDirectory.Web.Areas.Admin.Pages.Transfer;

[RequestSizeLimit(MaxUpload)]
public sealed class IndexModel(HelpDbContext db, ImportPlanner planner) : PageModel
{
    public const long MaxUpload = 20 * 1024 * 1024;
    private static readonly string Uploads = Path.Combine(Path.GetTempPath(), "helpdirectory-imports");

    public ImportPlan? Plan { get; private set; }
    public string? Upload { get; private set; }
    public string Format { get; private set; } = "csv";
    public string? Problem { get; private set; }
    public int? Imported { get; private set; }

    public void OnGet(int? imported) => Imported = imported;

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(ServiceCsv.Write(await db.Services.ForTransfer().ToListAsync(ct))), "text/csv; charset=utf-8", "helpdirectory-services.csv");

    public async Task<IActionResult> OnGetHsdsAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(HsdsMapping.Write(await db.Services.Where(s => s.Status == ListingStatus.Published).ForTransfer().ToListAsync(ct))), "application/json; charset=utf-8", "helpdirectory-services.hsds.json");

    /// <summary>Step one: read the file and show what it would do. Nothing is written to the listings.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, string? format, CancellationToken ct)
    {
        Format = format == "hsds" ? "hsds" : "csv";
        if (file is null || file.Length == 0 || file.Length > MaxUpload)
        {
            Problem = "Choose a file of up to 20 MB.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        Upload = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Uploads);
        await System.IO.File.WriteAllTextAsync(Path.Combine(Uploads, Upload + "." + Format), text, ct);
        Plan = await PlanAsync(text, ct);
        Problem = Plan.FileProblem;
        return Page();
    }

    /// <summary>Step two: the editor confirmed. The file is planned again (the listings may have changed) and applied.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string upload, string format, CancellationToken ct)
    {
        Format = format == "hsds" ? "hsds" : "csv";
        if (upload.Length != 32 || !upload.All(char.IsAsciiHexDigit)) return BadRequest();
        var path = Path.Combine(Uploads, upload + "." + Format);
        if (!System.IO.File.Exists(path))
        {
            Problem = "That upload has expired. Please choose the file again.";
            return Page();
        }
        var plan = await PlanAsync(await System.IO.File.ReadAllTextAsync(path, ct), ct);
        var written = await planner.ApplyAsync(plan, User.Identity?.Name ?? "unknown", ct);
        System.IO.File.Delete(path);
        return Redirect($"/admin/transfer?imported={written}");
    }

    private Task<ImportPlan> PlanAsync(string text, CancellationToken ct) =>
        planner.PlanAsync(Format == "hsds" ? HsdsMapping.Read(text) : ServiceCsv.Read(text), ct);
}
