// NAT director, the classic ipvsadm start/stop script as one JShell script on ipvs4j. As root, on the director:
//   bin/ipvs-jshell examples/jshell/nat-director.jsh                     set up, print the table
//   IPVS4J_ACTION=down bin/ipvs-jshell examples/jshell/nat-director.jsh  undo exactly what the set-up did
// Environment: VIP (192.0.2.10), PORT (80), RIPS (198.51.100.11,198.51.100.12), RPORT (8080), OUTWARD (eth0),
// INWARD (eth1), STATE (/run/ipvs4j-nat-director.applied: what the set-up changed, for the undo).
// One statement, so that JShell compiles it once.
try (var ipvs = Ipvs.open(); var host = LvsHost.open(NetNamespace.current())) {
  var vip = env("VIP", "192.0.2.10");
  var port = Integer.parseInt(env("PORT", "80"));
  var outward = env("OUTWARD", "eth0");
  var state = Path.of(env("STATE", "/run/ipvs4j-nat-director.applied"));
  if (env("IPVS4J_ACTION", "up").equals("down")) {
    ipvs.service(tcp(vip, port)).removeIfPresent();
    LvsRecipe.revert(host, AppliedRecipe.parse(Files.readString(state)));
    Files.delete(state);
    System.out.println("nat-director: down");
  } else {
    // ip_forward=1, no ICMP redirects, the VIP on OUTWARD:0; the handle records the prior values for the undo
    var recipe = LvsRecipe.natDirector(List.of(outward, env("INWARD", "eth1")))
        .plus(RecipeStep.vips(List.of(Vip.of(vip, outward).withLabel(outward + ":0"))));
    Files.writeString(state, recipe.apply(host).toText());
    var web = ipvs.service(tcp(vip, port)).scheduler(WRR).create();
    for (var rip : env("RIPS", "198.51.100.11,198.51.100.12").split(",")) {
      web.destination(rip, Integer.parseInt(env("RPORT", "8080"))).masquerade().weight(1).add();
    }
    list(ipvs);
  }
} catch (RuntimeException | IOException e) {
  // Say what failed and exit non-zero, so that a calling script notices (JShell alone would carry on).
  System.err.println("nat-director: " + e);
  System.exit(1);
}
/exit
