package io.ohkay.platform.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Copies the shared cluster list {@code ohkay.postgres.clusters[i].*} to the modules: the names to
 * {@code ohkay.command-api.clusters}, every field to {@code ohkay.projector.clusters} and {@code
 * ohkay.edge.clusters}, each unless that module's list is set itself. A placeholder cannot stand
 * for a list, hence this step; it runs after the configuration files are loaded, and its values
 * rank below every other source.
 */
public final class SharedClusters implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE = "ohkay-shared-clusters";
  private static final String SHARED = "ohkay.postgres.clusters";
  private static final List<String> FIELDS =
      List.of("name", "host", "port", "username", "password");
  private static final Map<String, List<String>> MODULES =
      Map.of(
          "ohkay.command-api.clusters", List.of("name"),
          "ohkay.projector.clusters", FIELDS,
          "ohkay.edge.clusters", FIELDS);

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    var copied = new HashMap<String, Object>();
    MODULES.forEach(
        (prefix, fields) -> {
          if (!environment.containsProperty(prefix + "[0].name")) {
            copy(environment, prefix, fields, copied);
          }
        });
    if (!copied.isEmpty()) {
      environment.getPropertySources().addLast(new MapPropertySource(SOURCE, copied));
    }
  }

  private static void copy(
      ConfigurableEnvironment environment,
      String prefix,
      List<String> fields,
      Map<String, Object> copied) {
    for (int i = 0; environment.containsProperty(SHARED + "[" + i + "].name"); i++) {
      for (var field : fields) {
        var value = environment.getProperty(SHARED + "[" + i + "]." + field);
        if (value != null) {
          copied.put(prefix + "[" + i + "]." + field, value);
        }
      }
    }
  }

  /** After the configuration files are loaded. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
