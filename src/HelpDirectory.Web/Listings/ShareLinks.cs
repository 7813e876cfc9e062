using HelpDirectory.Web.Data;
using HelpDirectory.Web.Localization;

namespace HelpDirectory.Web.Listings;

/// <summary>Links that pass a listing on without any third party: an email, and a text message the visitor sends to
/// themselves. The address is the plain page address, with no tracking parameters.</summary>
public static class ShareLinks
{
    /// <summary>The words a shared listing carries: its name, its first number and the page address.</summary>
    public static string Message(Service service, string address)
    {
        var phone = service.Phones.OrderBy(p => p.SortOrder).FirstOrDefault();
        var number = phone is null ? "" : " " + Text.Format(phone.Type == PhoneType.Text ? "Share.Text" : "Share.Call", phone.Number);
        return $"{service.Name}.{number} {address}";
    }

    public static string Sms(Service service, string address) => "sms:?body=" + Uri.EscapeDataString(Message(service, address));

    public static string Email(Service service, string address) =>
        $"mailto:?subject={Uri.EscapeDataString(service.Name)}&body={Uri.EscapeDataString(Message(service, address))}";
}
