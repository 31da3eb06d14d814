switch (args.FirstOrDefault())
{
    case "calendar": CityOps.Flow.Benchmarks.Calendar.CalendarBenchmark.Run(); break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project tests/CityOps.Flow.Benchmarks -- <suite>");
        break;
}
