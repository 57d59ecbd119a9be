/**
 * ipvsadm's text formats for ipvs4j: the {@code ipvsadm-save} / {@code ipvsadm -R} rules format (parser and printer)
 * and the {@code ipvsadm -L} listings (printer), byte for byte. Depends on the API module only.
 */
module io.github.ipvs4j.textformat {
  requires transitive io.github.ipvs4j;

  exports io.github.ipvs4j.textformat;
}
