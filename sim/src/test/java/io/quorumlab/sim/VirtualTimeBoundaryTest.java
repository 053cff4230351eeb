package io.quorumlab.sim;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.base.DescribedPredicate.describe;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.quorumlab.store.node.SystemClock;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulator is deterministic only if the code it runs takes time, threads and randomness from
 * what it is given: the node's {@code Clock}, {@code Scheduler} and {@code RandomGenerator}. The
 * store's sans-IO packages and the simulator itself must therefore never read a real clock, start
 * or touch a thread, hand work to an executor, or draw from an unseeded random source. The one
 * real clock ({@link SystemClock}) is what the server injects.
 */
@AnalyzeClasses(packages = {"io.quorumlab.store", "io.quorumlab.sim"}, importOptions = ImportOption.DoNotIncludeTests.class)
class VirtualTimeBoundaryTest {
  private static final String[] VIRTUAL_TIME = {
      "io.quorumlab.store.node..", "io.quorumlab.store.services..", "io.quorumlab.store.membership..",
      "io.quorumlab.store.handoff..", "io.quorumlab.store.antientropy..", "io.quorumlab.store.ring..",
      "io.quorumlab.store.version..", "io.quorumlab.sim.."};

  @ArchTest
  static final ArchRule noRealClocks = noClasses()
      .that().resideInAnyPackage(VIRTUAL_TIME).and().doNotHaveFullyQualifiedName(SystemClock.class.getName())
      .should().callMethod(System.class, "nanoTime")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethodWhere(target(nameMatching("now")).and(target(owner(describe("a java.time class",
          (JavaClass c) -> c.getPackageName().equals("java.time"))))))
      .orShould().dependOnClassesThat().belongToAnyOf(java.time.Clock.class, java.time.InstantSource.class)
      .because("time must come from the node's injected Clock, which the simulator replaces");

  @ArchTest
  static final ArchRule noThreads = noClasses()
      .that().resideInAnyPackage(VIRTUAL_TIME)
      .should().dependOnClassesThat().areAssignableTo(Thread.class)
      .orShould().dependOnClassesThat().areAssignableTo(Executor.class)
      .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, Timer.class)
      .orShould().callMethodWhere(target(owner(describe("CompletableFuture", (JavaClass c) -> c.isEquivalentTo(CompletableFuture.class))))
          .and(target(nameMatching(".*Async|orTimeout|completeOnTimeout|delayedExecutor"))))
      .because("work must run on the node's one thread, and delays through its injected Scheduler");

  @ArchTest
  static final ArchRule noUnseededRandomness = noClasses()
      .that().resideInAnyPackage(VIRTUAL_TIME)
      .should().callConstructor(Random.class)
      .orShould().callConstructor(SplittableRandom.class)
      .orShould().callMethod(Math.class, "random")
      .orShould().dependOnClassesThat().belongToAnyOf(ThreadLocalRandom.class, java.security.SecureRandom.class)
      .orShould().callMethod(System.class, "identityHashCode", Object.class)
      .because("randomness must come from the node's injected RandomGenerator, seeded by the simulation");
}
