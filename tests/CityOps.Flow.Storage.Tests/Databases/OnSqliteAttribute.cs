using System.Reflection;
using Xunit.Sdk;

namespace CityOps.Flow.Storage.Tests.Databases;

/// <summary>Runs a storage theory on SQLite, always.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[SqlDialect.Sqlite]];
}
