namespace CityOps.Flow.Storage;

/// <summary>A script was edited after the database applied it; start-up stops rather than run on an unknown schema.</summary>
public sealed class MigrationChecksumException(string scriptName, string recordedChecksum, string currentChecksum)
    : Exception(
        $"Migration script '{scriptName}' was changed after it was applied to this database "
        + $"(recorded SHA-256 {recordedChecksum}, the script now has {currentChecksum}). "
        + "Restore the original script and put the change in a new script.")
{
    public string ScriptName { get; } = scriptName;
}
