namespace CityOps.Flow.Storage;

/// <summary>The database recorded a script this build does not carry: it was migrated by a newer version of the app.</summary>
public sealed class MissingMigrationException(string scriptName)
    : Exception(
        $"The database records migration script '{scriptName}', which this version of the app does not contain; "
        + "the database was migrated by a newer version. Run that version, or restore a backup taken before it.")
{
    public string ScriptName { get; } = scriptName;
}
