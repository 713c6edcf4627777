// Bridge networking for containers: a host bridge, a veth pair per container, addresses, routes, and checks.

export * from "./attach.js";
export * from "./bridge.js";
export * from "./connect-container.js";
export * from "./container-network.js";
export * from "./file-lock.js";
export * from "./ip-argv.js";
export * from "./ipam.js";
export * from "./leftovers.js";
export * from "./link-names.js";
export * from "./nat-commands.js";
export * from "./network-options.js";
export * from "./ping.js";
export * from "./scope-network.js";
export * from "./subnet.js";
