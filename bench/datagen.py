"""Deterministic synthetic data for the benchmarks: a fleet, a large cluster with its live snapshot, a long history.

Everything is derived from a seed with random.Random, so that the same seed gives the same bytes.
Python 3 standard library only.
"""

import json
import os
import random
import re
import subprocess

ACTIONS = ["Allow", "Deny", "Log", "Pass"]


def fleet(sample_dir, out_dir, clusters, seed):
    """Copies the sample fleet profiles round the fleet with new names and an absolute workloads path."""
    rng = random.Random(seed)
    fleet_dir = os.path.join(sample_dir, "fleet")
    workloads = os.path.abspath(os.path.join(sample_dir, "workloads"))
    sources = sorted(f for f in os.listdir(fleet_dir) if f.endswith(".yaml"))
    texts = {f: open(os.path.join(fleet_dir, f), encoding="utf-8").read() for f in sources}
    os.makedirs(out_dir, exist_ok=True)
    names = []
    for i in range(clusters):
        src = rng.choice(sources)
        name = "%s-%04d" % (src[:-len(".yaml")], i)
        text = re.sub(r"(?m)^name: .*$", "name: " + name, texts[src], count=1)
        text = re.sub(r"(?m)^workloads: .*$", "workloads: " + workloads, text, count=1)
        with open(os.path.join(out_dir, name + ".yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        names.append(name)
    return names


def policy_spec(rng, i):
    """A GlobalNetworkPolicy spec of the security tier with a few rules."""
    ingress = [{"action": rng.choice(["Allow", "Deny"]), "protocol": "TCP",
                "source": {"selector": 'app == "client-%d"' % rng.randrange(200)},
                "destination": {"ports": [rng.randrange(1, 65535)]}}]
    egress = [{"action": "Allow", "protocol": rng.choice(["TCP", "UDP"]),
               "destination": {"nets": ["10.%d.%d.0/24" % (rng.randrange(256), rng.randrange(256))],
                               "ports": [rng.randrange(1, 65535)]}},
              {"action": "Deny"}]
    return {"tier": "security", "order": 1000 + i,
            "selector": 'app == "svc-%d" && env in {"prod", "staging"}' % i,
            "types": ["Ingress", "Egress"], "ingress": ingress, "egress": egress}


def policy_name(i):
    return "security.p%06d" % i


def yaml_scalar(v):
    if isinstance(v, str):
        return json.dumps(v)
    return str(v)


def to_yaml(node, indent=0):
    """Block YAML of dicts, lists and scalars, in the style the generator writes (lists not indented)."""
    pad = " " * indent
    lines = []
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, dict) and v:
                lines.append("%s%s:" % (pad, k))
                lines.append(to_yaml(v, indent + 2))
            elif isinstance(v, list) and v:
                lines.append("%s%s:" % (pad, k))
                lines.append(to_yaml(v, indent))
            else:
                lines.append("%s%s: %s" % (pad, k, yaml_scalar(v)))
    else:
        for v in node:
            if isinstance(v, dict) and v:
                inner = to_yaml(v, indent + 2).split("\n")
                lines.append(pad + "- " + inner[0].lstrip())
                lines.extend(inner[1:])
            else:
                lines.append("%s- %s" % (pad, yaml_scalar(v)))
    return "\n".join(lines)


def gnp_document(name, spec):
    return to_yaml({"apiVersion": "projectcalico.org/v3", "kind": "GlobalNetworkPolicy",
                    "metadata": {"name": name}, "spec": spec}) + "\n"


TIER = {"apiVersion": "projectcalico.org/v3", "kind": "Tier", "metadata": {"name": "security"},
        "spec": {"order": 400}}


def git(repo, *args, stdin=None):
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.com",
               GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    subprocess.run(["git", "-C", repo] + list(args), check=True, input=stdin, env=env,
                   stdout=subprocess.DEVNULL)


def large_cluster(out_dir, cluster, policies, drift_percent, seed):
    """A Git repository with clusters/<cluster>/ holding a tier and `policies` GlobalNetworkPolicies (one file
    each), and a `kubectl get -o json` List of the live objects where drift_percent of the policies drifted:
    three fifths modified (an action flipped and an order moved), one fifth missing, one fifth extra."""
    rng = random.Random(seed)
    repo = os.path.join(out_dir, "repo")
    folder = os.path.join(repo, "clusters", cluster)
    os.makedirs(folder)
    specs = [policy_spec(rng, i) for i in range(policies)]
    files = ["tier-security.yaml"]
    with open(os.path.join(folder, files[0]), "w") as f:
        f.write(to_yaml(TIER) + "\n")
    for i, spec in enumerate(specs):
        name = policy_name(i)
        files.append("globalnetworkpolicy-%s.yaml" % name)
        with open(os.path.join(folder, files[-1]), "w") as f:
            f.write(gnp_document(name, spec))
    with open(os.path.join(folder, "kustomization.yaml"), "w") as f:
        f.write("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n")
        f.write("".join("- %s\n" % n for n in files))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "render")

    drifted = policies * drift_percent // 100
    chosen = rng.sample(range(policies), drifted)
    modified = set(chosen[: drifted * 3 // 5])
    missing = set(chosen[drifted * 3 // 5: drifted * 4 // 5])
    extra = drifted - len(modified) - len(missing)
    items = [server_side(TIER, rng, 0)]
    for i, spec in enumerate(specs):
        if i in missing:
            continue
        spec = json.loads(json.dumps(spec))
        if i in modified:
            rule = spec["ingress"][0]
            rule["action"] = "Deny" if rule["action"] == "Allow" else "Allow"
            spec["order"] += 1
        items.append(server_side({"apiVersion": "projectcalico.org/v3", "kind": "GlobalNetworkPolicy",
                                  "metadata": {"name": policy_name(i)}, "spec": spec}, rng, i + 1))
    for j in range(extra):
        items.append(server_side({"apiVersion": "projectcalico.org/v3", "kind": "GlobalNetworkPolicy",
                                  "metadata": {"name": "security.extra%05d" % j},
                                  "spec": policy_spec(rng, policies + j)}, rng, policies + j + 1))
    # One file per 20,000 objects, as large clusters are snapshot (a single document is limited to 64 Mi code points).
    lives = []
    for start in range(0, len(items), 20000):
        lives.append(os.path.join(out_dir, "live-%d.json" % (start // 20000)))
        with open(lives[-1], "w") as f:
            json.dump({"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""},
                       "items": items[start:start + 20000]}, f, indent=4)
            f.write("\n")
    return repo, lives, {"modified": len(modified), "missing": len(missing), "extra": extra}


def server_side(obj, rng, n):
    """The object as the API server returns it: with uid, resourceVersion, creationTimestamp and tier label."""
    obj = json.loads(json.dumps(obj))
    md = obj["metadata"]
    md["creationTimestamp"] = "2026-01-01T00:00:00Z"
    md["resourceVersion"] = str(100000 + n)
    md["uid"] = "%08x-0000-4000-8000-%012x" % (rng.getrandbits(32), n)
    if obj["kind"] == "GlobalNetworkPolicy":
        md["labels"] = {"projectcalico.org/tier": "security"}
    return obj


def long_history(out_dir, commits, clusters, files_per_cluster, target_share, seed):
    """A Git repository of `commits` commits made with git fast-import: each commit edits, adds or deletes one
    policy file of one cluster; cluster 0 (the measured one) gets about target_share of the commits."""
    rng = random.Random(seed)
    repo = os.path.join(out_dir, "repo")
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    names = ["c%02d" % c for c in range(clusters)]
    state = {}  # (cluster, index) -> spec
    counters = {c: files_per_cluster for c in names}
    out = []
    when = 1767225600  # 2026-01-01T00:00:00Z

    def blob(path, spec, i):
        data = gnp_document(policy_name(i), spec).encode()
        out.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))

    def path_of(c, i):
        return "clusters/%s/globalnetworkpolicy-%s.yaml" % (c, policy_name(i))

    def commit(n, message):
        msg = message.encode()
        out.append(b"commit refs/heads/main\nmark :%d\ncommitter bench <bench@example.com> %d +0000\ndata %d\n%s\n"
                   % (n + 1, when + n * 60, len(msg), msg))
        if n > 0:
            out.append(b"from :%d\n" % n)

    # Commit 0 holds every cluster's initial files.
    commit(0, "initial render")
    for c in names:
        for i in range(files_per_cluster):
            state[(c, i)] = policy_spec(rng, i)
            blob(path_of(c, i), state[(c, i)], i)
    for n in range(1, commits):
        c = names[0] if rng.random() < target_share else rng.choice(names[1:])
        existing = sorted(i for (cc, i) in state if cc == c)
        roll = rng.random()
        commit(n, "change %d in %s" % (n, c))
        if roll < 0.1 or len(existing) < 5:
            i = counters[c]
            counters[c] += 1
            state[(c, i)] = policy_spec(rng, i)
            blob(path_of(c, i), state[(c, i)], i)
        elif roll < 0.15:
            i = rng.choice(existing)
            del state[(c, i)]
            out.append(b"D %s\n" % path_of(c, i).encode())
        else:
            i = rng.choice(existing)
            spec = json.loads(json.dumps(state[(c, i)]))
            if rng.random() < 0.5:
                rule = spec["ingress"][0]
                rule["action"] = "Deny" if rule["action"] == "Allow" else "Allow"
            else:
                spec["order"] += 1
            state[(c, i)] = spec
            blob(path_of(c, i), spec, i)
    subprocess.run(["git", "-C", repo, "fast-import", "--quiet"], input=b"".join(out), check=True)
    git(repo, "reset", "-q", "--hard", "main")
    # Packed the way a long-lived repository (or a clone) is, newest objects whole and older ones as deltas;
    # fast-import's own pack stores it the other way round.
    git(repo, "gc", "-q")
    return repo, names[0]
