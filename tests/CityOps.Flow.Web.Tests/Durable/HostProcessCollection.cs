namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>Tests that run the host as child processes take turns, so two of them never share the machine's two cores.</summary>
[CollectionDefinition(Name)]
public sealed class HostProcessCollection
{
    public const string Name = "Host processes";
}
