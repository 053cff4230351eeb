package io.quorumlab.harness.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quorumlab.harness.sim.SimBackend;
import io.quorumlab.store.mutation.Mutants;
import org.junit.jupiter.api.Test;

/**
 * Store mutants are planted by selftest alone: no other code of the harness, the store or the
 * simulator names a mutant into being, so neither 'run' nor 'serve' can switch one on.
 */
class MutantsReachRuleTest {
  private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.quorumlab.harness", "io.quorumlab.store", "io.quorumlab.sim");

  @Test
  void onlySelftestMakesAMutantSet() {
    noClasses().that().resideOutsideOfPackage("io.quorumlab.harness.selftest..")
        .should().callMethod(Mutants.class, "of", io.quorumlab.store.mutation.Mutant[].class)
        .because("a mutant is planted by selftest only").check(CLASSES);
  }

  @Test
  void onlySelftestBuildsAMutatedSimBackend() {
    noClasses().that().resideOutsideOfPackage("io.quorumlab.harness.selftest..")
        .should().callMethod(SimBackend.class, "mutated", Mutants.class)
        .because("a mutant is planted by selftest only").check(CLASSES);
  }
}
