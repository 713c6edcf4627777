"""Runs code cells in a fresh nsbook kernel and prints what each produced, as JSON.

Usage: python3 run_cells.py <working dir> < cells.json   (a JSON list of cell sources)
Prints one JSON object on the last line: {"kernelStartSeconds": s, "cells": [{"status", "outputs"}]},
where each output is {"type": msg_type, "data": {...}, "displayId": id or null, "name", "text"}.
"""
import json
import sys
import time

from jupyter_client.manager import start_new_kernel

TIMEOUT = 120


def main():
    cells = json.load(sys.stdin)
    started = time.time()
    km, kc = start_new_kernel(kernel_name="nsbook", cwd=sys.argv[1], startup_timeout=120)
    result = {"kernelStartSeconds": round(time.time() - started, 2), "cells": []}
    try:
        for code in cells:
            msg_id = kc.execute(code)
            outputs = []
            while True:
                msg = kc.get_iopub_msg(timeout=TIMEOUT)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "status" and content["execution_state"] == "idle":
                    break
                if kind in ("stream", "display_data", "update_display_data", "execute_result", "error"):
                    outputs.append(
                        {
                            "type": kind,
                            "name": content.get("name"),
                            "text": content.get("text") or content.get("evalue"),
                            "data": content.get("data"),
                            "displayId": (content.get("transient") or {}).get("display_id"),
                        }
                    )
            while True:
                reply = kc.get_shell_msg(timeout=TIMEOUT)
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
            result["cells"].append({"status": reply["content"].get("status"), "outputs": outputs})
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
