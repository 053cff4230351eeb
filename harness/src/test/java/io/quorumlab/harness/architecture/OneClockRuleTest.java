package io.quorumlab.harness.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quorumlab.harness.time.RealTimeLoop;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The run path keeps time, waits, starts threads and draws random numbers only through the run's
 * {@link io.quorumlab.harness.time.EventLoop} and {@link io.quorumlab.harness.random.RandomStreams}:
 * that is what lets a virtual-time loop drive a whole run on one thread, its choices a function of
 * its seed.
 */
class OneClockRuleTest {
  static final String[] RUN_PATH = {"io.quorumlab.harness.run..", "io.quorumlab.harness.nemesis..", "io.quorumlab.harness.sim..",
      "io.quorumlab.workloads.."};

  private static final Set<String> CLOCK_AND_SLEEP = Set.of("java.lang.System.nanoTime", "java.lang.System.currentTimeMillis",
      "java.lang.Thread.sleep", "java.lang.Thread.start", "java.lang.Thread.onSpinWait", "java.lang.Object.wait",
      "java.util.concurrent.TimeUnit.sleep", "java.util.concurrent.TimeUnit.timedWait", "java.lang.Math.random",
      "java.util.concurrent.ThreadLocalRandom.current", "java.util.concurrent.CompletableFuture.delayedExecutor");

  /** A wall-clock read, a sleep or wait, a thread or pool started, or a random source made on the spot. */
  static final DescribedPredicate<JavaAccess<?>> CLOCK_THREAD_OR_RANDOM = DescribedPredicate.describe(
      "a clock read, a sleep, a thread, an executor or a new random source", access -> {
        String owner = access.getTargetOwner().getFullName();
        String name = access.getName();
        if (CLOCK_AND_SLEEP.contains(owner + "." + name)) return true;
        if (owner.startsWith("java.time.") && name.equals("now")) return true;
        if (owner.equals("java.util.concurrent.Executors")) return true;
        if (owner.equals("java.util.concurrent.CompletableFuture") && name.endsWith("Async")) return true;
        boolean constructor = name.equals("<init>");
        return constructor && (access.getTargetOwner().isAssignableTo(Thread.class)
            || access.getTargetOwner().isAssignableTo(java.util.Random.class)
            || access.getTargetOwner().isAssignableTo(java.util.SplittableRandom.class)
            || access.getTargetOwner().isAssignableTo(java.util.concurrent.ExecutorService.class));
      });

  static final ArchRule RULE = noClasses().that().resideInAnyPackage(RUN_PATH)
      .should().accessTargetWhere(CLOCK_THREAD_OR_RANDOM)
      .because("the run path keeps time and runs tasks only through the run's EventLoop, and draws randomness only "
          + "from the run's RandomStreams");

  @Test
  void theRunPathReadsNoClockStartsNoThreadAndMakesNoRandomSourceOfItsOwn() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.quorumlab.harness", "io.quorumlab.workloads");
    assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.quorumlab.workloads"))).isNotEmpty();
    assertThat(classes.stream().filter(c -> c.getPackageName().equals("io.quorumlab.harness.sim"))).isNotEmpty();
    RULE.check(classes);
  }

  @Test
  void theRuleCatchesTheRealTimeLoopWhichDoesAllOfThat() {
    JavaClasses loop = new ClassFileImporter().importClasses(RealTimeLoop.class);
    var result = noClasses().should().accessTargetWhere(CLOCK_THREAD_OR_RANDOM).evaluate(loop);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("System.nanoTime"))
        .anyMatch(d -> d.contains("Executors.newCachedThreadPool")).anyMatch(d -> d.contains("System.currentTimeMillis"));
  }
}
