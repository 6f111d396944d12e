package io.ohkay.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class BenchArchitectureTest {

  private static final JavaClasses BENCH =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.ohkay.bench");

  @Test
  void shouldHaveNoCyclesWhenFeaturesDependOnEachOther() {
    slices().matching("io.ohkay.bench.(*)..").should().beFreeOfCycles().check(BENCH);
  }

  @Test
  void shouldKeepTheHarnessIndependentWhenTargetsAreAdded() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.ohkay.bench.e2e..",
            "io.ohkay.bench.signin..",
            "io.ohkay.bench.projector..",
            "io.ohkay.bench.history..",
            "io.ohkay.bench.fanout..",
            "io.ohkay.bench.resume..",
            "io.ohkay.bench.sse..",
            "io.ohkay.bench.load..",
            "io.ohkay.bench.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.ohkay.bench.baseline..", "io.ohkay.bench.broadcast..", "io.ohkay.bench.system..")
        .check(BENCH);
  }

  @Test
  void shouldKeepReportsFreeOfIoFrameworksWhenRendered() {
    noClasses()
        .that()
        .resideInAPackage("io.ohkay.bench.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("reactor..", "io.netty..", "org.springframework..", "io.r2dbc..")
        .check(BENCH);
  }
}
