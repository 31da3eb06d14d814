namespace CityOps.Flow.Storage;

/// <summary>How hard SQLite works to keep the last commits through a power cut (<c>Storage:SqliteDurability</c>).</summary>
public enum SqliteDurability
{
    /// <summary>
    /// synchronous=NORMAL: commits survive an app crash, and the file never corrupts, but the last commits before a power
    /// loss may roll back. Commits skip the disk flush, about eighty times faster on this project's build machine.
    /// </summary>
    Normal,

    /// <summary>synchronous=FULL: every commit is flushed to disk before it returns.</summary>
    Full,
}
