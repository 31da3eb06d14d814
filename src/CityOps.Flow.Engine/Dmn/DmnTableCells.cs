using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Dmn;

/// <summary>
/// Evaluates the cells of one table within a single FEEL evaluation and files each FEEL warning under the cell
/// that raised it. Callers check <see cref="HasNewWarnings"/> so the location text is only built when needed.
/// </summary>
internal sealed class DmnTableCells(FeelBatch batch, DmnEvaluationLog log)
{
    private int _filedWarnings;

    public bool HasNewWarnings => batch.Warnings.Count > _filedWarnings;

    public object? Evaluate(DmnFeelExpression expression) => batch.Evaluate(expression.Compiled);

    public bool? Test(DmnFeelExpression tests, object? normalisedInput) => batch.Test(tests.Compiled, normalisedInput);

    public void FileWarnings(string where)
    {
        var warnings = batch.Warnings;
        for (; _filedWarnings < warnings.Count; _filedWarnings++)
        {
            log.Warnings.Add($"{where}: {warnings[_filedWarnings]}");
        }
    }
}
