// The Python program that executes a notebook for a handout (run as `python3 -c <this> ...`), instead of
// `jupyter nbconvert --execute`. Why: the kernel runs in a session of its own (jupyter_client starts it
// with start_new_session), and when nbconvert is interrupted or terminated, nbclient 0.7 leaves that
// kernel running, orphaned, holding the pipes the caller waits on (seen here: SIGINT and SIGTERM both).
// This program kills the kernel's process group itself on the way out. It also reports each cell as it
// starts, on stderr, so the CLI can show progress inside a long notebook.
//
// argv: <notebook> <executed copy to write> <kernel name> <cell timeout, s> <startup timeout, s>

/** Prefix of the stderr line announcing a cell: `NSBOOK-HANDOUT-CELL <n> <of>` (code cells, 1-based). */
export const CELL_PROGRESS_PREFIX = "NSBOOK-HANDOUT-CELL ";

/** The program's source. */
export const EXECUTE_NOTEBOOK_PY = `
import os, signal, sys, time
import nbformat
from nbclient import NotebookClient

src, dst, kernel_name, timeout, startup_timeout = sys.argv[1:6]

def stop(signum, frame):
    raise KeyboardInterrupt("stopped by signal %d" % signum)

def own_signals(**kwargs):
    # nbclient installs handlers of its own that do not stop the run: ours raise instead.
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

nb = nbformat.read(src, as_version=4)
code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]

def on_cell_start(cell, cell_index, **kwargs):
    if cell_index in code_cells:
        n = code_cells.index(cell_index) + 1
        sys.stderr.write("${CELL_PROGRESS_PREFIX}%d %d\\n" % (n, len(code_cells)))
        sys.stderr.flush()

def kill_kernel(client):
    km = getattr(client, "km", None)
    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is None or process.poll() is not None:
        return
    # The kernel leads its own process group: end the group (what the cells started in it goes too).
    for sig, wait in ((signal.SIGTERM, 1.0), (signal.SIGKILL, 1.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        if process.poll() is not None:
            return

own_signals()
client = NotebookClient(
    nb,
    kernel_name=kernel_name,
    timeout=int(timeout),
    startup_timeout=int(startup_timeout),
    allow_errors=True,
    record_timing=True,
    resources={"metadata": {"path": os.path.dirname(os.path.abspath(src))}},
    on_notebook_start=own_signals,
    on_cell_start=on_cell_start,
)
try:
    client.execute()
finally:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    kill_kernel(client)
nbformat.write(nb, dst)
`;
