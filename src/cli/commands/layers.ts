// `nsbook layers`: list, commit and remove the read-only layers containers can stack on their rootfs.
import { commitLayer, listKeptUppers, listLayers, removeKeptUpper, removeLayer } from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { type CommandGroup, parseCommandLine, subcommandOf, usageOf } from "../options.js";
import { UsageError } from "../usage-error.js";

/** `nsbook layers`'s subcommands and their options, once: parsers and `--help` read these tables. */
export const LAYERS_SYNTAX: CommandGroup = {
  command: "nsbook layers",
  subcommands: {
    list: {
      command: "nsbook layers list",
      tail: "",
      maxWords: 0,
      options: [{ name: "json", help: "print the layers and kept upper layers as JSON" }],
    },
    commit: {
      command: "nsbook layers commit",
      tail: "NAME",
      maxWords: 1,
      options: [
        {
          name: "from",
          value: "CONTAINER|UPPER_DIR",
          required: true,
          help: "the upper layer to save: a container's (run with --overlay) or a folder",
        },
        { name: "replace", help: "replace a layer of that NAME" },
      ],
    },
    remove: {
      command: "nsbook layers remove",
      tail: "NAME",
      maxWords: 1,
      options: [{ name: "upper", help: "NAME is a container whose upper layer was kept with --keep-upper" }],
    },
  },
  notes: [
    "Layers are read-only folders a container started with `nsbook run --overlay --layer NAME` stacks on its rootfs.",
  ],
};

/** The one NAME of `commit` and `remove`. */
function layerName(words: readonly string[], usage: string): string {
  if (words.length !== 1) throw new UsageError("expected a layer NAME", usage);
  return words[0] as string;
}

export const layersCommand: CliCommand = {
  syntax: LAYERS_SYNTAX,
  async run(args) {
    const { name: sub, syntax, args: rest } = subcommandOf(args, LAYERS_SYNTAX);
    const { values, words } = parseCommandLine(rest, syntax);
    if (sub === "list") {
      const layers = await listLayers();
      const uppers = await listKeptUppers();
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ layers, keptUppers: uppers }, null, 2)}\n`);
        return 0;
      }
      if (layers.length === 0) process.stdout.write("no layers (commit one: nsbook layers commit)\n");
      for (const l of layers) {
        const used = l.usedBy.length > 0 ? `  used by ${l.usedBy.join(", ")}` : "";
        process.stdout.write(`${l.name}\t${l.committedAt}\t${l.dir}${used}\n`);
      }
      for (const u of uppers) process.stdout.write(`kept upper of ${u.container}\t${u.dir}\n`);
      return 0;
    }
    if (sub === "commit") {
      const name = layerName(words, usageOf(syntax));
      const layer = await commitLayer(values.from as string, name, {
        replace: values.replace === true,
      });
      const w = layer.whiteouts.length;
      process.stdout.write(`${layer.name}\t${layer.dir}\t(${w} whiteout${w === 1 ? "" : "s"})\n`);
      return 0;
    }
    const name = layerName(words, usageOf(syntax));
    // remove
    const removed = values.upper ? await removeKeptUpper(name) : await removeLayer(name);
    process.stdout.write(removed ? `${name}\n` : `no layer "${name}"\n`);
    return 0;
  },
};
