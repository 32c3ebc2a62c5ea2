#!/usr/bin/env python3
"""Event-to-line latency of `tracekit watch opens` (the recorder and `opens --follow`), one run per --interval.

Each event is a failed open of a path that carries the wall-clock ns it was made at; the line the follower prints
for it is timestamped when it arrives on the pipe. Latency = arrival - open. Prints median and p99 per interval,
all intervals measured in this one run. Needs root, the built jars, and the bench and kernel locks:
  flock /tmp/tracekit-bench.lock flock /tmp/tracekit-kernel.lock python3 bench/follow-latency.py [EVENTS]
"""
import os, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
PREFIX = "/tmp/tracekit-follow-latency/"


def run(interval):
    out = tempfile.mkdtemp(prefix="tracekit-follow-latency-")
    rec = os.path.join(out, "rec")
    args = [os.path.join(ROOT, "bin/tracekit"), "watch", "opens", "-o", rec]
    if interval:
        args += ["-i", interval]
    args += ["--", "--path", PREFIX + "*", "--format", "csv"]
    watch = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    latencies, ready = [], threading.Event()

    def read():
        for line in watch.stdout:
            arrived = time.time_ns()
            ready.set()
            path = line.rstrip("\r\n").rsplit(",", 1)[-1]
            if path.startswith(PREFIX):
                latencies.append(arrived - int(path[len(PREFIX):]))

    reader = threading.Thread(target=read)
    reader.start()
    while not ready.is_set():  # the CSV header: the follower is up
        time.sleep(0.05)
    time.sleep(0.5)
    for _ in range(EVENTS):
        try:
            os.open(PREFIX + str(time.time_ns()), os.O_RDONLY)
        except FileNotFoundError:
            pass
        time.sleep(0.023)  # not a multiple of any interval: events fall all over them
    time.sleep(2.5)
    os.killpg(watch.pid, 2)  # Ctrl-C to the watch's process group
    watch.wait()
    reader.join()
    latencies.sort()
    ms = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] / 1e6
    return len(latencies), ms(0.5), ms(0.99)


for interval in [None, "200ms"]:
    n, median, p99 = run(interval)
    print(f"interval {interval or 'default (1s)'}: {n}/{EVENTS} events shown, median {median:.0f} ms, p99 {p99:.0f} ms")
