"""Interrupts the nsbook kernel twice and checks that it survives.

Usage: python3 interrupt_probe.py <working dir (a notebooks/<lang> folder)>
Prints one JSON object on the last line: what each request answered, the SIGINT listener counts around
the library's first host command, and whether the kernel was still alive at the end.

Why: Jupyter's Interrupt sends SIGINT to the kernel's process group. If a library adds its own SIGINT
listener during a cell (execa's default cleanup does, on its first spawn), the next interrupt can kill
the kernel. nsbook's host-command layer must not do that.
"""
import json
import sys
import threading
import time

from jupyter_client.manager import start_new_kernel

CELL_TIMEOUT = 120

# Output that arrived for another request than the one running (a cell's code goes on after an interrupt).
stray = []


def text_of(msg):
    kind, content = msg["msg_type"], msg["content"]
    if kind == "stream":
        return content["text"]
    if kind == "error":
        return f"{content['ename']}: {content['evalue']}"
    return ""


def run(kc, code, interrupt_after=None, km=None):
    """Executes code; optionally interrupts after a delay. Returns status, stdout, stderr, seconds."""
    msg_id = kc.execute(code)
    timer = None
    if interrupt_after is not None:
        timer = threading.Timer(interrupt_after, km.interrupt_kernel)
        timer.start()
    started = time.time()
    out, err = [], []
    while True:
        msg = kc.get_iopub_msg(timeout=CELL_TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            stray.append(text_of(msg))
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream":
            (out if content["name"] == "stdout" else err).append(content["text"])
        elif kind == "error":
            err.append(f"{content['ename']}: {content['evalue']}")
        elif kind == "status" and content["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=CELL_TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    if timer:
        timer.cancel()
    return {
        "status": reply["content"].get("status"),
        "stdout": "".join(out),
        "stderr": "".join(err),
        "seconds": round(time.time() - started, 2),
    }


def main():
    cwd = sys.argv[1]
    started = time.time()
    km, kc = start_new_kernel(kernel_name="nsbook", cwd=cwd, startup_timeout=120)
    result = {"kernelStartSeconds": round(time.time() - started, 2), "steps": []}
    try:
        steps = result["steps"]
        # Imports get their own cell: tslab forgets the declarations of a cell that fails or is interrupted.
        steps.append(
            run(
                kc,
                'import { runHost } from "../../dist/lib/index.js";\n'
                'const sigintBefore = process.listenerCount("SIGINT");\n'
                "console.log(sigintBefore);",
            )
        )
        # 1: a host command through the library, then a long wait that gets interrupted.
        steps.append(
            run(
                kc,
                'const r = await runHost(["uname", "-r"]);\n'
                'console.log("listeners", sigintBefore, process.listenerCount("SIGINT"), r.stdout.trim());\n'
                "await new Promise((resolve) => setTimeout(resolve, 5000));\n"
                'console.log("wait 1 finished");',
                interrupt_after=1.5,
                km=km,
            )
        )
        time.sleep(0.5)  # tslab drops requests for ~200 ms after a failed cell
        # 2: interrupted while a host command runs (SIGINT reaches it too: same process group).
        steps.append(run(kc, 'await runHost(["sleep", "5"]);\nconsole.log("sleep finished");', interrupt_after=1.5, km=km))
        time.sleep(0.5)
        # 3: once more, after the library has spawned several times.
        steps.append(
            run(
                kc,
                'await runHost(["true"]);\nawait new Promise((resolve) => setTimeout(resolve, 5000));\nconsole.log("wait 3 finished");',
                interrupt_after=1.5,
                km=km,
            )
        )
        time.sleep(0.5)
        # Interrupting a cell does not stop its code: what it does later lands in the cell running then.
        # Wait long enough for every interrupted cell above to have finished or failed.
        steps.append(run(kc, 'await new Promise((resolve) => setTimeout(resolve, 6000));\nconsole.log("alive", 6 * 7);'))
        result["alive"] = km.is_alive()
        try:
            while True:
                stray.append(text_of(kc.get_iopub_msg(timeout=1)))
        except Exception:  # queue empty
            pass
        result["stray"] = "".join(stray)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
