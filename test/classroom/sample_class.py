"""Samples, once a second until killed (SIGTERM), what each learner of the class costs, and writes JSON to OUT.
A process is a learner's when it runs as the learner (their Jupyter server, the bash that starts the kernel),
carries NSBOOK_SCOPE=LEARNER/... (their root kernels and helpers), or descends from one that is (sudo, the
kernel's children, their containers' launchers and everything in their containers).
- memory: resident (RSS) and proportional (PSS: a page shared by k processes counts 1/k to each) set sizes of
  the learner's processes, summed at each sample; the peak over the run. RSS double-counts what their processes
  share (node's and Python's code, libraries) - PSS is the honest per-learner share of the machine's memory.
- CPU: the sum over the learner's live processes of user+system time including their waited-for children
  (utime+stime+cutime+cstime, so short-lived commands a kernel ran count too, through the process that waited
  for them); the largest such sum seen. A process whose parent never waits for it is missed once it exits.
- the machine: MemAvailable at the first sample and its lowest value (other users of the machine move it too).
- how many learners hold a container of the same name at the same moment (/run/nsbook/@LEARNER/SESSION/NAME).
usage: sample_class.py OUT RUN_DIR LEARNER:UID..."""
import json
import os
import signal
import sys
import time

out, run_dir, *pairs = sys.argv[1:]
uids = {int(p.split(":")[1]): p.split(":")[0] for p in pairs}
names = set(uids.values())
peak_rss = {n: 0 for n in names}
peak_pss = {n: 0 for n in names}
peak_total = {"rss": 0, "pss": 0}
cpu_ticks = {n: 0 for n in names}
mem_available = {"first": None, "lowest": None}
same_name_peak = {"count": 0, "name": None}
page = os.sysconf("SC_PAGE_SIZE")
stop = False


def on_term(*_):
    global stop
    stop = True


signal.signal(signal.SIGTERM, on_term)


def read(path, mode="r"):
    try:
        with open(path, mode) as f:
            return f.read()
    except OSError:
        return None


def own_learner(pid, status):
    """The learner a process is by itself (its uid or its NSBOOK_SCOPE), else None."""
    uid_line = next((l for l in status.splitlines() if l.startswith("Uid:")), "")
    if uid_line and int(uid_line.split()[1]) in uids:
        return uids[int(uid_line.split()[1])]
    env = read(f"/proc/{pid}/environ", "rb") or b""
    for item in env.split(b"\0"):
        if item.startswith(b"NSBOOK_SCOPE="):
            learner = item[len(b"NSBOOK_SCOPE="):].decode(errors="replace").split("/")[0]
            return learner if learner in names else None
    return None


def pss_bytes(pid):
    text = read(f"/proc/{pid}/smaps_rollup") or ""
    line = next((l for l in text.splitlines() if l.startswith("Pss:")), None)
    return int(line.split()[1]) * 1024 if line else 0


def meminfo_available():
    text = read("/proc/meminfo") or ""
    line = next((l for l in text.splitlines() if l.startswith("MemAvailable:")), None)
    return int(line.split()[1]) * 1024 if line else 0


while not stop:
    procs = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        status, stat, statm = read(f"/proc/{entry}/status"), read(f"/proc/{entry}/stat"), read(f"/proc/{entry}/statm")
        if status is None or stat is None or statm is None:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        procs[entry] = {
            "ppid": fields[1],
            "own": own_learner(entry, status),
            "ticks": sum(int(x) for x in fields[11:15]),  # utime stime cutime cstime
            "rss": int(statm.split()[1]) * page,
        }
    memo = {}

    def learner_of(pid, depth=0):
        if pid in memo:
            return memo[pid]
        p = procs.get(pid)
        found = None if p is None or depth > 64 else (p["own"] or learner_of(p["ppid"], depth + 1))
        memo[pid] = found
        return found

    rss = {n: 0 for n in names}
    pss = {n: 0 for n in names}
    ticks = {n: 0 for n in names}
    for pid, p in procs.items():
        learner = learner_of(pid)
        if not learner:
            continue
        rss[learner] += p["rss"]
        pss[learner] += pss_bytes(pid)
        ticks[learner] += p["ticks"]
    for n in names:
        peak_rss[n] = max(peak_rss[n], rss[n])
        peak_pss[n] = max(peak_pss[n], pss[n])
        cpu_ticks[n] = max(cpu_ticks[n], ticks[n])
    peak_total["rss"] = max(peak_total["rss"], sum(rss.values()))
    peak_total["pss"] = max(peak_total["pss"], sum(pss.values()))
    available = meminfo_available()
    if mem_available["first"] is None:
        mem_available["first"] = available
    mem_available["lowest"] = min(mem_available["lowest"] or available, available)
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
mib = lambda b: round(b / 2**20)  # noqa: E731
json.dump({
    "peakRssMiB": {n: mib(peak_rss[n]) for n in sorted(names)},
    "peakPssMiB": {n: mib(peak_pss[n]) for n in sorted(names)},
    "peakTotalRssMiB": mib(peak_total["rss"]),
    "peakTotalPssMiB": mib(peak_total["pss"]),
    "memAvailableMiB": {k: mib(v or 0) for k, v in mem_available.items()},
    "cpuSeconds": {n: round(cpu_ticks[n] / hz, 1) for n in sorted(names)},
    "sameNamePeak": same_name_peak,
}, open(out, "w"), indent=1)
