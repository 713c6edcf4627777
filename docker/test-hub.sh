#!/usr/bin/env bash
# Inside the image, as root (scripts/test-docker.sh runs it): a real JupyterHub (DummyAuthenticator,
# LocalProcessSpawner) spawns the image's jupyterhub-singleuser as jovyan (uid 1000); through the hub's proxy it
# lists the kernelspecs, checks the redirect to the course's start page, starts the nsbook kernel and executes a
# cell that runs a container (the kernel as root through sudo -n and the course's rule), then executes a whole
# notebook cell by cell ($NSBOOK_HUB_NOTEBOOK, default 02-pid-namespace, in en/) and judges it as the notebook
# tests do (test/notebooks/support/analyze.ts: errors, self-checks, the notebook's expectations). Needs
# configurable-http-proxy (npm) in /opt/chp or $NSBOOK_CHP: the image does not carry it, a hub brings its own.
# Prints one line per check; exit 0 when all passed.
set -euo pipefail

CHP=${NSBOOK_CHP:-/opt/chp/node_modules/configurable-http-proxy/bin/configurable-http-proxy}
[[ -f $CHP ]] || {
  echo "hub: configurable-http-proxy not found at $CHP" >&2
  exit 1
}
work=$(mktemp -d /tmp/nsbook-hub.XXXXXX)
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
cat >"$work/jupyterhub_config.py" <<EOF
c = get_config()  # noqa: F821
c.JupyterHub.bind_url = "http://127.0.0.1:8000"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.db_url = "sqlite:///$work/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "$work/cookie_secret"
c.ConfigurableHTTPProxy.command = ["node", "$CHP"]
c.ConfigurableHTTPProxy.pid_file = "$work/proxy.pid"
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allowed_users = {"jovyan"}
c.JupyterHub.spawner_class = "localprocess"
# The image's entrypoint runs first, as it does when a Docker or Kubernetes spawner starts the image as jovyan.
c.Spawner.cmd = ["/course/docker/entrypoint.sh", "jupyterhub-singleuser"]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.services = [{"name": "nsbook-test", "api_token": "$token"}]
c.JupyterHub.load_roles = [{"name": "nsbook-test", "services": ["nsbook-test"],
  "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"]}]
EOF
(cd "$work" && exec jupyterhub -f "$work/jupyterhub_config.py" >"$work/hub.log" 2>&1) &
hub=$!
trap 'kill $hub 2>/dev/null; wait $hub 2>/dev/null; rm -rf "$work"' EXIT

python=/course/.venv/bin/python
# The notebook executed whole through the hub (as a learner would, cell by cell): 02 by default, which starts
# containers from a root kernel.
notebook=${NSBOOK_HUB_NOTEBOOK:-02-pid-namespace}
"$python" - "$token" "$work" "$notebook" <<'EOF' || { tail -40 "$work/hub.log" >&2; exit 1; }
import json, re, sys, time, uuid, urllib.parse, urllib.request
from datetime import datetime, timezone
import websocket  # websocket-client, a dependency of jupyter_server

token, work, notebook = sys.argv[1:4]
base = "http://127.0.0.1:8000"
hdr = {"Authorization": f"token {token}"}

def api(method, path, body=None, ok=(200, 201, 202, 204)):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={**hdr, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        if e.code in ok:
            return e.code, None
        raise SystemExit(f"hub: {method} {path}: HTTP {e.code} {e.read().decode()[:300]}")

def check(name, cond, detail=""):
    print(f"hub: {'PASS' if cond else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
    if not cond:
        raise SystemExit(1)

for _ in range(60):
    try:
        status, info = api("GET", "/hub/api/")
        break
    except Exception:
        time.sleep(1)
else:
    raise SystemExit("hub: JupyterHub did not answer in 60 s")
check("JupyterHub answers", True, f"version {info['version']}")

api("POST", "/hub/api/users/jovyan/server", ok=(201, 202, 400))
t0 = time.time()
while time.time() - t0 < 120:
    _, user = api("GET", "/hub/api/users/jovyan")
    server = user.get("servers", {}).get("", {})
    if server.get("ready"):
        break
    time.sleep(1)
check("jupyterhub-singleuser spawned and ready", server.get("ready", False), f"{time.time() - t0:.1f} s, url {server.get('url')}")

prefix = server["url"].rstrip("/")
_, specs = api("GET", f"{prefix}/api/kernelspecs")
check("the nsbook kernel is offered and the default", "nsbook" in specs["kernelspecs"] and specs["default"] == "nsbook",
      f"default {specs['default']}, kernels {sorted(specs['kernelspecs'])}")
_, contents = api("GET", f"{prefix}/api/contents/en")
names = sorted(c["name"] for c in contents["content"] if c["name"].endswith(".ipynb"))
check("the course's notebooks are the server's folder", "00-preflight.ipynb" in names, f"{len(names)} notebooks in en/")

# The server's own page (what the hub sends the learner to): a redirect to the course's start page.
import http.client
conn = http.client.HTTPConnection("127.0.0.1", 8000, timeout=30)
conn.request("GET", f"{prefix}/", headers=hdr)
resp = conn.getresponse()
location = resp.getheader("Location") or ""
conn.close()
# jupyter_server keeps the request's (here empty) query string on the redirect: ".../00-preflight.ipynb?".
target = urllib.parse.urlsplit(location)
check("the server opens the course's start page", resp.status in (301, 302, 303, 307) and target.path == f"{prefix}/lab/tree/en/00-preflight.ipynb" and target.query == "",
      f"HTTP {resp.status} -> {location}")

def open_kernel(path):
    """A kernel of the course started by jovyan's server for the notebook at path, and its websocket, through the hub's proxy."""
    _, kernel = api("POST", f"{prefix}/api/kernels", {"name": "nsbook", "path": path})
    ws = websocket.create_connection(
        f"ws://127.0.0.1:8000{prefix}/api/kernels/{kernel['id']}/channels", header=[f"Authorization: token {token}"], timeout=600)
    return kernel, ws

def execute(ws, code):
    """One cell: (reply status, its text, its outputs as nbformat writes them, busy/idle times as nbclient records them)."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({"header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex, "msg_type": "execute_request", "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        "channel": "shell", "buffers": []}))
    outputs, text, status, idle, timing = [], [], None, False, {}
    deadline = time.time() + 600
    while time.time() < deadline and not (status is not None and idle):
        m = json.loads(ws.recv())
        if m.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        t, c = m["msg_type"], m["content"]
        if t == "stream":
            text.append(c["text"])
            if outputs and outputs[-1]["output_type"] == "stream" and outputs[-1]["name"] == c["name"]:
                outputs[-1]["text"] += c["text"]
            else:
                outputs.append({"output_type": "stream", "name": c["name"], "text": c["text"]})
        elif t in ("execute_result", "display_data"):
            text.append(c["data"].get("text/plain", "") or c["data"].get("text/html", "")[:200])
            out = {"output_type": t, "data": c["data"], "metadata": c.get("metadata", {})}
            if t == "execute_result":
                out["execution_count"] = c.get("execution_count")
            outputs.append(out)
        elif t == "error":
            text.append("ERROR " + c.get("evalue", ""))
            outputs.append({"output_type": "error", "ename": c["ename"], "evalue": c["evalue"], "traceback": c.get("traceback", [])})
        elif t == "execute_reply":
            status = c["status"]
        elif t == "status":
            state = c["execution_state"]
            timing[f"iopub.status.{state}"] = m["header"].get("date") or datetime.now(timezone.utc).isoformat()
            idle = idle or state == "idle"
    if status is None:
        raise SystemExit("hub: a cell did not finish in 600 s")
    return status, "".join(text), outputs, timing

kernel, ws = open_kernel("en/00-preflight.ipynb")
status, out, _, _ = execute(ws, 'const me = require("os").userInfo(); console.log(me.username, me.uid, process.env.SUDO_USER, process.env.NSBOOK_ROOT_VIA, process.cwd());')
# The server is jovyan's; its kernel is root, started by bin/nsbook-kernel through sudo -n and the course's
# rule (the root helper sets NSBOOK_ROOT_VIA=course-rule), not through a general sudo.
check("jovyan's server runs the nsbook kernel as root through the course's sudo rule",
      status == "ok" and out.startswith("root 0 jovyan course-rule"), f"{status}: {out.strip()[-300:]}")
status, out, _, _ = execute(ws,
    'import { execFileSync } from "child_process";\n'
    'console.log(execFileSync("nsbook", ["run", "--hostname", "hub-test", "--", "sh", "-c", "echo $(hostname) pid $$"]).toString());')
# PID 1 is nsbook's reaping init, so the command is PID 2 of the container's own PID namespace.
check("a container started from the cell (root kernel through the course's rule)", status == "ok" and re.search(r"hub-test pid [12]\b", out) is not None,
      f"{status}: {out.strip()[-300:]}")
ws.close()
api("DELETE", f"{prefix}/api/kernels/{kernel['id']}")

# A whole notebook through the hub, cell by cell as a learner runs it, in a kernel of its own started for it:
# read from jovyan's server (contents API), executed over the websocket until a cell fails, and written with its
# outputs for the notebook tests' own judgement (below).
nb_path = f"en/{notebook}.ipynb"
_, model = api("GET", f"{prefix}/api/contents/{nb_path}?content=1")
nb = model["content"]
kernel, ws = open_kernel(nb_path)
t0 = time.time()
for cell in nb["cells"]:
    if cell["cell_type"] != "code":
        continue
    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    status, _, cell["outputs"], timing = execute(ws, source)
    cell.setdefault("metadata", {})["execution"] = timing
    if status != "ok":
        break
ws.close()
api("DELETE", f"{prefix}/api/kernels/{kernel['id']}")
with open(f"{work}/{notebook}.ipynb", "w") as f:
    json.dump(nb, f)
print(f"hub: {nb_path} executed through jovyan's server in {time.time() - t0:.1f} s", flush=True)
api("DELETE", "/hub/api/users/jovyan/server", ok=(202, 204))
EOF

# The executed notebook judged as the notebook tests judge theirs: errors, self-checks, the notebook's expectations.
cd /course
node_modules/.bin/tsx -e '
import { readFileSync } from "node:fs";
import { parseNotebook } from "./scripts/notebooks/notebook-json.ts";
import { NOTEBOOK_EXPECTATIONS } from "./test/notebooks/expectations.ts";
import { analyzeRun, problemsOf } from "./test/notebooks/support/analyze.ts";
const [file, stem] = process.argv.slice(1);
const run = analyzeRun(parseNotebook(readFileSync(file, "utf8")));
const problems = problemsOf(run, NOTEBOOK_EXPECTATIONS[stem] ?? {});
for (const p of problems) console.log(`hub:   ${p}`);
const passed = run.checks.filter((c) => c.passed).length;
console.log(`hub: ${problems.length === 0 ? "PASS" : "FAIL"} en/${stem}.ipynb through the hub: ${passed} of ${run.checks.length} self-checks passed, ${run.errors.length} errors`);
process.exit(problems.length === 0 ? 0 : 1);
' "$work/$notebook.ipynb" "$notebook"
