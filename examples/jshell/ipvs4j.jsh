// ipvs4j's JShell start-up (bin/ipvs-jshell loads it): the API imported, and a few helpers.
//   var ipvs = Ipvs.open();
//   ipvs.service(tcp("192.0.2.10", 80)).scheduler(WRR).create();
//   list(ipvs);
import io.github.ipvs4j.*;
import io.github.ipvs4j.sysctl.*;
import io.github.ipvs4j.textformat.*;
import static io.github.ipvs4j.ServiceKey.*;
import static io.github.ipvs4j.Scheduler.*;
// In place of JShell's DEFAULT start-up: each import is a snippet to compile, seconds each on a slow machine.
import java.io.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

/** Prints the table as ipvsadm -L -n does. */
void list(IpvsClient ipvs) {
  System.out.print(ListingPrinter.numeric().list(ipvs.info(), ipvs.servicesWithDestinations()));
}

/** Prints the table as ipvsadm -S -n does. */
void save(IpvsClient ipvs) {
  System.out.print(SavePrinter.numeric().print(ipvs.snapshot()));
}

/** An environment variable, or a default. */
String env(String name, String otherwise) {
  return System.getenv().getOrDefault(name, otherwise);
}
