using System.Security.Cryptography;
using System.Text;

namespace CityOps.Flow.Web.Api.Clients;

/// <summary>
/// The clients allowed to call an API with a key of their own, read from <c>&lt;section&gt;:&lt;name&gt;:KeyHash</c> (the
/// SHA-256 of the client's API key, in hex): Open311 apps under <c>Open311:Clients</c>, alarm machines under
/// <c>Alarms:Clients</c>. Only hashes are configured, so a leaked configuration file leaks no key.
/// </summary>
public sealed class ApiClientKeys
{
    public const string Open311Section = "Open311:Clients";

    private readonly IReadOnlyList<(string Name, byte[] Hash)> _clients;

    public ApiClientKeys(IConfiguration configuration, string section = Open311Section)
    {
        var clients = new List<(string, byte[])>();
        foreach (var client in configuration.GetSection(section).GetChildren())
        {
            var hex = client["KeyHash"];
            if (string.IsNullOrWhiteSpace(hex))
            {
                continue;
            }

            byte[] hash;
            try
            {
                hash = Convert.FromHexString(hex.Trim());
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{section}:{client.Key}:KeyHash is not hexadecimal");
            }

            if (hash.Length != SHA256.HashSizeInBytes)
            {
                throw new InvalidOperationException($"{section}:{client.Key}:KeyHash must be a SHA-256 hash (64 hex digits)");
            }

            clients.Add((client.Key, hash));
        }

        _clients = clients;
    }

    /// <summary>The client names, for the start-up log.</summary>
    public IEnumerable<string> Names => _clients.Select(c => c.Name);

    /// <summary>The client app owning <paramref name="apiKey"/>, or null for a missing or unknown key.</summary>
    /// <remarks>Every configured hash is compared, in constant time, so the answer time tells nothing about the key.</remarks>
    public string? Identify(string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        string? found = null;
        foreach (var (name, expected) in _clients)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                found ??= name;
            }
        }

        return found;
    }

    public static string HashOf(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}
