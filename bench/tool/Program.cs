using HelpDirectory.Bench;

// bench/run calls these in turn; each prints what it did and exits non-zero on failure.
return args.FirstOrDefault() switch
{
    "generate" => BenchData.Generate(Options.Parse(args[1..])),
    "weigh" => await PageWeight.WeighAsync(Options.Parse(args[1..])),
    "plans" => await QueryPlans.PrintAsync(Options.Parse(args[1..])),
    "report" => BenchReport.Write(Options.Parse(args[1..])),
    "propagate" => await Propagation.MeasureAsync(Options.Parse(args[1..])),
    "reindex" => await Reindex.MeasureAsync(Options.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate|weigh|plans|report|propagate|reindex --key value ... (see bench/run)");
    return 2;
}
