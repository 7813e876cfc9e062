using System.ComponentModel.DataAnnotations;
using HelpDirectory.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Editing.Transfer;

/// <summary>
/// Import in two steps. <see cref="PlanAsync"/> says row by row what a file would create, change or reject, and writes
/// nothing; <see cref="ApplyAsync"/> carries out a plan through the same editor and saver as the admin forms, so every
/// imported listing and organisation is validated and recorded in history like any other edit.
/// </summary>
public sealed class ImportPlanner(HelpDbContext db, ServiceEditor editor, RecordSaver saver)
{
    public async Task<ImportPlan> PlanAsync(TransferFile file, CancellationToken ct = default)
    {
        if (file.FileProblem is not null) return new ImportPlan([], file.FileProblem);
        var reference = await editor.ReferenceDataAsync(ct);
        var existing = (await db.Services.ForTransfer().ToListAsync(ct)).ToDictionary(s => s.Slug, s => ServiceForm.From(s).Fields());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plan = new List<ImportRow>();
        foreach (var row in file.Rows)
        {
            if (row.Form is not { } form)
            {
                plan.Add(new ImportRow(row.Line, "", ImportAction.Reject, [new RowError("", row.Unreadable ?? "This row cannot be read.")], [], null, null));
                continue;
            }
            // An organisation the file brings with it counts as known for validation.
            var known = row.Organization is not { } org || reference.Organizations.ContainsKey(org.Key)
                ? reference
                : reference with { Organizations = new Dictionary<string, int>(reference.Organizations) { [org.Key] = 0 } };
            var errors = Validate(form).ToList();
            errors.AddRange(form.ApplyTo(new Service { Slug = "", Name = "" }, known).Select(e => new RowError(e.Key, e.Value)));
            if (row.Organization is { } o && !Slugs.IsValid(o.Key)) errors.Add(new RowError(nameof(ServiceForm.Organization), $"\"{o.Key}\" is not a valid organisation key. {Slugs.Rule}"));
            if (!seen.Add(form.Slug)) errors.Add(new RowError(nameof(ServiceForm.Slug), "This slug appears twice in the file."));
            if (errors.Count > 0)
            {
                plan.Add(new ImportRow(row.Line, form.Slug, ImportAction.Reject, errors, [], null, null));
            }
            else if (existing.TryGetValue(form.Slug, out var current))
            {
                var changed = RevisionLog.Diff(current, form.Fields()).Keys.ToList();
                plan.Add(new ImportRow(row.Line, form.Slug, changed.Count == 0 ? ImportAction.Unchanged : ImportAction.Change, [], changed, form, row.Organization));
            }
            else
            {
                plan.Add(new ImportRow(row.Line, form.Slug, ImportAction.Create, [], [], form, row.Organization));
            }
        }
        return new ImportPlan(plan);
    }

    /// <summary>Carries out the rows of a plan that create or change a listing. Returns how many listings were written.</summary>
    public async Task<int> ApplyAsync(ImportPlan plan, string by, CancellationToken ct = default)
    {
        var written = 0;
        foreach (var row in plan.Rows.Where(r => r.Action is ImportAction.Create or ImportAction.Change))
        {
            if (row.Organization is { } org && !await db.Organizations.AnyAsync(o => o.Key == org.Key, ct))
            {
                var form = new OrganizationForm { Key = org.Key, Name = org.Name, Description = org.Description, Url = org.Url, Email = org.Email };
                var created = await saver.SaveAsync(RecordKinds.Organization, new Organization { Key = org.Key, Name = org.Name }, null,
                    form.ApplyTo, form.Fields(), by, "imported", ct);
                if (created is not SaveResult.Saved) continue;
            }
            var existing = await db.Services.AsNoTracking().Where(s => s.Slug == row.Slug).Select(s => new { s.Id, s.Version }).SingleOrDefaultAsync(ct);
            var result = existing is null
                ? await editor.CreateAsync(row.Form!, by, "imported", ct)
                : await editor.UpdateAsync(existing.Id, existing.Version, row.Form!, by, "imported", ct);
            if (result is SaveResult.Saved) written++;
            db.ChangeTracker.Clear();
        }
        return written;
    }

    private static IEnumerable<RowError> Validate(ServiceForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results.Select(r => new RowError(r.MemberNames.FirstOrDefault() ?? "", r.ErrorMessage ?? "Invalid value."));
    }
}
