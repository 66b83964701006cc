#!/usr/bin/env python3
"""Synthetic data for the evaluator benchmark: a Git repository with clusters/<name>/ holding N policies (tiers
security and platform, Calico NetworkPolicies and GlobalNetworkPolicies, a few GlobalNetworkSets) and workloads/
holding W Deployments in 20 namespaces. Deterministic: the same --seed gives the same files and the same commit.

usage: generate.py OUT_DIR [--workloads 1000] [--policies 1000] [--seed 42] [--cluster bench]
Python 3 standard library only; needs the git binary for the commit.
"""
import argparse
import os
import random
import subprocess

TEAMS = ["payments", "search", "catalog", "ads", "identity", "checkout", "ops", "data"]
ROLES = ["web", "api", "db", "cache", "worker"]


def workloads(rnd, n, namespaces):
    out = []
    for i in range(n):
        ns = namespaces[i % len(namespaces)]
        role = ROLES[rnd.randrange(len(ROLES))]
        out.append({
            "name": "app-%04d" % i, "ns": ns, "role": role, "team": TEAMS[rnd.randrange(len(TEAMS))],
            "pci": rnd.random() < 0.1,
            "ports": [5432] if role == "db" else [6379] if role == "cache" else [8080] if role != "worker" else [9090, 8080],
        })
    return out


def deployment(w):
    labels = ["app: %s" % w["name"], "role: %s" % w["role"], "team: %s" % w["team"]]
    if w["pci"]:
        labels.append('PCI: "true"')
    ports = "\n".join("        - containerPort: %d" % p for p in w["ports"])
    lbl = "\n".join("        " + l for l in labels)
    return ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %s\n  namespace: %s\nspec:\n"
            "  selector:\n    matchLabels:\n      app: %s\n  template:\n    metadata:\n      labels:\n%s\n"
            "    spec:\n      containers:\n      - name: main\n        image: example/app\n        ports:\n%s\n"
            % (w["name"], w["ns"], w["name"], lbl, ports))


def rule(action, proto=None, src=None, dst=None, ports=None, indent="  "):
    lines = ["%s- action: %s" % (indent, action)]
    if proto:
        lines.append("%s  protocol: %s" % (indent, proto))
    if src:
        lines.append("%s  source:" % indent)
        lines += ["%s    %s" % (indent, s) for s in src]
    if dst or ports:
        lines.append("%s  destination:" % indent)
        lines += ["%s    %s" % (indent, d) for d in (dst or [])]
        if ports:
            lines.append("%s    ports: [%s]" % (indent, ", ".join(str(p) for p in ports)))
    return "\n".join(lines)


def policies(rnd, n, ws, namespaces):
    docs = []
    n_security = n // 10
    n_platform = n // 5
    n_default = n - n_security - n_platform
    for i in range(n_security):
        kind = i % 3
        if kind == 0:
            sel = 'PCI == "true"'
            ingress = [rule("Deny", src=['selector: PCI != "true"']), rule("Pass")]
            egress = [rule("Allow", "UDP", dst=['selector: k8s-app == "kube-dns"'], ports=[53]),
                      rule("Deny", dst=['selector: PCI != "true"']), rule("Pass")]
        elif kind == 1:
            sel = 'team == "%s"' % TEAMS[i % len(TEAMS)]
            ingress = [rule("Deny", src=['selector: type == "blocked"']), rule("Pass")]
            egress = [rule("Deny", dst=["nets: [198.51.100.0/24, 203.0.113.%d/32]" % (i % 250)]), rule("Pass")]
        else:
            sel = 'role == "%s" && projectcalico.org/namespace == "%s"' % (ROLES[i % len(ROLES)], namespaces[i % len(namespaces)])
            ingress = [rule("Log", "TCP"), rule("Pass")]
            egress = [rule("Allow", "TCP", dst=["domains: ['*.example.com']"]), rule("Pass")]
        docs.append(("globalnetworkpolicy-security.p%04d.yaml" % i, gnp("security.p%04d" % i, "security", 100 + i, sel, ingress, egress)))
    for i in range(n_platform):
        team = TEAMS[i % len(TEAMS)]
        other = TEAMS[(i + 3) % len(TEAMS)]
        sel = 'team == "%s" && role == "%s"' % (team, ROLES[i % len(ROLES)])
        ingress = [rule("Allow", "TCP", src=['selector: team == "%s"' % team], ports=[8080, "9000:9100"]),
                   rule("Deny", src=['selector: team == "%s"' % other]), rule("Pass")]
        egress = [rule("Allow", "TCP", dst=['namespaceSelector: projectcalico.org/name == "%s"' % namespaces[i % len(namespaces)]]),
                  rule("Pass")]
        docs.append(("globalnetworkpolicy-platform.p%04d.yaml" % i, gnp("platform.p%04d" % i, "platform", 100 + i, sel, ingress, egress)))
    for i in range(n_default):
        w = ws[rnd.randrange(len(ws))]
        peers = [ws[rnd.randrange(len(ws))] for _ in range(3)]
        ingress = [rule("Allow", "TCP", src=['selector: app == "%s"' % p["name"]], ports=w["ports"]) for p in peers]
        ingress.append(rule("Allow", "TCP", src=['selector: role == "web"'], ports=[8080]))
        egress = [rule("Allow", "TCP", dst=['selector: role == "%s"' % ROLES[rnd.randrange(len(ROLES))]], ports=[8080, 5432, 6379]),
                  rule("Allow", "UDP", ports=[53])]
        name = "default.np%04d" % i
        body = ("apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: %s\n  namespace: %s\nspec:\n"
                "  tier: default\n  order: %d\n  selector: app == \"%s\"\n  types: [Ingress, Egress]\n  ingress:\n%s\n  egress:\n%s\n"
                % (name, w["ns"], 500 + i, w["name"], "\n".join(ingress), "\n".join(egress)))
        docs.append(("networkpolicy-%s.%s.yaml" % (w["ns"], name), body))
    return docs


def gnp(name, tier, order, selector, ingress, egress):
    return ("apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: %s\nspec:\n  tier: %s\n"
            "  order: %d\n  selector: '%s'\n  types: [Ingress, Egress]\n  ingress:\n%s\n  egress:\n%s\n"
            % (name, tier, order, selector, "\n".join(ingress), "\n".join(egress)))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--workloads", type=int, default=1000)
    ap.add_argument("--policies", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--cluster", default="bench")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    namespaces = ["ns-%02d" % i for i in range(20)]
    ws = workloads(rnd, a.workloads, namespaces)
    cluster = os.path.join(a.out, "clusters", a.cluster)
    write(os.path.join(cluster, "tier-security.yaml"),
          "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: security\nspec:\n  order: 400\n")
    write(os.path.join(cluster, "tier-platform.yaml"),
          "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: platform\nspec:\n  order: 300\n")
    write(os.path.join(cluster, "globalnetworkset-blocked.yaml"),
          "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata:\n  name: blocked\n  labels:\n    type: blocked\n"
          "spec:\n  nets: [198.51.100.0/24]\n")
    for name, body in policies(rnd, a.policies, ws, namespaces):
        write(os.path.join(cluster, name), body)
    ns_docs = "".join("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %s\n  labels:\n    zone: z%d\n---\n" % (n, i % 4)
                      for i, n in enumerate(namespaces))
    write(os.path.join(a.out, "workloads", "namespaces.yaml"), ns_docs)
    write(os.path.join(a.out, "workloads", "deployments.yaml"), "---\n".join(deployment(w) for w in ws))
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.com",
               GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    subprocess.run(["git", "init", "-q", "-b", "main", a.out], check=True, env=env)
    subprocess.run(["git", "-C", a.out, "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", a.out, "commit", "-q", "-m", "synthetic benchmark data (seed %d)" % a.seed], check=True, env=env)
    print("wrote %s: %d workloads, %d policies, cluster %s" % (a.out, len(ws), a.policies, a.cluster))


if __name__ == "__main__":
    main()
