package io.github.ipvs4j;

/** What an idempotent {@code ensure…} call had to do to make the kernel match. */
public enum Change {
  /** The object was absent and was created. */
  CREATED,
  /** The object existed with other settings and was replaced. */
  UPDATED,
  /** The object existed as asked; nothing was sent. */
  UNCHANGED
}
