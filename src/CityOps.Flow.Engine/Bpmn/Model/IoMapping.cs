namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>zeebe:ioMapping: inputs create local variables on entry; outputs copy results out on completion.</summary>
public sealed record IoMapping(IReadOnlyList<IoParameter> Inputs, IReadOnlyList<IoParameter> Outputs);
