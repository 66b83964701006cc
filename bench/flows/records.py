#!/usr/bin/env python3
"""Synthetic flow logs for the replay benchmark: N Enterprise flow-log records (JSON lines, aggregation level 2: no
IPs, pod-prefix names, labels) drawn with a fixed seed from the allowed cells of the evaluator benchmark's matrix CSV,
half reported at the source and half at the destination, action allow.

Two shapes:
- sample (the default): every field Felix writes, as in sample-repo/flow-logs/ (services, process, HTTP and NAT
  fields, @timestamp), and the policy trace of the record's end in enforced_policies and pending_policies (the
  benchmark has no staged policies, so both are the same trace), half in the legacy name syntax and half
  kind-prefixed. The traces come from --traces, a file of "KEY<TAB>TRACE" lines: the evaluator's computed trace for
  each distinct flow and reporter, which run.sh obtains by replaying a --probe file (below) once. The traces are
  therefore Git's own answer and every record agrees: the benchmark measures reading, endpoint rebuilding, evaluation
  and trace comparison, not a report of a million disagreements. (Replay tests use sample data written from a flow
  description instead; this file only times the replay.)
- lean: the shape of the benchmark before 2026-12-07 (fewer fields, no trace), kept to compare with earlier results.

--probe writes one sample-shaped record for each distinct flow and reporter, with a trace naming a policy Git does not
have, so that the replay lists each with the trace Git computes; and KEYS_FILE, the key of each line.

usage: records.py MATRIX_CSV OUT_FILE [--records 1000000] [--seed 7] [--shape sample|lean]
                  [--traces TRACES_FILE] [--probe KEYS_FILE]
"""
import argparse
import csv
import json
import random

PROBE_TRACE = "0|bench|bench.probe|allow|0"


def draws(matrix, records, seed):
    """(index, row) for each record: the same sequence for every shape and for the probe."""
    rnd = random.Random(seed)
    allowed = []
    with open(matrix, newline="") as f:
        for row in csv.DictReader(f):
            if row["verdict"] == "allow" and row["protocol"] in ("TCP", "UDP"):
                allowed.append(row)
    for i in range(records):
        yield i, allowed[rnd.randrange(len(allowed))]


def key(row, reporter):
    return "%s>%s>%s>%s>%s" % (row["from"], row["to"], row["protocol"], row["port"], reporter)


def felix_trace(computed, legacy):
    """The replay's computed trace text ("tier|[ns/]policy|action|rule, ...") as Felix's enforced_policies entries."""
    out = []
    for index, entry in enumerate(computed.split(", ")):
        tier, policy, action, rule = entry.split("|")
        if tier == "__PROFILE__":
            name = "__PROFILE__." + policy if legacy else "pro:" + policy
        elif "/" in policy:
            name = policy if legacy else "np:" + policy
        else:
            name = policy if legacy else "gnp:" + policy
        out.append("%d|%s|%s|%s|%s" % (index, tier, name, action, rule))
    return out


def lean(i, row):
    sns, sapp = row["from"].split("/", 1)
    dns, dapp = row["to"].split("/", 1)
    return {
        "start_time": 1767225600, "end_time": 1767225900,
        "source_ip": None, "source_name": "-", "source_name_aggr": sapp + "-5d8f7c9b4-*", "source_namespace": sns,
        "source_port": None, "source_type": "wep", "source_labels": {"labels": ["app=" + sapp, "pod-template-hash=5d8f7c9b4"]},
        "dest_ip": None, "dest_name": "-", "dest_name_aggr": dapp + "-6c4b9d7f5-*", "dest_namespace": dns,
        "dest_port": int(row["port"]), "dest_type": "wep", "dest_labels": {"labels": ["app=" + dapp]},
        "proto": row["protocol"].lower(), "action": "allow", "reporter": "src" if i % 2 == 0 else "dst",
        "bytes_in": 4380, "bytes_out": 12840, "packets_in": 42, "packets_out": 38, "num_flows": 3,
        "host": "worker-%d" % (i % 7),
    }


def sample(i, row, trace):
    """The field order and kinds of sample-repo/flow-logs/eks-prod.flows.jsonl."""
    sns, sapp = row["from"].split("/", 1)
    dns, dapp = row["to"].split("/", 1)
    port = int(row["port"])
    interval = 1767225600 + 300 * (i // 20000)
    return {
        "start_time": interval, "end_time": interval + 300,
        "source_ip": None, "source_name": "-", "source_name_aggr": sapp + "-5d8f7c9b4-*", "source_namespace": sns,
        "source_port": None, "source_type": "wep",
        "source_labels": {"labels": ["app=" + sapp, "pod-template-hash=5d8f7c9b4"]},
        "dest_ip": None, "dest_name": "-", "dest_name_aggr": dapp + "-6c4b9d7f5-*", "dest_namespace": dns,
        "dest_port": port, "dest_type": "wep", "dest_labels": {"labels": ["app=" + dapp, "pod-template-hash=6c4b9d7f5"]},
        "dest_service_namespace": dns, "dest_service_name": dapp, "dest_service_port": "tcp-%d" % port,
        "dest_service_port_num": port, "dest_domains": None,
        "proto": row["protocol"].lower(), "action": "allow", "reporter": "src" if i % 2 == 0 else "dst",
        "policies": {"enforced_policies": trace, "pending_policies": trace},
        "bytes_in": 4380 + i % 977, "bytes_out": 12840 + i % 1931, "packets_in": 42 + i % 13, "packets_out": 38 + i % 11,
        "num_flows": 3, "num_flows_started": 1, "num_flows_completed": 1,
        "http_requests_allowed_in": 0, "http_requests_denied_in": 0, "nat_outgoing_ports": None,
        "process_name": "-", "num_process_names": 0, "process_id": "-", "num_process_ids": 0, "process_args": None,
        "num_process_args": 0, "original_source_ips": None, "num_original_source_ips": 0,
        "host": "ip-10-0-%d-%d.eu-west-1.compute.internal" % (1 + i % 3, 10 + i % 7), "@timestamp": (interval + 300) * 1000,
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("matrix")
    p.add_argument("out")
    p.add_argument("--records", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--shape", choices=("sample", "lean"), default="sample")
    p.add_argument("--traces")
    p.add_argument("--probe")
    a = p.parse_args()
    if a.probe:
        seen = set()
        with open(a.out, "w") as out, open(a.probe, "w") as keys:
            for i, row in draws(a.matrix, a.records, a.seed):
                k = key(row, "src" if i % 2 == 0 else "dst")
                if k not in seen:
                    seen.add(k)
                    out.write(json.dumps(sample(i, row, [PROBE_TRACE]), separators=(",", ":")) + "\n")
                    keys.write(k + "\n")
        return
    traces = {}
    if a.shape == "sample":
        if not a.traces:
            p.error("--shape sample needs --traces (run.sh makes it)")
        with open(a.traces) as f:
            for line in f:
                k, t = line.rstrip("\n").split("\t")
                traces[k] = t
    with open(a.out, "w") as out:
        for i, row in draws(a.matrix, a.records, a.seed):
            if a.shape == "lean":
                rec = lean(i, row)
            else:
                rec = sample(i, row, felix_trace(traces[key(row, "src" if i % 2 == 0 else "dst")], legacy=i % 4 < 2))
            out.write(json.dumps(rec, separators=(",", ":")))
            out.write("\n")


if __name__ == "__main__":
    main()
