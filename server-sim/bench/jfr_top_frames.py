#!/usr/bin/env python3
"""Top frames of one thread in a JFR recording: self (top of stack) and inclusive shares of its execution samples.

    python3 server-sim/bench/jfr_top_frames.py relay.jfr [--thread relay-io] [--top 30] [--jfr /path/to/jfr]

Reads `jfr print --json --events jdk.ExecutionSample` (the `jfr` tool of any JDK 17+, default: the one on PATH).
"""
import argparse
import collections
import json
import subprocess


def main():
    parser = argparse.ArgumentParser(description="Top frames of one thread in a JFR recording.")
    parser.add_argument("recording")
    parser.add_argument("--thread", default="relay-io", help="samples of threads whose name contains this")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--jfr", default="jfr", help="the jfr tool to use")
    args = parser.parse_args()
    printed = subprocess.run([args.jfr, "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample",
                              args.recording], capture_output=True, text=True, check=True).stdout
    own, inclusive, samples = collections.Counter(), collections.Counter(), 0
    for event in json.loads(printed)["recording"]["events"]:
        values = event["values"]
        if args.thread not in (values.get("sampledThread") or {}).get("javaName", ""):
            continue
        frames = [f["method"]["type"]["name"].rsplit("/", 1)[-1] + "." + f["method"]["name"]
                  for f in values["stackTrace"]["frames"]]
        samples += 1
        own[frames[0]] += 1
        inclusive.update(set(frames))
    print(f"{samples} samples on threads named *{args.thread}*")
    for title, counts in (("self", own), ("inclusive", inclusive)):
        print(f"-- {title} --")
        for method, count in counts.most_common(args.top):
            print(f"{100 * count / max(samples, 1):5.1f}%  {method}")


if __name__ == "__main__":
    main()
