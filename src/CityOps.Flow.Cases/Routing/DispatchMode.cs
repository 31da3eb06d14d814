namespace CityOps.Flow.Cases.Routing;

/// <summary>Whether the case goes straight to the lead department or into a dispatcher's queue first.</summary>
public enum DispatchMode
{
    Auto,
    Dispatcher,
}
