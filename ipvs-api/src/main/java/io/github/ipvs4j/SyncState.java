package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;

/** The role of a connection-synchronisation daemon ({@code IPVS_DAEMON_ATTR_STATE}). */
public enum SyncState {
  /** {@code IP_VS_STATE_MASTER} = 1: sends connection updates. */
  MASTER(1),
  /** {@code IP_VS_STATE_BACKUP} = 2: receives them. */
  BACKUP(2);

  private final int code;

  SyncState(int code) {
    this.code = code;
  }

  /** The kernel value. */
  public int code() {
    return code;
  }

  /** The state for kernel value {@code code}: 1 or 2. */
  public static SyncState fromCode(int code) {
    Checks.range("state", code, 1, 2);
    return code == 1 ? MASTER : BACKUP;
  }

  /** {@code "master"} or {@code "backup"}, as ipvsadm spells them. */
  public String label() {
    return this == MASTER ? "master" : "backup";
  }
}
