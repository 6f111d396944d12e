package io.ohkay.edge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edge's shape: features over adapters, no cycles, Kafka behind its adapter. */
class ArchitectureTest {

  private static final JavaClasses EDGE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.ohkay.edge");

  @Test
  void shouldHaveNoPackageCyclesWhenAnalyzed() {
    slices().matching("io.ohkay.edge.(**)").should().beFreeOfCycles().check(EDGE);
  }

  @Test
  void shouldKeepAdaptersFreeOfFeaturesWhenAnalyzed() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..edge.db..",
            "..edge.web..",
            "..edge.kafka..",
            "..edge.position..",
            "..edge.access..",
            "..edge.history..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..edge.server..",
            "..edge.channel..",
            "..edge.message..",
            "..edge.stream..",
            "..edge.account..",
            "..edge.role..",
            "..edge.audit..",
            "..edge.notification..",
            "..edge.dm..",
            "..edge.presence..")
        .check(EDGE);
  }

  /** Features may use the server directory, and the stream tells presence; nothing else. */
  @Test
  void shouldKeepFeaturesApartExceptForTheServerDirectoryAndPresenceWhenAnalyzed() {
    var dependents =
        List.of("channel", "message", "stream", "account", "role", "audit", "notification", "dm");
    for (var feature :
        List.of(
            "server",
            "channel",
            "message",
            "stream",
            "account",
            "role",
            "audit",
            "notification",
            "dm",
            "presence")) {
      var others =
          dependents.stream()
              .filter(other -> !other.equals(feature))
              .map(other -> "..edge." + other + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("..edge." + feature + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(EDGE);
    }
    noClasses()
        .that()
        .resideOutsideOfPackages("io.ohkay.edge", "..edge.stream..", "..edge.presence..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..edge.presence..")
        .check(EDGE);
  }

  @Test
  void shouldLeaveTheConfigurationToTheRootPackageWhenAnalyzed() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.ohkay.edge")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.ohkay.edge")
        .check(EDGE);
  }

  @Test
  void shouldReachKafkaOnlyThroughTheFeedWhenAnalyzed() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..edge.kafka..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.kafka..")
        .check(EDGE);
  }
}
