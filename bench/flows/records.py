#!/usr/bin/env python3
"""Synthetic flow logs for the replay benchmark: N Enterprise flow-log records (JSON lines, aggregation level 2: no
IPs, pod-prefix names, labels) drawn with a fixed seed from the allowed cells of the evaluator benchmark's matrix CSV,
half reported at the source and half at the destination, action allow, without a policy trace (so every record is
replayed and agrees: the benchmark measures reading, endpoint rebuilding and evaluation, not a report of a million
disagreements).

usage: records.py MATRIX_CSV OUT_FILE [--records 1000000] [--seed 7]
"""
import argparse
import csv
import json
import random


def main():
    p = argparse.ArgumentParser()
    p.add_argument("matrix")
    p.add_argument("out")
    p.add_argument("--records", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    allowed = []
    with open(a.matrix, newline="") as f:
        for row in csv.DictReader(f):
            if row["verdict"] == "allow" and row["protocol"] in ("TCP", "UDP"):
                allowed.append(row)
    with open(a.out, "w") as out:
        for i in range(a.records):
            row = allowed[rnd.randrange(len(allowed))]
            sns, sapp = row["from"].split("/", 1)
            dns, dapp = row["to"].split("/", 1)
            rec = {
                "start_time": 1767225600, "end_time": 1767225900,
                "source_ip": None, "source_name": "-", "source_name_aggr": sapp + "-5d8f7c9b4-*", "source_namespace": sns,
                "source_port": None, "source_type": "wep", "source_labels": {"labels": ["app=" + sapp, "pod-template-hash=5d8f7c9b4"]},
                "dest_ip": None, "dest_name": "-", "dest_name_aggr": dapp + "-6c4b9d7f5-*", "dest_namespace": dns,
                "dest_port": int(row["port"]), "dest_type": "wep", "dest_labels": {"labels": ["app=" + dapp]},
                "proto": row["protocol"].lower(), "action": "allow", "reporter": "src" if i % 2 == 0 else "dst",
                "bytes_in": 4380, "bytes_out": 12840, "packets_in": 42, "packets_out": 38, "num_flows": 3,
                "host": "worker-%d" % (i % 7),
            }
            out.write(json.dumps(rec, separators=(",", ":")))
            out.write("\n")


if __name__ == "__main__":
    main()
