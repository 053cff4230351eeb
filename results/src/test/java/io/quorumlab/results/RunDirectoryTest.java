package io.quorumlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
  @TempDir Path root;

  @Test
  void createsTimestampedDirectoryWithNodesAndPointsLatestAtIt() throws IOException {
    Path dir = RunDirectory.create(root, "register", LocalDateTime.of(2026, 1, 2, 3, 4, 5));

    assertThat(dir).isEqualTo(root.resolve("register").resolve("20260102-030405"));
    assertThat(dir.resolve(RunDirectory.NODES)).isDirectory();
    Path latest = root.resolve(RunDirectory.LATEST);
    assertThat(Files.isSymbolicLink(latest)).isTrue();
    assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of("register", "20260102-030405"));
    assertThat(Files.readSymbolicLink(latest).isAbsolute()).isFalse();
    assertThat(RunDirectory.latest(root)).isEqualTo(dir);
    assertThat(latest.toRealPath()).isEqualTo(dir.toRealPath());
  }

  @Test
  void twoRunsInTheSameSecondGetDistinctDirectoriesAndLatestMovesOn() throws IOException {
    LocalDateTime t = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
    Path a = RunDirectory.create(root, "set", t);
    Path b = RunDirectory.create(root, "set", t);
    Path c = RunDirectory.create(root, "list-append", t);

    assertThat(a.getFileName()).hasToString("20260102-030405");
    assertThat(b.getFileName()).hasToString("20260102-030405-1");
    assertThat(c).isEqualTo(root.resolve("list-append/20260102-030405"));
    assertThat(RunDirectory.latest(root)).isEqualTo(c);
    assertThat(root.resolve("latest").toRealPath()).isEqualTo(c.toRealPath());
    // No temporary pointer files are left behind.
    try (var s = Files.list(root)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("set", "list-append", "latest");
    }
  }

  @Test
  void directoriesThatAreNotRunsCanLeaveLatestAlone() throws IOException {
    LocalDateTime t = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
    Path run = RunDirectory.create(root, "register", t);
    Path compare = RunDirectory.create(root, "compare", t.plusSeconds(1), false);
    assertThat(compare).isDirectory();
    assertThat(RunDirectory.latest(root)).isEqualTo(run);
  }

  @Test
  void latestMayBeATextFileWhereLinksAreImpossible() throws IOException {
    Path dir = Files.createDirectories(root.resolve("register/20260102-030405"));
    Files.writeString(root.resolve("latest"), "register/20260102-030405\n");
    assertThat(RunDirectory.latest(root)).isEqualTo(dir);
  }

  @Test
  void noLatestRunIsAClearError() {
    assertThatThrownBy(() -> RunDirectory.latest(root)).isInstanceOf(IOException.class).hasMessageContaining("no latest run");
  }

  @Test
  void refusesWorkloadNamesThatAreNotOneDirectory() {
    for (String bad : new String[] {"", "../x", "a/b", ".hidden", "x y"}) {
      assertThatThrownBy(() -> RunDirectory.create(root, bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workload name");
    }
  }
}
