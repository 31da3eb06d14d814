switch (args.FirstOrDefault())
{
    case "calendar": CityOps.Flow.Benchmarks.Calendar.CalendarBenchmark.Run(); break;
    case "case-search": CityOps.Flow.Benchmarks.CaseSearch.CaseSearchBenchmark.Run(args); break;
    case "dmn": CityOps.Flow.Benchmarks.Dmn.DmnBenchmark.Run(); break;
    case "durable": CityOps.Flow.Benchmarks.Durable.DurableBenchmark.Run(); break;
    case "engine": CityOps.Flow.Benchmarks.Engine.EngineBenchmark.Run(); break;
    case "feel": CityOps.Flow.Benchmarks.Feel.FeelBenchmark.Run(); break;
    case "intake": CityOps.Flow.Benchmarks.Intake.IntakeBenchmark.Run(args); break;
    case "kpi": CityOps.Flow.Benchmarks.Kpi.KpiBenchmark.Run(args); break;
    case "pages": CityOps.Flow.Benchmarks.Pages.PagesBenchmark.Run(args); break;
    case "search": CityOps.Flow.Benchmarks.Search.SearchBenchmark.Run(args); break;
    case "timers": CityOps.Flow.Benchmarks.Timers.TimerBenchmark.Run(); break;
    default: Console.WriteLine("usage: dotnet run -c Release --project tests/CityOps.Flow.Benchmarks -- <suite>"); break;
}
