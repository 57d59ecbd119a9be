// DR director: the VIP on the outward interface's alias, real servers reached by direct routing. As root:
//   bin/ipvs-jshell examples/jshell/dr-director.jsh                      set up, print the table
//   IPVS4J_ACTION=down bin/ipvs-jshell examples/jshell/dr-director.jsh   undo exactly what the set-up did
// Environment: VIP (192.0.2.10), PORT (80), RIPS (192.0.2.11,192.0.2.12), SCHEDULER (wlc), OUTWARD (eth0),
// STATE (/run/ipvs4j-dr-director.applied). The real servers need the DR real-server recipe
// (LvsRecipe.drRealServer: the VIP on lo, arp_ignore=1, arp_announce=2).
// One statement, so that JShell compiles it once.
try (var ipvs = Ipvs.open(); var host = LvsHost.open(NetNamespace.current())) {
  var vip = env("VIP", "192.0.2.10");
  var port = Integer.parseInt(env("PORT", "80"));
  var state = Path.of(env("STATE", "/run/ipvs4j-dr-director.applied"));
  if (env("IPVS4J_ACTION", "up").equals("down")) {
    ipvs.service(tcp(vip, port)).removeIfPresent();
    LvsRecipe.revert(host, AppliedRecipe.parse(Files.readString(state)));
    Files.delete(state);
    System.out.println("dr-director: down");
  } else {
    // the VIP on OUTWARD:0, no ICMP redirects; the handle records the prior values for the undo
    var recipe = LvsRecipe.drDirector(env("OUTWARD", "eth0"), List.of(Vip.literal(vip)));
    Files.writeString(state, recipe.apply(host).toText());
    var web = ipvs.service(tcp(vip, port)).scheduler(Scheduler.of(env("SCHEDULER", "wlc"))).create();
    for (var rip : env("RIPS", "192.0.2.11,192.0.2.12").split(",")) {
      web.destination(rip, port).directRoute().add();
    }
    list(ipvs);
  }
} catch (RuntimeException | IOException e) {
  // Say what failed and exit non-zero, so that a calling script notices (JShell alone would carry on).
  System.err.println("dr-director: " + e);
  System.exit(1);
}
/exit
