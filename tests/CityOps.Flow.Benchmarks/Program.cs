switch (args.FirstOrDefault())
{
    case "dmn": CityOps.Flow.Benchmarks.Dmn.DmnBenchmark.Run(); break;
    case "engine": CityOps.Flow.Benchmarks.Engine.EngineBenchmark.Run(); break;
    default: Console.WriteLine("usage: dotnet run -c Release --project tests/CityOps.Flow.Benchmarks -- <suite>"); break;
}
