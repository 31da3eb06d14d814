// One Chromium and one portal at a time: the machines that run these have few cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
