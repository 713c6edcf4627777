// Every CLI command, in the order `nsbook help` lists them: its name, its one line for `nsbook help`, and how to
// load it. A command's module is loaded only when it runs (or its --help is asked for), so `nsbook ps` does not
// load what `nsbook handouts` needs (the notebook helpers, Jupyter's tools). Add one entry per command module.
import type { CliCommand } from "../command.js";

/** One command of `nsbook`, before its module is loaded. */
export interface CommandEntry {
  /** e.g. "doctor" */
  name: string;
  /** One line for `nsbook help`. */
  summary: string;
  /** Loads the command's module. */
  load(): Promise<CliCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "doctor",
    summary:
      "check what this machine can run (privileges, namespaces, cgroups, tools) and how to fix the rest",
    load: async () => (await import("./doctor.js")).doctorCommand,
  },
  {
    name: "rootfs",
    summary: "make, list and remove root filesystems (busybox offline default, Alpine, any tarball)",
    load: async () => (await import("./rootfs.js")).rootfsCommand,
  },
  {
    name: "layers",
    summary: "list, commit (from a container's upper layer) and remove overlay layers",
    load: async () => (await import("./layers.js")).layersCommand,
  },
  {
    name: "run",
    summary: "run a command in a new container (exits with its exit code), or start one with --detach",
    load: async () => (await import("./run.js")).runCommand,
  },
  {
    name: "exec",
    summary: "run a command inside a running container (its namespaces, root and working directory)",
    load: async () => (await import("./exec.js")).execCommand,
  },
  {
    name: "shell",
    summary: "open an interactive shell inside a running container",
    load: async () => (await import("./shell.js")).shellCommand,
  },
  {
    name: "ps",
    summary:
      "list containers, whose they are (learner, session) and their status (PID: the host PID of the init)",
    load: async () => (await import("./ps.js")).psCommand,
  },
  {
    name: "stop",
    summary:
      "stop containers (SIGTERM, then SIGKILL) and remove their state and resources; --all for every one, --owner for a kernel's",
    load: async () => (await import("./stop.js")).stopCommand,
  },
  {
    name: "kill",
    summary:
      "send a signal (default SIGKILL) to containers' commands; the container stays until `nsbook stop`",
    load: async () => (await import("./kill.js")).killCommand,
  },
  {
    name: "network",
    summary: "show the bridge nsbook0 and its address leases, or print (never run) the NAT commands",
    load: async () => (await import("./network.js")).networkCommand,
  },
  {
    name: "stats",
    summary: "show a container's memory, CPU and process use against its limits",
    load: async () => (await import("./stats.js")).statsCommand,
  },
  {
    name: "logs",
    summary: "print what a detached container's command wrote (stdout and stderr); -f to follow it",
    load: async () => (await import("./logs.js")).logsCommand,
  },
  {
    name: "step",
    summary: "reproduce step N (1-7) of the original shell course",
    load: async () => (await import("./step.js")).stepCommand,
  },
  {
    name: "handouts",
    summary: "execute the notebooks and write HTML/PDF handouts with an index page",
    load: async () => (await import("./handouts.js")).handoutsCommand,
  },
];
