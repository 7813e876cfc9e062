using System.Security.Cryptography;
using System.Text;

namespace HelpDirectory.Web.Editing.Transfer;

/// <summary>UUIDv5 (RFC 9562) over a fixed namespace, so the same listing always exports with the same HSDS ids.</summary>
public static class StableId
{
    private static readonly Guid Namespace = new("6f1c2b7e-3d4a-5b8c-9e0f-1a2b3c4d5e6f");

    public static string For(string name)
    {
        var ns = Namespace.ToByteArray(bigEndian: true);
        var bytes = SHA1.HashData([.. ns, .. Encoding.UTF8.GetBytes(name)]);
        var uuid = bytes[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true).ToString();
    }
}
