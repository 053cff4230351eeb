package io.quorumlab.store.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireNamedTest {
  @Test
  void aSettingIsSpelledInLowerCase() {
    assertThat(ConflictMode.SIBLINGS.wireName()).isEqualTo("siblings");
    assertThat(ReadRepair.BLOCKING.wireName()).isEqualTo("blocking");
  }

  @Test
  void parsingReadsAnyCaseAndNothingElse() {
    assertThat(WireNamed.parse(Quorum.class, "sloppy")).isEqualTo(Quorum.SLOPPY);
    assertThat(WireNamed.parse(FsyncPolicy.class, "Periodic")).isEqualTo(FsyncPolicy.PERIODIC);
    assertThat(WireNamed.parse(Quorum.class, "loose")).isNull();
    assertThat(WireNamed.parse(Quorum.class, null)).isNull();
  }
}
