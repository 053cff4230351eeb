package io.quorumlab.harness.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No module has a cycle between its packages: each package (every level of the tree counts as a
 * package of its own) depends on the others one way only, so each can be read, tested and changed
 * from the bottom up. The harness's test class path holds every module but the benchmarks (one
 * package), so the rule is checked here for all of them.
 */
class PackageCyclesTest {
  /** One slice per package: {@code io.quorumlab.harness.cli.store} is a slice of its own, apart from {@code ...cli}. */
  static final ArchRule NO_CYCLES = slices().matching("io.quorumlab.(**)").should().beFreeOfCycles();

  private static final Pattern SLICE = Pattern.compile("Slice ([\\w.]+)");

  @ParameterizedTest
  @ValueSource(strings = {"io.quorumlab.checkers", "io.quorumlab.store", "io.quorumlab.workloads", "io.quorumlab.results",
      "io.quorumlab.harness"})
  void noModuleHasACycleBetweenItsPackages(String module) {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(module);
    assertThat(classes).as("classes of %s", module).isNotEmpty();
    NO_CYCLES.check(classes);
  }

  @Test
  void theRuleSeesACycleBetweenTwoPackages() {
    JavaClasses fixture = new ClassFileImporter().importPackages("io.quorumlab.harness.architecture.fixture");
    EvaluationResult result = NO_CYCLES.evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(slicesInCycles(result)).containsExactly("harness.architecture.fixture.a", "harness.architecture.fixture.b");
  }

  private static Set<String> slicesInCycles(EvaluationResult result) {
    Set<String> slices = new TreeSet<>();
    for (String detail : result.getFailureReport().getDetails()) {
      Matcher m = SLICE.matcher(detail);
      while (m.find()) slices.add(m.group(1));
    }
    return slices;
  }
}
