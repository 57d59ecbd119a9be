package io.github.ipvs4j.internal;

import io.github.ipvs4j.Destination;
import java.net.InetAddress;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.RandomAccess;

/**
 * A growing list of destinations that is always strictly ascending in {@link Destination#ORDER} and holds no null,
 * for a reader that builds a service's destinations in save-file order. Not API.
 *
 * <p>Every change keeps the order ({@link #append} takes only a destination past the last one, {@link #replace} only
 * one at the same address and port), so {@link io.github.ipvs4j.ServiceConfig} takes this list's order as proven
 * instead of comparing every neighbour again. The list view is read-only.
 */
public final class AscendingDestinations extends AbstractList<Destination> implements RandomAccess {
  private Destination[] elements = new Destination[8];
  private int size;

  /** Appends {@code d} if it comes after the last destination; false (and nothing changed) if it does not. */
  public boolean append(Destination d) {
    Checks.notNull("destination", d);
    if (size > 0 && Destination.ORDER.compare(elements[size - 1], d) >= 0) {
      return false;
    }
    if (size == elements.length) {
      elements = Arrays.copyOf(elements, size * 2);
    }
    elements[size++] = d;
    return true;
  }

  /** The index of the destination at {@code address} and {@code port}, or a negative number if there is none. */
  public int indexOf(InetAddress address, int port) {
    return Collections.binarySearch(this, Destination.of(address, port), Destination.ORDER);
  }

  /** Replaces the destination at {@code index} with {@code d}, which must be at the same address and port. */
  public void replace(int index, Destination d) {
    if (index >= size || !d.isAt(elements[index].address(), elements[index].port())) {
      throw new IllegalArgumentException("not the destination at index " + index + ": " + d);
    }
    elements[index] = d;
  }

  /** Removes the destination at {@code index}. */
  public void removeAt(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    System.arraycopy(elements, index + 1, elements, index, size - index - 1);
    elements[--size] = null;
  }

  @Override
  public Destination get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return elements[index];
  }

  @Override
  public int size() {
    return size;
  }

  /** The destinations in their order, as a new array. */
  public Destination[] copy() {
    return Arrays.copyOf(elements, size);
  }
}
