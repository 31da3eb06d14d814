namespace CityOps.Flow.Engine.Runtime.State;

public enum InstanceStatus
{
    Active,
    Completed,
    Cancelled,
}
