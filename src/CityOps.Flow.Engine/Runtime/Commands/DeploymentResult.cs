namespace CityOps.Flow.Engine.Runtime.Commands;

/// <summary>What a deployment did, or every problem that refused it (then nothing was deployed).</summary>
public sealed record DeploymentResult(IReadOnlyList<DeployedVersion> Versions, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public int VersionOf(string id) => Versions.First(v => v.Id == id).Version;
}
