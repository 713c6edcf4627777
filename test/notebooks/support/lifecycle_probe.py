"""Restarts and kills an nsbook kernel the ways Jupyter and a crash do, and reports what each left behind.

Usage: python3 lifecycle_probe.py <working dir (a notebooks/<lang> folder)> <nsbook command>
Prints one JSON object on the last line: the kernel's uid and owner, and after each event the containers that
`nsbook ps --json` still lists (the kernel's containers must be gone; the reaper of scripts/kernel/run-kernel.sh
removes them however the kernel ended).
"""
import json
import os
import signal
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 120


def run(kc, code):
    msg_id = kc.execute(code)
    out = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"], "".join(out)


def containers(nsbook):
    out = subprocess.run([nsbook, "ps", "--json"], capture_output=True, text=True, check=True).stdout
    return sorted(c["name"] for c in json.loads(out))


def gone_within(nsbook, names, seconds):
    """The containers of `names` still listed once they are gone or `seconds` have passed."""
    deadline = time.time() + seconds
    while True:
        left = [n for n in containers(nsbook) if n in names]
        if not left or time.time() > deadline:
            return left
        time.sleep(0.5)


START = (
    'const { startContainer } = require("../../dist/lib/index.js");\n'
    'await startContainer({ name: "%s", command: ["sleep", "1000"] });\n'
    'console.log(process.getuid(), process.env.NSBOOK_OWNER);'
)


def main():
    workdir, nsbook = sys.argv[1], sys.argv[2]
    result = {}
    km = KernelManager(kernel_name="nsbook")
    km.start_kernel(cwd=workdir)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        status, out = run(kc, START % "nsbook-lifecycle-1")
        result["first"] = {"status": status, "out": out.strip()}
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=TIMEOUT)
        result["afterRestart"] = gone_within(nsbook, ["nsbook-lifecycle-1"], 20)
        status, out = run(kc, START % "nsbook-lifecycle-2")
        result["second"] = {"status": status, "out": out.strip()}
        # What a crash looks like to Jupyter: the process it started dies by SIGKILL.
        os.kill(km.provisioner.process.pid, signal.SIGKILL)
        result["afterKill"] = gone_within(nsbook, ["nsbook-lifecycle-2"], 20)
    finally:
        kc.stop_channels()
        try:
            km.shutdown_kernel(now=True)
        except Exception:  # the kernel was killed on purpose
            pass
    print(json.dumps(result))


if __name__ == "__main__":
    main()
