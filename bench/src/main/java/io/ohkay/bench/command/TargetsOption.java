package io.ohkay.bench.command;

import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The {@code --targets} option of a scenario that measures several targets, one after the other,
 * mixed into it with {@code @Mixin}: which targets, and in which order.
 */
public final class TargetsOption {

  /** Targets to measure, one after the other, in this order. */
  @Option(
      names = "--targets",
      split = ",",
      defaultValue = "baseline,system",
      description = "Targets measured in this order. Default: ${DEFAULT-VALUE}.")
  private List<String> targets = List.of();

  /** The targets named, in the order they are measured. */
  public List<String> names() {
    return targets;
  }

  /** Refuses the command line unless every target named is one of {@code known}. */
  public void requireKnown(ScenarioCommandLine commandLine, Set<String> known) {
    for (String name : targets) {
      commandLine.require(known.contains(name), "unknown target " + name + ", known: " + known);
    }
  }
}
