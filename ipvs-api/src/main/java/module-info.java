/** The ipvs4j API: the typed IPVS model, {@code IpvsClient} and the exception hierarchy. Depends on the JDK only. */
module io.github.ipvs4j {
  exports io.github.ipvs4j;
}
