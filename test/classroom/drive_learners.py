"""Drives a class through JupyterHub's HTTP API, as scripts/test-classroom.sh asks: every learner logs in
(a token for their password: POST /hub/api/users/NAME/tokens), starts their server, and executes the given
notebooks cell by cell over the kernel websocket API of their own server, through the hub's proxy. All
learners run at the same moment (a barrier before each notebook). Writes each executed notebook (nbformat, with
outputs and nbclient-style timing) to OUT/NAME/NOTEBOOK.ipynb and, per learner, what their kernel says it is
(uid, NSBOOK_SCOPE, NSBOOK_OWNER, hostname) to OUT/NAME/identity.json.

usage: drive_learners.py HUB_URL OUT NOTEBOOK_PATH... < learners (one "name password" a line)
NOTEBOOK_PATH is relative to a learner's home, e.g. nsbook/notebooks/en/02-pid-namespace.ipynb.
Standard library and websocket-client only (both in the classroom's venv)."""

import http.cookiejar
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone

import websocket  # websocket-client, a dependency of jupyter_server

CELL_TIMEOUT_S = 600
IDENTITY_CODE = (
    'console.log(JSON.stringify({uid: process.geteuid(), realUid: process.getuid(), scope: process.env.NSBOOK_SCOPE, '
    'owner: process.env.NSBOOK_OWNER, hostname: require("node:os").hostname()}));'
)


def api(url, method="GET", body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"token {token}")
    with urllib.request.urlopen(request, timeout=120) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def log_in(hub, name, password):
    """The hub's login form, as a browser sends it (with its _xsrf cookie): PAM checks the password and the hub
    records the learner. Then a token for the API, asked for with the same password."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    opener.open(f"{hub}/hub/login", timeout=60).read()
    xsrf = next(c.value for c in jar if c.name == "_xsrf")
    form = urllib.parse.urlencode({"username": name, "password": password, "_xsrf": xsrf}).encode()
    try:
        opener.open(f"{hub}/hub/login", data=form, timeout=60)
        raise RuntimeError("the hub did not accept the login (no redirect)")
    except urllib.error.HTTPError as e:
        if e.code != 302:
            raise RuntimeError(f"login refused: HTTP {e.code}") from e
    return api(f"{hub}/hub/api/users/{name}/tokens", "POST",
               {"auth": {"username": name, "password": password}, "note": "classroom test", "expires_in": 3600})["token"]


def now():
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


class Kernel:
    """One kernel of one learner's server, over its websocket channels."""

    def __init__(self, ws_url, token):
        # The token goes in a header: the single-user server does not take one from the URL.
        self.ws = websocket.create_connection(ws_url, timeout=CELL_TIMEOUT_S, header=[f"Authorization: token {token}"])
        self.session = uuid.uuid4().hex

    def execute(self, code):
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": self.session,
                       "username": "classroom", "version": "5.3", "date": now()},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": False},
        }))
        outputs, timing, idle, replied = [], {}, False, False
        deadline = time.monotonic() + CELL_TIMEOUT_S
        while not (idle and replied):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no answer in {CELL_TIMEOUT_S} s")
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["header"]["msg_type"], msg["content"]
            if msg["channel"] == "shell" and kind == "execute_reply":
                replied = True
            elif kind == "status":
                timing[f"iopub.status.{content['execution_state']}"] = msg["header"].get("date", now())
                idle = idle or content["execution_state"] == "idle"
            elif kind == "stream":
                if outputs and outputs[-1]["output_type"] == "stream" and outputs[-1]["name"] == content["name"]:
                    outputs[-1]["text"] += content["text"]
                else:
                    outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
            elif kind in ("display_data", "execute_result"):
                out = {"output_type": kind, "data": content["data"], "metadata": content.get("metadata", {})}
                if kind == "execute_result":
                    out["execution_count"] = content.get("execution_count")
                outputs.append(out)
            elif kind == "error":
                outputs.append({"output_type": "error", "ename": content["ename"], "evalue": content["evalue"],
                                "traceback": content.get("traceback", [])})
        return outputs, timing

    def close(self):
        self.ws.close()


def run_learner(hub, out, name, password, notebooks, barrier, report):
    result = {"learner": name, "notebooks": {}, "error": None}
    report[name] = result
    try:
        t0 = time.monotonic()
        token = log_in(hub, name, password)
        api(f"{hub}/hub/api/users/{name}/server", "POST", {}, token)
        while True:
            model = api(f"{hub}/hub/api/users/{name}", token=token)
            server = (model.get("servers") or {}).get("", {})
            if server.get("ready"):
                break
            if time.monotonic() - t0 > 180:
                raise TimeoutError("the server did not become ready in 180 s")
            time.sleep(0.5)
        result["serverReadyS"] = round(time.monotonic() - t0, 1)
        base = f"{hub}/user/{name}"
        os.makedirs(os.path.join(out, name), exist_ok=True)
        for path in notebooks:
            barrier.wait()  # every learner starts this notebook at the same moment
            started = time.monotonic()
            nb = json.load(open(os.path.join(os.path.expanduser(f"~{name}"), path)))
            session = api(f"{base}/api/sessions", "POST",
                          {"path": path, "type": "notebook", "name": os.path.basename(path), "kernel": {"name": "nsbook"}}, token)
            kernel_id = session["kernel"]["id"]
            ws_url = base.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels"
            kernel = Kernel(ws_url, token)
            try:
                for cell in nb["cells"]:
                    if cell["cell_type"] != "code":
                        continue
                    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                    outputs, timing = kernel.execute(source)
                    cell["outputs"] = outputs
                    cell.setdefault("metadata", {})["execution"] = timing
                identity_out, _ = kernel.execute(IDENTITY_CODE)
                identity = json.loads("".join(o.get("text", "") for o in identity_out if o["output_type"] == "stream").strip())
            finally:
                kernel.close()
                api(f"{base}/api/sessions/{session['id']}", "DELETE", token=token)
            stem = os.path.splitext(os.path.basename(path))[0]
            json.dump(nb, open(os.path.join(out, name, f"{stem}.ipynb"), "w"), indent=1)
            result["notebooks"][stem] = {"seconds": round(time.monotonic() - started, 1), "identity": identity}
        api(f"{hub}/hub/api/users/{name}/server", "DELETE", {}, token)
        result["totalS"] = round(time.monotonic() - t0, 1)
    except Exception as e:  # reported per learner; the barrier is broken so the others do not wait forever
        result["error"] = f"{type(e).__name__}: {str(e)[:500]}"
        barrier.abort()


def main():
    hub, out, *notebooks = sys.argv[1:]
    learners = [line.split(None, 1) for line in sys.stdin.read().splitlines() if line.strip()]
    barrier = threading.Barrier(len(learners))
    report = {}
    threads = [threading.Thread(target=run_learner, args=(hub, out, n, p.strip(), notebooks, barrier, report))
               for n, p in learners]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    json.dump(report, open(os.path.join(out, "report.json"), "w"), indent=1)
    failed = [r for r in report.values() if r["error"]]
    for r in failed:
        print(f"learner {r['learner']}: {r['error']}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
