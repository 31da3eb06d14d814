using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CityOps.Flow.Engine.Feel;

/// <summary>The mutable state of one evaluation: scope chain, unary-test input, budget and warnings.</summary>
internal sealed class Evaluation
{
    private readonly long _maxSteps;
    private readonly long _deadline;
    private long _steps;
    private long _allocated;
    private List<string>? _warnings;

    public Evaluation(FeelEngine engine, Scope scope)
    {
        Engine = engine;
        Scope = scope;
        Limits = engine.Limits;
        _maxSteps = Limits.MaxEvaluationSteps;
        _deadline = Stopwatch.GetTimestamp() + (long)(Limits.EvaluationTime.TotalSeconds * Stopwatch.Frequency);
    }

    public FeelEngine Engine { get; }

    public FeelLimits Limits { get; }

    public Scope Scope { get; set; }

    /// <summary>The value bound to <c>?</c> in a unary test.</summary>
    public object? Input { get; set; }

    public int CallDepth { get; set; }

    /// <summary>Whether a name was not found; the engine may then read the source again knowing the variables.</summary>
    public bool MissedName { get; set; }

    public IReadOnlyList<string> Warnings => (IReadOnlyList<string>?)_warnings ?? [];

    public object? Warn(string message)
    {
        _warnings ??= [];
        if (_warnings.Count < 100)
        {
            _warnings.Add(message);
        }

        return null;
    }

    /// <summary>Counts one unit of work (an iteration, a call); throws once the budget is spent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Step()
    {
        if (++_steps > _maxSteps)
        {
            throw new FeelLimitExceededException($"evaluation exceeded {_maxSteps} steps");
        }

        if ((_steps & 1023) == 0)
        {
            CheckTime();
        }
    }

    public void CheckTime()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new FeelLimitExceededException($"evaluation exceeded {Limits.EvaluationTime.TotalMilliseconds} ms");
        }
    }

    public void EnterCall()
    {
        Step();
        if (++CallDepth > Limits.MaxCallDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new FeelLimitExceededException($"function calls nested deeper than {Limits.MaxCallDepth}");
        }
    }

    public void ExitCall() => CallDepth--;

    public string CheckString(string s)
    {
        if (s.Length > Limits.MaxStringLength)
        {
            throw new FeelLimitExceededException($"string longer than {Limits.MaxStringLength} characters");
        }

        Allocate(s.Length);
        return s;
    }

    /// <summary>Charges created characters or list items to the evaluation's memory budget.</summary>
    public void Allocate(long units)
    {
        _allocated += units;
        if (_allocated > Limits.MaxAllocation)
        {
            throw new FeelLimitExceededException($"evaluation allocated more than {Limits.MaxAllocation} characters and list items");
        }
    }

    /// <summary>Checks and charges a value a built-in function produced.</summary>
    public object? Account(object? value)
    {
        switch (value)
        {
            case string s:
                CheckString(s);
                break;
            case IReadOnlyList<object?> list:
                CheckListSize(list.Count);
                Allocate(list.Count);
                break;
        }

        return value;
    }

    public void CheckListSize(int count)
    {
        if (count > Limits.MaxListSize)
        {
            throw new FeelLimitExceededException($"list longer than {Limits.MaxListSize} items");
        }
    }
}
