using System.Globalization;
using CsvHelper;
using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Editing.Transfer;

/// <summary>Listings as CSV: one row per listing, one column per field of the listing form, plus the organisation's name.</summary>
public static class ServiceCsv
{
    private const string OrganizationName = "OrganizationName";

    public static string Write(IEnumerable<Service> services)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true))
        {
            csv.WriteRecord(new ServiceForm().Fields().Keys.Append(OrganizationName).ToArray());
            foreach (var s in services) csv.WriteRecord(ServiceForm.From(s).Fields().Values.Append(s.Organization!.Name).ToArray());
            csv.Flush();
        }
        return writer.ToString();
    }

    public static TransferFile Read(string text)
    {
        var rows = new List<TransferRow>();
        try
        {
            using var csv = CsvReader.FromText(text, null);
            var header = csv.Headers.ToArray();
            if (!header.Contains(nameof(ServiceForm.Slug)) || !header.Contains(nameof(ServiceForm.Name)))
                return TransferFile.Problem("The first line must be the column names, including Slug and Name (export a CSV to see them).");
            while (csv.Read())
            {
                var fields = header.ToDictionary(h => h, h => csv.GetString(h) ?? "");
                var organization = fields.TryGetValue(OrganizationName, out var orgName) && orgName.Length > 0
                    ? new OrganizationImport(fields.GetValueOrDefault(nameof(ServiceForm.Organization)) ?? "", orgName, "", null, null)
                    : null;
                rows.Add(new TransferRow((int)csv.RowNumber + 1, ServiceForm.FromFields(fields), organization, null));
            }
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidOperationException or FormatException)
        {
            return TransferFile.Problem("The file is not a CSV file this importer can read.");
        }
        return new TransferFile(rows, null);
    }
}
