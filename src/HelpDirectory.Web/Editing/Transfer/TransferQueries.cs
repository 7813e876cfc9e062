using HelpDirectory.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Editing.Transfer;

public static class TransferQueries
{
    /// <summary>Every listing with all it holds, in slug order, read-only: what export writes and import compares with.
    /// Locations come in the order they were added, which numbers their HSDS ids.</summary>
    public static IQueryable<Service> ForTransfer(this IQueryable<Service> services) =>
        services.AsNoTracking().AsSplitQuery()
            .Include(s => s.Organization).Include(s => s.Phones).Include(s => s.Hours).Include(s => s.Languages)
            .Include(s => s.Areas).Include(s => s.Locations.OrderBy(l => l.Id)).Include(s => s.Texts)
            .OrderBy(s => s.Slug);
}
