namespace CityOps.Flow.Engine.Runtime.Commands;

/// <summary>The outcome of a command: done, or refused with a precise reason and nothing changed.</summary>
public sealed record CommandResult<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static CommandResult<T> Ok(T value) => new(value, null);

    public static CommandResult<T> Refused(string error) => new(default, error);

    /// <summary>The value of a successful command; asking for it after a refusal is a bug in the caller.</summary>
    public T Expect() => Succeeded ? Value! : throw new InvalidOperationException(Error);
}
