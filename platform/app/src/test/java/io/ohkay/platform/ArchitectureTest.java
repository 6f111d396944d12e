package io.ohkay.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN §2 and HOUSE_STYLE, checked on every build. */
class ArchitectureTest {

  private static JavaClasses ohkay;

  @BeforeAll
  static void importClasses() {
    ohkay =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ohkay");
  }

  @Test
  void shouldHaveNoPackageCyclesWhenSlicedByPackage() {
    slices().matching("io.ohkay.(**)").should().beFreeOfCycles().check(ohkay);
  }

  @Test
  void shouldKeepSchemasFreeOfSpringAndKafkaClientsWhenAnyServiceUsesThem() {
    noClasses()
        .that()
        .resideInAPackage("io.ohkay.schemas..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "reactor..")
        .check(ohkay);
  }

  @Test
  void shouldKeepSchemasIndependentOfEveryServiceModule() {
    noClasses()
        .that()
        .resideInAPackage("io.ohkay.schemas..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "io.ohkay.schemas..",
            "java..",
            "javax.crypto..",
            "com.fasterxml.jackson..",
            "tools.jackson..",
            "com.nimbusds..",
            "com.github.benmanes.caffeine..",
            "org.jspecify..")
        .check(ohkay);
  }

  @Test
  void shouldKeepDecidersPureWhenTheyDecide() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Decider")
        .and()
        .areNotInterfaces()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.ohkay.schemas..",
            "io.ohkay.command.decider",
            "io.ohkay.command.user",
            "io.ohkay.command.server",
            "io.ohkay.command.dm",
            "java.lang..",
            "java.util..",
            "java.time..",
            "org.jspecify..")
        .check(ohkay);
    // Times are data (the command's issue time); a clock would make decisions unrepeatable.
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Decider")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(java.time.Clock.class)
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .check(ohkay);
  }

  @Test
  void shouldNotReachIntoAnotherServiceModuleWhenOneServiceIsBuilt() {
    var services = new String[] {"command", "projector", "edge", "replicator"};
    for (var service : services) {
      for (var other : services) {
        if (!service.equals(other)) {
          noClasses()
              .that()
              .resideInAPackage("io.ohkay." + service + "..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage("io.ohkay." + other + "..")
              .check(ohkay);
        }
      }
    }
  }

  @Test
  void shouldKeepServicesOffTheEmbeddedInfrastructureWhenRunningInProduction() {
    noClasses()
        .that()
        .resideInAnyPackage("io.ohkay.command..", "io.ohkay.projector..", "io.ohkay.edge..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.ohkay.platform..")
        .check(ohkay);
  }
}
