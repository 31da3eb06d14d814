Console.WriteLine("usage: dotnet run -c Release --project tests/CityOps.Flow.Benchmarks -- <suite>");
