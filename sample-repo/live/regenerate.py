#!/usr/bin/env python3
"""Builds sample-repo/live/<cluster>.yaml: what `kubectl get -o yaml` returns for the rendered objects of each
sample cluster on a Calico Cloud cluster (API server defaults and metadata added), plus objects Calico and the
operator generate; eks-prod gets planted drift."""
import hashlib, json, os, sys, copy, yaml

repo, out = sys.argv[1], sys.argv[2]
T0 = "2026-11-20T09:14:02Z"

class Dumper(yaml.SafeDumper):
    pass
def str_presenter(d, s):
    return d.represent_scalar('tag:yaml.org,2002:str', s)
Dumper.add_representer(str, str_presenter)
def indentless(self, flow=False, indentless=False):
    return super(Dumper, self).increase_indent(flow, False)

def uid(*parts):
    h = hashlib.sha256("/".join(parts).encode()).hexdigest()
    return f"{h[0:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"

rv = [412000]
def meta(obj, manager="argocd-controller"):
    m = obj.setdefault("metadata", {})
    rv[0] += 17
    applied = json.dumps(obj, separators=(",", ":"), sort_keys=True)
    m["annotations"] = dict(m.get("annotations") or {})
    m["annotations"]["kubectl.kubernetes.io/last-applied-configuration"] = applied + "\n"
    m["creationTimestamp"] = T0
    m["generation"] = 1
    m["resourceVersion"] = str(rv[0])
    m["uid"] = uid(obj["kind"], m.get("namespace", ""), m["name"])
    m["managedFields"] = [{"apiVersion": obj["apiVersion"], "fieldsType": "FieldsV1",
                           "fieldsV1": {"f:metadata": {"f:annotations": {".": {}, "f:kubectl.kubernetes.io/last-applied-configuration": {}}},
                                        "f:spec": {".": {}}},
                           "manager": manager, "operation": "Update", "time": T0}]
    return obj

POLICY_KINDS = {"GlobalNetworkPolicy", "NetworkPolicy", "StagedGlobalNetworkPolicy", "StagedNetworkPolicy"}

def types_default(spec):
    if spec.get("types"):
        return
    ing, eg = bool(spec.get("ingress")), bool(spec.get("egress"))
    spec["types"] = ["Egress"] if eg and not ing else (["Ingress", "Egress"] if eg and ing else ["Ingress"])

def server_view(o):
    o = copy.deepcopy(o)
    kind, group = o["kind"], o["apiVersion"].split("/")[0] if "/" in o["apiVersion"] else ""
    meta(o)
    spec = o.get("spec", {})
    if group == "projectcalico.org":
        if kind in POLICY_KINDS:
            spec.setdefault("tier", "default")
            types_default(spec)
            o["metadata"].setdefault("labels", {})["projectcalico.org/tier"] = spec["tier"]
            if kind.startswith("Staged"):
                spec.setdefault("stagedAction", "Set")
            for d in ("ingress", "egress"):
                for r in spec.get(d, []) or []:
                    for side in ("source", "destination"):
                        e = r.get(side) or {}
                        if "ports" in e:
                            e["ports"] = [int(p) if isinstance(p, str) and p.isdigit() else p for p in e["ports"]]
        if kind == "Tier":
            spec.setdefault("defaultAction", "Deny")
            o["status"] = {"conditions": [{"type": "Ready", "status": "True", "reason": "Ready", "message": "",
                                           "lastTransitionTime": T0, "observedGeneration": 1}]}
        if kind == "GlobalThreatFeed":
            spec.setdefault("content", "IPSet"); spec.setdefault("mode", "Enabled"); spec.setdefault("feedType", "Custom")
            o["status"] = {"lastSuccessfulSync": "2026-11-22T06:00:11Z"}
        if kind == "GlobalReport":
            o["status"] = {"lastScheduledReportJob": {"id": "job-" + o["metadata"]["name"], "start": "2026-11-22T06:00:00Z",
                                                      "end": "2026-11-22T06:15:00Z", "job": {"name": o["metadata"]["name"] + "-29867", "namespace": "tigera-compliance"}}}
        if kind == "GlobalAlert":
            o["status"] = {"active": True, "healthy": True, "lastUpdate": "2026-11-22T06:01:02Z", "lastExecuted": "2026-11-22T06:05:00Z"}
        if kind == "FelixConfiguration":
            extra = {"bpfLogLevel": "", "floatingIPs": "Disabled", "healthPort": 9099, "logSeverityScreen": "Info",
                     "reportingInterval": "0s", "vxlanVNI": 4096, "nftablesMode": "Auto", "nftablesFlowTableOffload": "Disabled",
                     "flowLogsFileEnabled": True, "flowLogsFileIncludeLabels": True, "flowLogsFileIncludePolicies": True,
                     "flowLogsEnableNetworkSets": True, "flowLogsFileIncludeService": True, "dnsLogsFileIncludeLabels": True,
                     "prometheusMetricsEnabled": True, "prometheusReporterEnabled": True, "prometheusReporterPort": 9081}
            for k, v in extra.items():
                spec.setdefault(k, v)
    if group == "operator.tigera.io" and kind == "Installation":
        base = {"variant": "TigeraSecureEnterprise", "registry": "quay.io/", "imagePullSecrets": [{"name": "tigera-pull-secret"}],
                "calicoNetwork": {"bgp": "Disabled", "linuxDataplane": "Iptables", "hostPorts": "Enabled"},
                "controlPlaneReplicas": 2, "nonPrivileged": "Disabled", "flexVolumePath": "None", "kubeletVolumePluginPath": "None"}
        for k, v in base.items():
            spec.setdefault(k, v)
        o["status"] = {"variant": "TigeraSecureEnterprise", "calicoVersion": "v3.21.3", "mtu": 9001,
                       "conditions": [{"type": "Ready", "status": "True", "reason": "AllObjectsAvailable", "message": "All Objects Available",
                                       "lastTransitionTime": T0, "observedGeneration": 3}]}
    if group == "operator.tigera.io" and kind in ("ApplicationLayer", "IntrusionDetection"):
        o["status"] = {"state": "Ready", "conditions": [{"type": "Ready", "status": "True", "reason": "AllObjectsAvailable",
                                                         "message": "All Objects Available", "lastTransitionTime": T0, "observedGeneration": 1}]}
    if group == "" and kind == "Service":
        spec.setdefault("type", "ClusterIP")
        spec["clusterIP"] = "10.100.%d.%d" % (rv[0] % 200, rv[0] % 250)
        spec["clusterIPs"] = [spec["clusterIP"]]
        spec["internalTrafficPolicy"] = "Cluster"
        spec["ipFamilies"] = ["IPv4"]; spec["ipFamilyPolicy"] = "SingleStack"; spec["sessionAffinity"] = "None"
        if not spec.get("ports"):
            spec["ports"] = [{"name": "http", "port": 80, "protocol": "TCP", "targetPort": 8080}]
            spec["selector"] = {"app": o["metadata"]["name"].replace("-external", "")}
        for p in spec["ports"]:
            p.setdefault("targetPort", p["port"])
        o["status"] = {"loadBalancer": {}}
    if group == "" and kind == "Namespace":
        o["metadata"].setdefault("labels", {})["kubernetes.io/metadata.name"] = o["metadata"]["name"]
        o["spec"] = {"finalizers": ["kubernetes"]}; o["status"] = {"phase": "Active"}
    if group == "batch" and kind == "CronJob":
        spec.setdefault("suspend", False)
        pod = spec["jobTemplate"]["spec"]["template"]["spec"]
        pod.setdefault("dnsPolicy", "ClusterFirst"); pod.setdefault("schedulerName", "default-scheduler")
        pod.setdefault("terminationGracePeriodSeconds", 30)
        for c in pod.get("containers", []):
            c.setdefault("imagePullPolicy", "IfNotPresent"); c.setdefault("terminationMessagePath", "/dev/termination-log")
            c.setdefault("terminationMessagePolicy", "File")
        o["status"] = {"lastScheduleTime": "2026-11-22T06:00:00Z", "lastSuccessfulTime": "2026-11-22T06:01:12Z"}
    if group == "" and kind == "ServiceAccount":
        o.setdefault("secrets", None); o.pop("secrets")
    o.get("metadata", {}).pop("generation", None) if group in ("", "rbac.authorization.k8s.io") else None
    return o

def generated(cluster, has_feeds, has_knp, boutique_ns, dev_ns):
    g = []
    def mk(api, kind, name, spec=None, ns=None, labels=None):
        o = {"apiVersion": api, "kind": kind, "metadata": {"name": name}}
        if ns: o["metadata"]["namespace"] = ns
        if labels: o["metadata"]["labels"] = labels
        if spec is not None: o["spec"] = spec
        return o
    g.append(mk("projectcalico.org/v3", "Tier", "default", {"order": 1000000, "defaultAction": "Deny"}))
    g.append(mk("projectcalico.org/v3", "Tier", "allow-tigera", {"order": 100, "defaultAction": "Deny"}))
    g.append(mk("projectcalico.org/v3", "NetworkPolicy", "allow-tigera.calico-node-alertmanager-mesh",
                {"tier": "allow-tigera", "order": 1, "selector": "k8s-app == 'calico-node'", "types": ["Ingress"],
                 "ingress": [{"action": "Allow", "protocol": "TCP", "destination": {"ports": [9094]}}]}, ns="calico-system",
                labels={"projectcalico.org/tier": "allow-tigera"}))
    g.append(mk("projectcalico.org/v3", "GlobalNetworkPolicy", "allow-tigera.cluster-dns",
                {"tier": "allow-tigera", "order": 0, "selector": "k8s-app == 'kube-dns'", "types": ["Ingress", "Egress"],
                 "ingress": [{"action": "Allow", "protocol": "UDP", "destination": {"ports": [53]}}],
                 "egress": [{"action": "Pass"}]}, labels={"projectcalico.org/tier": "allow-tigera"}))
    g.append(mk("projectcalico.org/v3", "FelixConfiguration", "node.ip-10-0-1-23.eu-west-1.compute.internal",
                {"defaultEndpointToHostAction": "Return"}))
    g.append(mk("projectcalico.org/v3", "FelixConfiguration", "node.ip-10-0-2-47.eu-west-1.compute.internal",
                {"defaultEndpointToHostAction": "Return"}))
    for feed, label in has_feeds:
        g.append(mk("projectcalico.org/v3", "GlobalNetworkSet", "threatfeed." + feed, {"nets": ["185.220.101.4/32", "45.95.147.0/24"]},
                    labels={"threatfeed": label}))
    if has_knp:
        g.append(mk("projectcalico.org/v3", "NetworkPolicy", "knp.default.nginx",
                    {"tier": "default", "order": 1000, "selector": "projectcalico.org/orchestrator == 'k8s' && app == 'nginx'",
                     "types": ["Ingress"], "ingress": [{"action": "Allow", "source": {"namespaceSelector": "compliance == 'open'"}}]},
                    ns=dev_ns, labels={"projectcalico.org/tier": "default"}))
    out = []
    for o in g:
        o = meta(o, manager="operator")
        o["metadata"].pop("annotations", None)
        out.append(o)
    return out

def load(cdir):
    objs = []
    for f in sorted(os.listdir(cdir)):
        if f.endswith(".yaml") and f != "kustomization.yaml":
            for d in yaml.safe_load_all(open(os.path.join(cdir, f))):
                if d: objs.append(d)
    return objs

def plant(items):
    """eks-prod: someone 'fixed' things by hand."""
    by = {(o["kind"], o["metadata"].get("namespace", ""), o["metadata"]["name"]): o for o in items}
    # critical: the PCI policy's egress Deny to non-PCI workloads was turned into Allow
    pci = by[("GlobalNetworkPolicy", "", "security.pci-whitelist")]
    pci["spec"]["egress"][1]["action"] = "Allow"
    # critical: someone added a catch-all allow policy during an incident
    items.append(meta({"apiVersion": "projectcalico.org/v3", "kind": "GlobalNetworkPolicy",
                       "metadata": {"name": "security.debug-allow-all", "labels": {"projectcalico.org/tier": "security"}},
                       "spec": {"tier": "security", "order": 1, "selector": "app == \"frontend\"", "types": ["Ingress"],
                                "ingress": [{"action": "Allow"}]}}, manager="kubectl-client-side-apply"))
    # warning: the blocked-ips policy moved after the PCI policy
    by[("GlobalNetworkPolicy", "", "security.block-ips")]["spec"]["order"] = 450
    # warning: the network-access report runs every 5 minutes instead of hourly
    by[("GlobalReport", "", "cluster-network-access")]["spec"]["schedule"] = "*/5 * * * *"
    # info: an annotation added by hand
    by[("GlobalNetworkPolicy", "", "security.allow-kube-dns")]["metadata"]["annotations"]["owner"] = "platform-oncall"
    # missing: the feodo-tracker alert was deleted
    items.remove(by[("GlobalAlert", "", "security.feodo-tracker")])
    # noise that must NOT show as drift: selector quoting and order of an in-set, ports as strings
    dd = by[("GlobalNetworkPolicy", "", "default-deny")]
    dd["spec"]["selector"] = "projectcalico.org/namespace in { 'default' }"
    return items

for cluster in sorted(os.listdir(os.path.join(repo, "clusters"))):
    cdir = os.path.join(repo, "clusters", cluster)
    desired = load(cdir)
    items = [server_view(o) for o in desired]
    feeds = [(o["metadata"]["name"], o["spec"]["globalNetworkSet"]["labels"]["threatfeed"]) for o in desired if o["kind"] == "GlobalThreatFeed"]
    has_knp = any(o["apiVersion"].startswith("networking.k8s.io") for o in desired)
    items += generated(cluster, feeds, has_knp, "default", "dev")
    if cluster == "eks-prod":
        items = plant(items)
    doc = {"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": items}
    with open(os.path.join(out, cluster + ".yaml"), "w") as f:
        f.write("# Live snapshot of cluster %s, as `kubectl get -o yaml` prints it (API server view).\n" % cluster)
        if cluster == "eks-prod":
            f.write("# Planted drift: PCI egress Deny turned Allow, an extra allow-all policy, policy order and report\n"
                    "# schedule changed, an annotation added, one alert deleted.\n")
        yaml.dump(doc, f, Dumper=Dumper, default_flow_style=False, sort_keys=False, width=1000)
    print(cluster, len(items))
