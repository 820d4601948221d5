package io.auditline.app.cli;

import io.auditline.app.config.AuditlineConfig;
import io.auditline.platform.config.ConfigException;
import io.auditline.platform.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code auditline serve}: runs the configured roles against existing Kafka (and later PostgreSQL). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run Auditline roles from a config file (YAML), AUDITLINE_* environment variables and --set overrides.")
public final class ServeCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, description = "YAML config file (default: $AUDITLINE_CONFIG if set)")
  Path config;

  @Option(names = "--roles", split = ",", description = "Roles to run, comma-separated (default: ingest)")
  List<String> roles;

  @Option(names = "--kafka", description = "Kafka bootstrap servers host:port[,host:port...]")
  String kafka;

  @Option(names = "--set", description = "Override a config key, e.g. --set ingest.port=7443 (repeatable)")
  Map<String, String> overrides = new HashMap<>();

  @Override
  public Integer call() throws Exception {
    Map<String, String> all = new HashMap<>(overrides);
    if (roles != null) {
      all.put("roles", String.join(",", roles));
    }
    if (kafka != null) {
      all.put("kafka.bootstrapServers", kafka);
    }
    Optional<Path> file =
        Optional.ofNullable(config).or(() -> Optional.ofNullable(System.getenv("AUDITLINE_CONFIG")).map(Path::of));
    AuditlineConfig loaded;
    try {
      loaded = ConfigLoader.fromEnvironment().load(AuditlineConfig.class, file, all);
    } catch (ConfigException e) {
      System.err.println("auditline: invalid configuration: " + e.getMessage());
      return 2;
    }
    return Runner.run(loaded, List.of(), server -> {});
  }
}
