package io.quorumlab.harness.cluster.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Ed25519 key, what ssh-keygen makes by default, can be offered with --ssh-key: SSHD reads it only
 * when a provider of EdDSA is on the classpath (Bouncy Castle here); without one it skips the file
 * with a warning and the login fails for want of a key.
 */
class Ed25519KeyTest {
  @TempDir Path tmp;

  @Test
  void anOpenSshEd25519KeyIsRead() throws Exception {
    KeyPair made = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    Path file = tmp.resolve("id_ed25519");
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(made, "quorumlab-test", null, out);
    }
    List<KeyPair> read = new ArrayList<>();
    new FileKeyPairProvider(file).loadKeys(null).forEach(read::add);
    assertThat(read).hasSize(1);
    assertThat(KeyUtils.getKeyType(read.get(0))).isEqualTo(KeyPairProvider.SSH_ED25519);
    assertThat(read.get(0).getPublic().getEncoded()).isEqualTo(made.getPublic().getEncoded());
  }
}
