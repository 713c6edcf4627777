// `nsbook layers`: list, commit and remove the read-only layers containers can stack on their rootfs.
import { parseArgs } from "node:util";
import {
  commitLayer,
  listKeptUppers,
  listLayers,
  removeKeptUpper,
  removeLayer,
} from "../../lib/overlay/index.js";
import type { CliCommand } from "../command.js";
import { UsageError } from "../usage-error.js";

const USAGE = [
  "nsbook layers list [--json]",
  "       nsbook layers commit NAME --from CONTAINER|UPPER_DIR [--replace]",
  "       nsbook layers remove NAME",
  "       nsbook layers remove --upper CONTAINER   (an upper layer kept with --keep-upper)",
].join("\n");

function parse(args: string[], options: Record<string, { type: "string" | "boolean" }>, positionals: number) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split(". ")[0] ?? "bad arguments", USAGE);
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(positionals === 0 ? "unexpected argument" : "expected a layer NAME", USAGE);
  }
  return parsed;
}

export const layersCommand: CliCommand = {
  name: "layers",
  summary: "list, commit (from a container's upper layer) and remove overlay layers",
  usage: USAGE,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === "list") {
      const { values } = parse(rest, { json: { type: "boolean" } }, 0);
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
      const { values, positionals } = parse(
        rest,
        { from: { type: "string" }, replace: { type: "boolean" } },
        1,
      );
      if (typeof values.from !== "string") throw new UsageError("commit needs --from CONTAINER", USAGE);
      const layer = await commitLayer(values.from, String(positionals[0]), {
        replace: values.replace === true,
      });
      const w = layer.whiteouts.length;
      process.stdout.write(`${layer.name}\t${layer.dir}\t(${w} whiteout${w === 1 ? "" : "s"})\n`);
      return 0;
    }
    if (sub === "remove") {
      const { values, positionals } = parse(rest, { upper: { type: "boolean" } }, 1);
      const name = String(positionals[0]);
      const removed = values.upper ? await removeKeptUpper(name) : await removeLayer(name);
      process.stdout.write(removed ? `${name}\n` : `no layer "${name}"\n`);
      return 0;
    }
    throw new UsageError(sub === undefined ? "missing subcommand" : `unknown subcommand "${sub}"`, USAGE);
  },
};
