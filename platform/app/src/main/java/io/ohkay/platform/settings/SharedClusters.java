package io.ohkay.platform.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Copies the shared cluster list {@code ohkay.postgres.clusters[i].*} to the modules: the names to
 * {@code ohkay.command-api.clusters}, every field to {@code ohkay.projector.clusters} and {@code
 * ohkay.edge.clusters}, each unless that module's list is set itself. A placeholder cannot stand
 * for a list, hence this step; it runs after the configuration files are loaded, and its values
 * rank below every other source.
 *
 * <p>The list is bound as a whole, so a gap in the indexes, an unknown field, a port that is not a
 * number or a cluster without a name fails the start with the property named. Its values are
 * resolved here, before the embedded PostgreSQL is started and its port known: a placeholder such
 * as {@code ${ohkay.postgres.port}} resolves to the configured value, not to the embedded port.
 */
public final class SharedClusters implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE = "ohkay-shared-clusters";
  private static final String SHARED = "ohkay.postgres.clusters";
  private static final Map<String, Boolean> MODULES_WITH_ALL_FIELDS =
      Map.of(
          "ohkay.command-api.clusters", false,
          "ohkay.projector.clusters", true,
          "ohkay.edge.clusters", true);

  /** One shared cluster as configured; an unset field is left to each module's default. */
  record Cluster(
      @Nullable String name,
      @Nullable String host,
      @Nullable Integer port,
      @Nullable String username,
      @Nullable String password) {

    void copyTo(String element, boolean allFields, Map<String, Object> copied) {
      put(copied, element + ".name", name);
      if (allFields) {
        put(copied, element + ".host", host);
        put(copied, element + ".port", port);
        put(copied, element + ".username", username);
        put(copied, element + ".password", password);
      }
    }

    private static void put(Map<String, Object> copied, String property, @Nullable Object value) {
      if (value != null) {
        copied.put(property, value);
      }
    }
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    var clusters = shared(environment);
    var copied = new HashMap<String, Object>();
    MODULES_WITH_ALL_FIELDS.forEach(
        (prefix, allFields) -> {
          if (!environment.containsProperty(prefix + "[0].name")) {
            for (int i = 0; i < clusters.size(); i++) {
              clusters.get(i).copyTo(prefix + "[" + i + "]", allFields, copied);
            }
          }
        });
    if (!copied.isEmpty()) {
      environment.getPropertySources().addLast(new MapPropertySource(SOURCE, copied));
    }
  }

  private static List<Cluster> shared(ConfigurableEnvironment environment) {
    var clusters =
        Binder.get(environment)
            .bind(
                SHARED,
                Bindable.listOf(Cluster.class),
                new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
            .orElse(List.of());
    for (int i = 0; i < clusters.size(); i++) {
      var name = clusters.get(i).name();
      if (name == null || name.isBlank()) {
        throw new IllegalStateException(
            SHARED + "[" + i + "].name is missing: every shared PostgreSQL cluster needs a name");
      }
    }
    return clusters;
  }

  /** After the configuration files are loaded. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
