# Extracts the GA built-in kinds of Kubernetes from its published swagger (definitions reachable from them, no descriptions).
import json, re, sys
src = json.load(open(sys.argv[1]))
defs = src['definitions']
scope = {}
for path, item in src['paths'].items():
    for op in item.values():
        if not isinstance(op, dict): continue
        gvk = op.get('x-kubernetes-group-version-kind')
        if not gvk or op.get('x-kubernetes-action') not in ('post', 'put', 'get', 'list'): continue
        key = (gvk['group'], gvk['version'], gvk['kind'])
        ns = '{namespace}' in path
        if op.get('x-kubernetes-action') in ('post', 'put'):
            scope.setdefault(key, ns)
kinds = []
for name, d in sorted(defs.items()):
    if not name.startswith('io.k8s.api.') and not name.startswith('io.k8s.kube-aggregator') and not name.startswith('io.k8s.apiextensions'):
        continue
    for gvk in d.get('x-kubernetes-group-version-kind', []):
        v = gvk['version']
        if 'alpha' in v or 'beta' in v or gvk['kind'].endswith('List'):
            continue
        key = (gvk['group'], v, gvk['kind'])
        if key not in scope:
            continue  # not creatable through the API (e.g. status-only types)
        kinds.append({'group': gvk['group'], 'version': v, 'kind': gvk['kind'], 'definition': name, 'namespaced': scope[key]})
need, todo = set(), [k['definition'] for k in kinds]
def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == '$ref' and isinstance(v, str): yield v.split('/')[-1]
            else: yield from refs(v)
    elif isinstance(node, list):
        for v in node: yield from refs(v)
while todo:
    n = todo.pop()
    if n in need: continue
    need.add(n); todo.extend(refs(defs[n]))
def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in ('description', 'x-kubernetes-patch-strategy', 'x-kubernetes-patch-merge-key')}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node
out = {'kinds': sorted(kinds, key=lambda k: (k['group'], k['version'], k['kind'])),
       'definitions': {n: strip(defs[n]) for n in sorted(need)}}
json.dump(out, open(sys.argv[2], 'w'), indent=1, sort_keys=False)
print(len(kinds), len(need))
