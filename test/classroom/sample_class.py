"""Samples, once a second until killed (SIGTERM), what each learner of the class costs: resident memory of their
processes - their own (the Jupyter server) and the root ones of their kernels (NSBOOK_SCOPE=LEARNER/... in the
environment: tslab, its helpers, their containers' launchers) - and how many learners hold a container of
the same name at the same moment (/run/nsbook/@LEARNER/SESSION/NAME). Writes JSON to OUT on exit.
usage: sample_class.py OUT RUN_DIR LEARNER:UID..."""
import json
import os
import signal
import sys
import time

out, run_dir, *pairs = sys.argv[1:]
uids = {int(p.split(":")[1]): p.split(":")[0] for p in pairs}
names = set(uids.values())
peak = {n: 0 for n in names}
peak_total = 0
cpu_ticks = {n: {} for n in names}
same_name_peak = {"count": 0, "name": None}
stop = False


def on_term(*_):
    global stop
    stop = True


signal.signal(signal.SIGTERM, on_term)


def learner_of(pid):
    try:
        status = open(f"/proc/{pid}/status").read()
    except OSError:
        return None
    uid_line = next((l for l in status.splitlines() if l.startswith("Uid:")), "")
    real = int(uid_line.split()[1]) if uid_line else -1
    if real in uids:
        return uids[real]
    try:
        env = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")
    except OSError:
        return None
    for item in env:
        if item.startswith(b"NSBOOK_SCOPE="):
            learner = item[len(b"NSBOOK_SCOPE="):].decode(errors="replace").split("/")[0]
            return learner if learner in names else None
    return None


while not stop:
    rss = {n: 0 for n in names}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        learner = learner_of(entry)
        if not learner:
            continue
        try:
            statm = open(f"/proc/{entry}/statm").read().split()
            stat = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        rss[learner] += int(statm[1]) * os.sysconf("SC_PAGE_SIZE")
        # utime + stime of the process (field 14, 15): kept per PID, the last value seen counts.
        cpu_ticks[learner][entry] = int(stat[11]) + int(stat[12])
    for n in names:
        peak[n] = max(peak[n], rss[n])
    peak_total = max(peak_total, sum(rss.values()))
    holders = {}
    for learner_dir in (d for d in os.listdir(run_dir) if d.startswith("@")) if os.path.isdir(run_dir) else []:
        for session in os.listdir(os.path.join(run_dir, learner_dir)):
            path = os.path.join(run_dir, learner_dir, session)
            if os.path.isdir(path):
                for c in os.listdir(path):
                    if os.path.isdir(os.path.join(path, c)):
                        holders.setdefault(c, set()).add(learner_dir[1:])
    for c, who in holders.items():
        if len(who) > same_name_peak["count"]:
            same_name_peak = {"count": len(who), "name": c}
    time.sleep(1)

hz = os.sysconf("SC_CLK_TCK")
json.dump({
    "peakRssMiB": {n: round(peak[n] / 2**20) for n in sorted(names)},
    "peakTotalRssMiB": round(peak_total / 2**20),
    "cpuSeconds": {n: round(sum(cpu_ticks[n].values()) / hz, 1) for n in sorted(names)},
    "sameNamePeak": same_name_peak,
}, open(out, "w"), indent=1)
