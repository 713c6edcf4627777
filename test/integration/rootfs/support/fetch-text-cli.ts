// Fetches one URL with nsbook's downloader in a process of its own (so NODE_EXTRA_CA_CERTS and the proxy
// variables apply as they would for `nsbook rootfs alpine`) and prints {"text": ...} or {"error": ...}.
import { fetchText } from "../../../../src/lib/rootfs/download/fetch-text.js";

fetchText(new URL(process.argv[2] ?? ""), { idleTimeoutMs: 5_000 }).then(
  (text) => console.log(JSON.stringify({ text })),
  (e: Error) => console.log(JSON.stringify({ error: e.message })),
);
