namespace CityOps.Flow.Storage;

/// <summary>The storage configuration cannot work; thrown at start-up so the host stops with the reason.</summary>
public sealed class StorageConfigurationException(string message) : Exception(message);
