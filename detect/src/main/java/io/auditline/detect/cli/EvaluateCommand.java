package io.auditline.detect.cli;

import picocli.CommandLine.Command;

/** {@code evaluate}: the detection benchmarks (NAB, attacks, cost); the app registers it under {@code detect}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluates the detectors: NAB score, attack benchmark, cost per pass over zones.",
        subcommands = {NabCommand.class, AttacksCommand.class, CostCommand.class})
public final class EvaluateCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "a subcommand is required: nab, attacks or cost");
    }
}
