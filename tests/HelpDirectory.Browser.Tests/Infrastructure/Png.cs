using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace HelpDirectory.Browser.Tests.Infrastructure;

/// <summary>
/// Just enough PNG reading to tell a rendered page from a blank or unstyled one: 8-bit RGB or RGBA, not interlaced, as
/// Chromium writes its screenshots. Pixels are kept as 0xRRGGBB (alpha is ignored).
/// </summary>
public sealed class Png
{
    private Png(int width, int height, uint[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public IReadOnlyList<uint> Pixels { get; }

    public int DistinctColours => Pixels.Distinct().Count();

    public uint MostCommonColour => Pixels.GroupBy(p => p).MaxBy(g => g.Count())!.Key;

    public static Png Read(byte[] file)
    {
        int width = 0, height = 0, bitDepth = 0, colourType = 0, interlace = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at + 8 <= file.Length;)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at)));
            var type = Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (bitDepth, colourType, interlace) = (data[8], data[9], data[12]);
            }
            else if (type == "IDAT") compressed.Write(data);
            else if (type == "IEND") break;
            at += 12 + length;
        }
        if (bitDepth != 8 || colourType is not (2 or 6) || interlace != 0)
            throw new NotSupportedException($"PNG with bit depth {bitDepth}, colour type {colourType}, interlace {interlace}");

        var bytesPerPixel = colourType == 6 ? 4 : 3;
        var stride = width * bytesPerPixel;
        var raw = new byte[(stride + 1) * height];
        compressed.Position = 0;
        using (var inflate = new ZLibStream(compressed, CompressionMode.Decompress)) inflate.ReadExactly(raw);

        var pixels = new uint[width * height];
        var previous = new byte[stride];
        var current = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0, b = previous[i], c = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                };
                current[i] = (byte)(line[i] + predicted);
            }
            for (var x = 0; x < width; x++)
            {
                var p = x * bytesPerPixel;
                pixels[y * width + x] = (uint)(current[p] << 16 | current[p + 1] << 8 | current[p + 2]);
            }
            (previous, current) = (current, previous);
        }
        return new Png(width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
