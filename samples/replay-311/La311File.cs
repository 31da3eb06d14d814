using System.Globalization;
using System.Text;

namespace CityOps.Flow.Replay311;

/// <summary>Reads MyLA311_Service_Request_Data CSV files (RFC 4180 quoting; dates in Los Angeles local time).</summary>
public static class La311File
{
    /// <summary>December in Los Angeles is Pacific Standard Time; the 2017 subset has no other month.</summary>
    private static readonly TimeSpan LosAngelesWinter = TimeSpan.FromHours(-8);

    /// <summary>The requests in the file, oldest first.</summary>
    public static IReadOnlyList<La311Request> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = ParseLine(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty"));
        int Column(string name) => header.IndexOf(name) is var index and >= 0
            ? index
            : throw new InvalidDataException($"{path} has no column {name}");
        var (sr, created, type, source, address, cd, lat, lon) = (Column("SRNumber"), Column("CreatedDate"), Column("RequestType"),
            Column("RequestSource"), Column("Address"), Column("CD"), Column("Latitude"), Column("Longitude"));

        var requests = new List<La311Request>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var fields = ParseLine(line);
            if (fields.Count != header.Count)
            {
                throw new InvalidDataException($"{path} line {lineNumber}: {fields.Count} fields, the header has {header.Count}");
            }

            var local = DateTime.ParseExact(fields[created], "MM/dd/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture);
            requests.Add(new La311Request(
                fields[sr],
                new DateTimeOffset(local, LosAngelesWinter),
                fields[type],
                fields[source],
                fields[address],
                fields[cd],
                Number(fields[lat]),
                Number(fields[lon])));
        }

        return [.. requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.SrNumber, StringComparer.Ordinal)];
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static List<string> ParseLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
