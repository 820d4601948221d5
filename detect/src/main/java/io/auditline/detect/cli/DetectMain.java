package io.auditline.detect.cli;

import picocli.CommandLine;

/** Runs {@link EvaluateCommand} standalone, e.g. {@code mvn -q -pl detect exec:java -Dexec.args="nab --data DIR"}. */
public final class DetectMain {

    private DetectMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCommand()).execute(args));
    }
}
