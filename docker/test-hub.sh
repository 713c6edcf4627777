#!/usr/bin/env bash
# Inside the image, as root (scripts/test-docker.sh runs it): a real JupyterHub (DummyAuthenticator,
# LocalProcessSpawner) spawns the image's jupyterhub-singleuser as jovyan (uid 1000), then, through the
# hub's proxy, lists the kernelspecs, starts the nsbook kernel and executes a cell that runs a container
# (the kernel as root through sudo -n and the course's rule). Needs configurable-http-proxy (npm) in /opt/chp or $NSBOOK_CHP: the image does
# not carry it, a hub brings its own. Prints one line per check; exit 0 when all passed.
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
"$python" - "$token" <<'EOF' || { tail -40 "$work/hub.log" >&2; exit 1; }
import json, re, sys, time, uuid, urllib.request
import websocket  # websocket-client, a dependency of jupyter_server

token = sys.argv[1]
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
check("the server opens the course's start page", resp.status in (301, 302, 303, 307) and location.endswith("/lab/tree/en/00-preflight.ipynb"),
      f"HTTP {resp.status} -> {location}")

_, kernel = api("POST", f"{prefix}/api/kernels", {"name": "nsbook", "path": "en/00-preflight.ipynb"})
ws = websocket.create_connection(
    f"ws://127.0.0.1:8000{prefix}/api/kernels/{kernel['id']}/channels", header=[f"Authorization: token {token}"], timeout=120)

def execute(code):
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({"header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex, "msg_type": "execute_request", "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        "channel": "shell", "buffers": []}))
    out, status, idle = [], None, False
    deadline = time.time() + 120
    while time.time() < deadline and not (status is not None and idle):
        m = json.loads(ws.recv())
        if m.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        t = m["msg_type"]
        if t == "stream":
            out.append(m["content"]["text"])
        elif t in ("execute_result", "display_data"):
            out.append(m["content"]["data"].get("text/plain", "") or m["content"]["data"].get("text/html", "")[:200])
        elif t == "error":
            out.append("ERROR " + m["content"].get("evalue", ""))
        elif t == "execute_reply":
            status = m["content"]["status"]
        elif t == "status" and m["content"]["execution_state"] == "idle":
            idle = True
    return status, "".join(out)

status, out = execute('const me = require("os").userInfo(); console.log(me.username, me.uid, process.env.SUDO_USER, process.env.NSBOOK_ROOT_VIA, process.cwd());')
# The server is jovyan's; its kernel is root, started by bin/nsbook-kernel through sudo -n and the course's
# rule (the root helper sets NSBOOK_ROOT_VIA=course-rule), not through a general sudo.
check("jovyan's server runs the nsbook kernel as root through the course's sudo rule",
      status == "ok" and out.startswith("root 0 jovyan course-rule"), f"{status}: {out.strip()[-300:]}")
status, out = execute(
    'import { execFileSync } from "child_process";\n'
    'console.log(execFileSync("nsbook", ["run", "--hostname", "hub-test", "--", "sh", "-c", "echo $(hostname) pid $$"]).toString());')
# PID 1 is nsbook's reaping init, so the command is PID 2 of the container's own PID namespace.
check("a container started from the cell (root kernel through the course's rule)", status == "ok" and re.search(r"hub-test pid [12]\b", out) is not None,
      f"{status}: {out.strip()[-300:]}")
ws.close()
api("DELETE", f"{prefix}/api/kernels/{kernel['id']}")
api("DELETE", "/hub/api/users/jovyan/server", ok=(202, 204))
EOF
