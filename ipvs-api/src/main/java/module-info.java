/**
 * The ipvs4j API: the typed IPVS model, {@code IpvsClient}, the exception hierarchy and the provider SPI. Depends on
 * the JDK only.
 *
 * @uses io.github.ipvs4j.spi.IpvsClientProvider to find an implementation for {@link io.github.ipvs4j.Ipvs#open()}
 */
module io.github.ipvs4j {
  exports io.github.ipvs4j;
  exports io.github.ipvs4j.spi;
  exports io.github.ipvs4j.testing;
  // for the save-file reader: a destination list whose order ServiceConfig need not prove again
  exports io.github.ipvs4j.internal to
      io.github.ipvs4j.textformat;

  uses io.github.ipvs4j.spi.IpvsClientProvider;
}
