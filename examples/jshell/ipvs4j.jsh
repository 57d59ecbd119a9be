// ipvs4j's JShell start-up (bin/ipvs-jshell loads it): the API imported, and list(ipvs), save(ipvs), env(name, or).
//   var ipvs = Ipvs.open();
//   ipvs.service(tcp("192.0.2.10", 80)).scheduler(WRR).create();
//   list(ipvs);
// In place of JShell's DEFAULT start-up: each import is a snippet to compile, seconds each on a slow machine.
import io.github.ipvs4j.*;
import io.github.ipvs4j.sysctl.*;
import io.github.ipvs4j.textformat.*;
import static io.github.ipvs4j.ServiceKey.*;
import static io.github.ipvs4j.Scheduler.*;
import static io.github.ipvs4j.examples.jshell.Shell.*;
import java.io.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
