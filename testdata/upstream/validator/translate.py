#!/usr/bin/env python3
"""Translates upstream Calico's validator test table into manifests calico-gitops can validate.

Usage: translate.py <validator_test.go> <api-types-dir> <out-dir>

  validator_test.go  libcalico-go/lib/validator/v3/validator_test.go at the commit named in NOTICE.md
  api-types-dir      a folder holding api/pkg/apis/projectcalico/v3/*.go of the same commit (for the json tags)
  out-dir            where cases.json and unmappable.json are written (this folder)

Each Entry(description, <Go value>, <bool>) of the DescribeTable "Validator" becomes either a case (a manifest, the
verdict upstream expects and the upstream line) or an unmappable entry with the reason. The Go value is parsed as a
composite literal; field names become their json tags; a value that is not a whole object is wrapped in the smallest
object that carries it (see WRAPPERS). needs-cel.txt lists the upstream lines whose disagreement is owed to a CEL rule
of the CRD (evaluated by another component): they are marked needsCel.
Deterministic: the same input gives byte-identical output.
"""
import json
import os
import re
import sys

# ---------------------------------------------------------------- Go literal parser


class Unmappable(Exception):
    pass


TOKEN = re.compile(r'''\s*(?:(//[^\n]*)|("(?:[^"\\]|\\.)*")|(`[^`]*`)|('(?:[^'\\]|\\.)')|(0x[0-9a-fA-F]+|\d+\.\d+|\d+)|
    ([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)|(\[\]|\[|\]|\{|\}|\(|\)|:=|:|,|&|\*|\+|-|/))''', re.X)


def tokenize(src):
    out, pos = [], 0
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m or m.end() == pos:
            if src[pos:].strip() == '':
                break
            raise Unmappable('cannot tokenize at %r' % src[pos:pos + 20])
        pos = m.end()
        if m.group(1):
            continue
        if m.group(2):
            out.append(('str', json.loads(m.group(2))))
        elif m.group(3):
            out.append(('str', m.group(3)[1:-1]))
        elif m.group(4):
            out.append(('num', ord(m.group(4)[1])))
        elif m.group(5):
            t = m.group(5)
            out.append(('num', int(t, 16) if t.startswith('0x') else (float(t) if '.' in t else int(t))))
        elif m.group(6):
            out.append(('id', m.group(6)))
        else:
            out.append(('op', m.group(7)))
    return out


class Parser:
    def __init__(self, tokens):
        self.t, self.i = tokens, 0

    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else ('eof', None)

    def take(self, kind=None, val=None):
        tok = self.peek()
        if (kind and tok[0] != kind) or (val is not None and tok[1] != val):
            raise Unmappable('parse: expected %s %s, got %s' % (kind, val, tok))
        self.i += 1
        return tok

    def expr(self):
        left = self.term()
        while self.peek() in (('op', '+'), ('op', '-')):
            op = self.take()[1]
            left = ('bin', op, left, self.term())
        return left

    def term(self):
        left = self.unary()
        while self.peek() in (('op', '*'), ('op', '/')):
            op = self.take()[1]
            left = ('bin', op, left, self.unary())
        return left

    def unary(self):
        if self.peek() == ('op', '&'):
            self.take()
            return ('ptr', self.unary())
        if self.peek() == ('op', '-'):
            self.take()
            return ('neg', self.unary())
        return self.postfix(self.primary())

    def postfix(self, node):
        while True:
            if self.peek() == ('op', '('):
                self.take()
                args = []
                while self.peek() != ('op', ')'):
                    args.append(self.expr())
                    if self.peek() == ('op', ','):
                        self.take()
                self.take('op', ')')
                node = ('call', node, args)
            elif self.peek() == ('op', '['):
                self.take()
                lo = None if self.peek() == ('op', ':') else self.expr()
                self.take('op', ':')
                hi = self.expr()
                self.take('op', ']')
                node = ('slice', node, lo, hi)
            else:
                return node

    def typename(self):
        tok = self.peek()
        if tok == ('op', '[]'):
            self.take()
            if self.peek() == ('op', '*'):
                self.take()
            return '[]' + self.typename()
        if tok == ('op', '*'):
            self.take()
            return self.typename()
        if tok == ('id', 'map'):
            self.take()
            self.take('op', '[')
            k = self.typename()
            self.take('op', ']')
            return 'map[%s]%s' % (k, self.typename())
        return self.take('id')[1]

    def primary(self):
        tok = self.peek()
        if tok[0] in ('str', 'num'):
            self.take()
            return ('lit', tok[1])
        if tok == ('op', '('):
            self.take()
            e = self.expr()
            self.take('op', ')')
            return e
        if tok == ('op', '{'):
            return self.composite(None)
        if tok == ('op', '[]') or tok == ('id', 'map') or tok == ('op', '*'):
            return self.composite(self.typename())
        if tok[0] == 'id':
            name = self.take()[1]
            if self.peek() == ('op', '{') and name not in ('true', 'false', 'nil'):
                return self.composite(name)
            return ('id', name)
        raise Unmappable('parse: unexpected %s' % (tok,))

    def composite(self, typ):
        self.take('op', '{')
        elems = []
        while self.peek() != ('op', '}'):
            if self.peek()[0] == 'id' and self.peek(1) == ('op', ':') and not typ_is_map(typ):
                key = self.take()[1]
                self.take('op', ':')
                elems.append((key, self.expr()))
            else:
                v = self.expr()
                if self.peek() == ('op', ':'):
                    self.take()
                    elems.append((v, self.expr()))
                else:
                    elems.append((None, v))
            if self.peek() == ('op', ','):
                self.take()
        self.take('op', '}')
        return ('comp', typ, elems)


def typ_is_map(typ):
    return typ is not None and typ.startswith('map[')


# ---------------------------------------------------------------- evaluation to JSON values

PTR = object()  # marks a value that was given through a pointer (kept even when it is a zero value)


class Ptr:
    def __init__(self, v):
        self.v = v


class Str:
    """A Go struct value before it becomes JSON: its type and its fields in source order."""

    def __init__(self, typ, fields):
        self.typ, self.fields = typ, fields


def go_duration(ns):
    """Go's time.Duration.String() for the whole-millisecond durations the table uses."""
    if ns == 0:
        return '0s'
    neg, ns = ns < 0, abs(ns)
    if ns < 1_000_000_000:
        for unit, size in (('ms', 1_000_000), ('µs', 1_000), ('ns', 1)):
            if ns % size == 0 or unit == 'ns':
                return ('-' if neg else '') + fmt_frac(ns, size) + unit
    h, rest = divmod(ns, 3600 * 10**9)
    m, rest = divmod(rest, 60 * 10**9)
    s = fmt_frac(rest, 10**9) + 's'
    out = ('%dh' % h if h else '') + ('%dm' % m if h or m else '') + s
    return ('-' if neg else '') + out


def fmt_frac(v, size):
    whole, frac = divmod(v, size)
    if not frac:
        return str(whole)
    digits = len(str(size)) - 1
    return ('%d.%0*d' % (whole, digits, frac)).rstrip('0')


NAMES = {'names.DefaultTierName': 'default', 'names.KubeAdminTierName': 'kube-admin',
         'names.KubeBaselineTierName': 'kube-baseline'}
TIME = {'time.Nanosecond': 1, 'time.Microsecond': 1000, 'time.Millisecond': 10**6, 'time.Second': 10**9,
        'time.Minute': 60 * 10**9, 'time.Hour': 3600 * 10**9}


class Evaluator:
    def __init__(self, variables, constants):
        self.vars, self.consts = variables, constants

    def ev(self, node):
        kind = node[0]
        if kind == 'lit':
            return node[1]
        if kind == 'neg':
            return -self.ev(node[1])
        if kind == 'ptr':
            return Ptr(self.ev(node[1]))
        if kind == 'bin':
            a, b = self.ev(node[2]), self.ev(node[3])
            a, b = unptr(a), unptr(b)
            return {'+': lambda: a + b, '-': lambda: a - b, '*': lambda: a * b, '/': lambda: a // b}[node[1]]()
        if kind == 'slice':
            base = unptr(self.ev(node[1]))
            lo = 0 if node[2] is None else self.ev(node[2])
            return base[lo:self.ev(node[3])]
        if kind == 'id':
            return self.ident(node[1])
        if kind == 'call':
            return self.call(node[1], [self.ev(a) for a in node[2]])
        if kind == 'comp':
            return self.comp(node[1], node[2])
        raise Unmappable('eval: %s' % kind)

    def ident(self, name):
        if name in ('true', 'false'):
            return name == 'true'
        if name == 'nil':
            return None
        if name in self.vars:
            return self.vars[name]
        if name in NAMES:
            return NAMES[name]
        if name in TIME:
            return TIME[name]
        if name in self.consts:
            return self.consts[name]
        raise Unmappable('unknown identifier ' + name)

    def call(self, fn, args):
        name = fn[1] if fn[0] == 'id' else None
        if name in ('ptr.To', 'int32Helper', 'intHelper', 'communityValHelper'):
            return Ptr(args[0])
        if name in ('protocolFromString', 'protocolFromInt'):
            return Ptr(Proto(args[0]))
        if name in ('numorstring.ProtocolFromString', 'numorstring.ProtocolFromInt'):
            return Proto(args[0])
        if name in ('numorstring.SinglePort',
                    'numorstring.NamedPort', 'string', 'uint8', 'uint16', 'uint32', 'int', 'int32', 'float64'):
            return args[0]
        if name in ('mustParsePortRange', 'numorstring.PortFromRange'):
            return port(args[0], args[1], '')
        if name and name.startswith('api.') and len(args) == 1:
            return args[0]  # a type conversion, e.g. api.IptablesBackend("x")
        raise Unmappable('call of %s' % (name or fn[0]))

    def comp(self, typ, elems):
        typ = LIST_TYPES.get(typ, typ)
        if typ == 'numorstring.Protocol':
            f = {k: unptr(self.ev(v)) for k, v in elems if k != 'Type'}
            return Proto(f.get('StrVal') or f.get('NumVal', 0))
        if typ is None or typ.startswith('[]'):
            out = []
            for _, e in elems:
                if e[0] == 'comp' and e[1] is None and typ:
                    out.append(self.comp(typ[2:], e[2]))
                else:
                    out.append(self.ev(e))
            return out
        if typ.startswith('map['):
            return {self.ev(k): self.ev(v) for k, v in elems}
        if typ == 'numorstring.Port':
            f = {k: unptr(self.ev(v)) for k, v in elems}
            return port(f.get('MinPort', 0), f.get('MaxPort', 0), f.get('PortName', ''))
        if typ in ('v1.Duration', 'metav1.Duration'):
            return go_duration(self.ev(dict(elems)['Duration']) if elems else 0)
        if typ == 'v1.Time':
            raise Unmappable('a timestamp value')
        return Str(typ, [(k, self.ev(v)) for k, v in elems])


class Proto:
    """A numorstring.Protocol: written as its string or number."""

    def __init__(self, v):
        self.v = v


LIST_TYPES = {'api.RouteTableRanges': '[]api.RouteTableRange'}


def unptr(v):
    return v.v if isinstance(v, Ptr) else v


def port(lo, hi, name):
    if name and (lo or hi):
        raise Unmappable('a numorstring.Port with both a name and numbers has no YAML spelling')
    if name:
        return name
    return lo if lo == hi else '%d:%d' % (lo, hi)


# ---------------------------------------------------------------- JSON shape


def to_json(v, tags):
    """A Go value as the API server would read it back: zero values of non-pointer fields are simply absent."""
    if isinstance(v, Proto):
        return v.v
    if isinstance(v, Ptr):
        inner = to_json(v.v, tags)
        return ZERO if inner is ZERO else inner
    if isinstance(v, Str):
        out = {}
        for k, val in v.fields:
            if k == 'TypeMeta':
                continue
            if isinstance(val, Zero):
                if k not in KEEP_ZERO:
                    continue
                val = val.v
            j = to_json(val, tags)
            if j is ZERO or j is None:
                continue
            if k in ('ObjectMeta',):
                out['metadata'] = j
                continue
            if k not in tags:
                raise Unmappable('field %s of %s has no json tag in the api types' % (k, v.typ))
            if tags[k] == '-':
                raise Unmappable('field %s of %s is not serialised' % (k, v.typ))
            out[tags[k]] = j
        return out
    if isinstance(v, list):
        return [to_json_elem(x, tags) for x in v] or None
    if isinstance(v, dict):
        return {k: to_json_elem(x, tags) for k, x in v.items()} or None
    if v is None:
        return None
    return v


ZERO = object()


class Zero:
    """The zero value of a plain struct field: absent from the JSON unless the field lacks omitempty."""

    def __init__(self, v):
        self.v = v


def to_json_elem(v, tags):
    j = to_json(v, tags)
    return {} if j is None and isinstance(unptr(v), Str) else j


def zero_free(v, tags, pointer=False):
    """to_json, with the zero values of plain (non-pointer) fields removed."""
    return prune(to_json(mark(v), tags))


def mark(v, field=True):
    """Replaces zero scalars of plain struct fields (not given through a pointer) with ZERO: to_json drops them."""
    if isinstance(v, Ptr):
        return Ptr(mark(v.v, False))
    if isinstance(v, Proto):
        return v
    if isinstance(v, Str):
        return Str(v.typ, [(k, mark(x)) for k, x in v.fields])
    if isinstance(v, list):
        return [mark(x, False) for x in v]
    if isinstance(v, dict):
        return {k: mark(x, False) for k, x in v.items()}
    if field and v is not None and not v:
        return Zero(v)
    return v


def prune(j):
    if isinstance(j, dict):
        return {k: prune(v) for k, v in j.items() if v is not ZERO and v is not None}
    if isinstance(j, list):
        return [prune(v) for v in j]
    return j


# ---------------------------------------------------------------- wrapping into whole objects

V3 = 'projectcalico.org/v3'
OBJECTS = {'api.NetworkPolicy': 'NetworkPolicy', 'api.GlobalNetworkPolicy': 'GlobalNetworkPolicy',
           'api.StagedNetworkPolicy': 'StagedNetworkPolicy', 'api.StagedGlobalNetworkPolicy': 'StagedGlobalNetworkPolicy',
           'api.NetworkSet': 'NetworkSet', 'api.GlobalNetworkSet': 'GlobalNetworkSet', 'api.Tier': 'Tier',
           'api.FelixConfiguration': 'FelixConfiguration'}
NAMESPACED = {'NetworkPolicy', 'StagedNetworkPolicy', 'NetworkSet'}
SPECS = {'api.NetworkPolicySpec': 'NetworkPolicy', 'api.GlobalNetworkPolicySpec': 'GlobalNetworkPolicy',
         'api.StagedNetworkPolicySpec': 'StagedNetworkPolicy',
         'api.StagedGlobalNetworkPolicySpec': 'StagedGlobalNetworkPolicy', 'api.NetworkSetSpec': 'NetworkSet',
         'api.GlobalNetworkSetSpec': 'GlobalNetworkSet', 'api.TierSpec': 'Tier',
         'api.FelixConfigurationSpec': 'FelixConfiguration'}
# Parts of a policy rule, wrapped in an ingress rule of a GlobalNetworkPolicy (upstream validates them alone, with no
# direction; ingress is the direction with no extra restriction for these parts).
WRAPPERS = {
    'api.Rule': lambda j: {'ingress': [j]},
    'api.EntityRule': lambda j: {'ingress': [{'action': 'Allow', 'source': j}]},
    'api.ICMPFields': lambda j: {'ingress': [{'action': 'Allow', 'protocol': 'ICMP', 'icmp': j}]},
    'api.HTTPMatch': lambda j: {'ingress': [{'action': 'Allow', 'http': j}]},
}
WRAP_NOTE = {
    'api.Rule': 'the rule alone, as the only ingress rule of a GlobalNetworkPolicy',
    'api.EntityRule': 'as the source of an ingress Allow rule of a GlobalNetworkPolicy',
    'api.ICMPFields': 'as the icmp of an ingress Allow rule with protocol ICMP of a GlobalNetworkPolicy',
    'api.HTTPMatch': 'as the http of an ingress Allow rule of a GlobalNetworkPolicy',
    'api.ProtoPort': 'as the one failsafeInboundHostPorts entry of FelixConfiguration default',
}
FOREIGN = {
    'internalapi.': 'an internal (non-CRD) type: calico-gitops never renders or reads it',
    'api.IPPool': 'IPPool: not a kind calico-gitops renders or validates',
    'api.IPReservation': 'IPReservation: not a kind calico-gitops renders or validates',
    'api.BGP': 'BGP configuration/peers/filters: not kinds calico-gitops renders or validates',
    'api.PrefixAdvertisement': 'BGP configuration: not a kind calico-gitops renders or validates',
    'api.Community': 'BGP configuration: not a kind calico-gitops renders or validates',
    'api.HostEndpoint': 'HostEndpoint: not a kind calico-gitops renders or validates',
    'api.EndpointPort': 'HostEndpoint ports: not a kind calico-gitops renders or validates',
    'api.Profile': 'Profile: not a kind calico-gitops renders or validates',
    'api.KubeControllersConfiguration': 'KubeControllersConfiguration: not a kind calico-gitops renders or validates',
    'api.NodeControllerConfig': 'KubeControllersConfiguration: not a kind calico-gitops renders or validates',
    'api.ControllersConfig': 'KubeControllersConfiguration: not a kind calico-gitops renders or validates',
    'api.AutoHostEndpointConfig': 'KubeControllersConfiguration: not a kind calico-gitops renders or validates',
    'api.PolicyControllerConfig': 'KubeControllersConfiguration: not a kind calico-gitops renders or validates',
    'api.WorkloadEndpointControllerConfig': 'KubeControllersConfiguration: not a kind calico-gitops renders or validates',
    'api.ServiceAccountControllerConfig': 'KubeControllersConfiguration: not a kind calico-gitops renders or validates',
    'api.NamespaceControllerConfig': 'KubeControllersConfiguration: not a kind calico-gitops renders or validates',
    'api.Template': 'KubeControllersConfiguration: not a kind calico-gitops renders or validates',
    'api.ClusterInformation': 'ClusterInformation: not a kind calico-gitops renders or validates',
    'api.BlockAffinity': 'BlockAffinity: not a kind calico-gitops renders or validates',
    'api.IPAM': 'IPAM: not a kind calico-gitops renders or validates',
    'api.ServiceClusterIPBlock': 'BGP configuration: not a kind calico-gitops renders or validates',
    'api.ServiceExternalIPBlock': 'BGP configuration: not a kind calico-gitops renders or validates',
    'api.RouteTableRange': 'a FelixConfiguration part validated alone: routeTableRange(s) of FelixConfiguration, '
                           'see its own entries',
    'api.HealthTimeoutOverride': 'a FelixConfiguration part validated alone: see FelixConfiguration entries',
    'v1.ObjectMeta': 'bare ObjectMeta: no kind',
}


def foreign(node):
    """Refuses an entry whose top-level Go type is one calico-gitops does not handle, before evaluating it."""
    while node[0] == 'ptr':
        node = node[1]
    if node[0] == 'comp' and node[1]:
        for prefix, reason in FOREIGN.items():
            if node[1].startswith(prefix):
                raise Unmappable(reason)


def wrap(value, tags):
    if isinstance(value, Ptr):
        value = value.v
    if isinstance(value, Proto):
        return {'apiVersion': V3, 'kind': 'GlobalNetworkPolicy', 'metadata': {'name': 'test'},
                'spec': {'ingress': [{'action': 'Allow', 'protocol': value.v}]}}, \
            'as the protocol of an ingress Allow rule of a GlobalNetworkPolicy'
    if not isinstance(value, Str):
        raise Unmappable('a bare Go %s value' % type(value).__name__)
    typ = value.typ
    for prefix, reason in FOREIGN.items():
        if typ.startswith(prefix):
            raise Unmappable(reason)
    if typ == 'api.ProtoPort':
        return {'apiVersion': V3, 'kind': 'FelixConfiguration', 'metadata': {'name': 'default'},
                'spec': {'failsafeInboundHostPorts': [zero_free(value, tags) or {}]}}, WRAP_NOTE[typ]
    j = zero_free(value, tags) or {}
    if typ in OBJECTS:
        kind = OBJECTS[typ]
        doc = {'apiVersion': V3, 'kind': kind}
        doc.update(j)
        doc.setdefault('metadata', {})
        # Spec is a plain struct field without omitempty: Go writes 'spec: {}' for an empty one.
        doc.setdefault('spec', {})
        if kind in NAMESPACED:
            # Validate() sees no namespace; kubectl apply -n default gives it one.
            doc['metadata'].setdefault('namespace', 'default')
        return doc, None
    if typ in SPECS:
        kind = SPECS[typ]
        meta = {'name': 'default' if kind == 'FelixConfiguration' else 'test'}
        if kind in NAMESPACED:
            meta['namespace'] = 'default'
        return {'apiVersion': V3, 'kind': kind, 'metadata': meta, 'spec': j}, 'the spec alone, in an object named ' + \
            meta['name']
    if typ in WRAPPERS:
        return {'apiVersion': V3, 'kind': 'GlobalNetworkPolicy', 'metadata': {'name': 'test'},
                'spec': WRAPPERS[typ](j)}, WRAP_NOTE[typ]
    raise Unmappable('type %s: no Calico object carries it on its own' % typ)


# ---------------------------------------------------------------- reading the Go file


def init_variables(src, ev):
    """The values init() declares before the tables (pointers to numbers, nets, protocols, long strings...)."""
    body = src[src.index('func init() {'):src.index('DescribeTable(')]
    long = 'x' * (256 * 1024)
    ev.vars.update({'longValue': long, 'maxAnnotationsLength': 256 * 1024})
    for m in re.finditer(r'^\t([A-Za-z_][A-Za-z0-9_]*) := (.+)$', body, re.M):
        name, rhs = m.group(1), m.group(2)
        if name in ev.vars:
            continue
        try:
            ev.vars[name] = ev.ev(Parser(tokenize(rhs)).expr())
        except (Unmappable, KeyError, IndexError, TypeError):
            pass  # not needed by any entry, or the entry becomes unmappable naming it
    for m in re.finditer(r'^\tvar ([A-Za-z_][A-Za-z0-9_]*) [A-Za-z.]+ = ("[^"]*")$', body, re.M):
        ev.vars[m.group(1)] = json.loads(m.group(2))
    for m in re.finditer(r'^\t([A-Za-z_][A-Za-z0-9_]*) = (api\.[A-Za-z]+(?:\("[^"]*"\))?)$', body, re.M):
        try:
            ev.vars[m.group(1)] = ev.ev(Parser(tokenize(m.group(2))).expr())
        except Unmappable:
            pass


# Fields of these Go types without omitempty are written even when zero (e.g. ProtoPort's port: 0).
PLAIN = {'int', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'string', 'bool', 'float64'}
KEEP_ZERO = set()


def api_tags_and_constants(api_dir):
    tags, consts = {}, {}
    for f in sorted(os.listdir(api_dir)):
        if not f.endswith('.go'):
            continue
        text = open(os.path.join(api_dir, f), encoding='utf-8').read()
        for m in re.finditer(r'^\s+([A-Z][A-Za-z0-9]*)\s+([^`\n]+)`json:"([^",]*)(,[^"]*)?"', text, re.M):
            tags.setdefault(m.group(1), m.group(3))
            if 'omitempty' not in (m.group(4) or '') and m.group(2).split()[0] in PLAIN:
                KEEP_ZERO.add(m.group(1))
        for m in re.finditer(r'^\s+([A-Z][A-Za-z0-9]*)\s+(?:[A-Za-z.]+\s+)?=\s+("[^"\n]*"|-?[0-9.]+)\s*$', text, re.M):
            consts.setdefault('api.' + m.group(1), json.loads(m.group(2)))
        for m in re.finditer(r'^\s+([A-Z][A-Za-z0-9]*)\s+=\s+float64\(([0-9_]+)\)', text, re.M):
            consts.setdefault('api.' + m.group(1), float(m.group(2).replace('_', '')))
    return tags, consts


def entries(src):
    start = src.index('DescribeTable("Validator",')
    depth, i = 0, src.index('(', start)
    end = i
    while True:
        c = src[end]
        if c in '"`':
            close = src.index(c, end + 1) if c == '`' else re.compile(r'"(?:[^"\\]|\\.)*"').match(src, end).end() - 1
            end = close
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                break
        end += 1
    table = src[start:end]
    for m in re.finditer(r'\bEntry\(', table):
        pos = start + m.start()
        line = src.count('\n', 0, pos) + 1
        yield line, pos + len('Entry')


def call_args(src, pos):
    """The source text of the argument list starting at the '(' at pos."""
    p = Parser(tokenize_until_close(src, pos))
    p.take('op', '(')
    args = []
    while p.peek() != ('op', ')'):
        args.append(p.expr())
        if p.peek() == ('op', ','):
            p.take()
    return args


def tokenize_until_close(src, pos):
    toks, depth = [], 0
    for tok in tokenize_iter(src, pos):
        toks.append(tok)
        if tok == ('op', '('):
            depth += 1
        elif tok == ('op', ')'):
            depth -= 1
            if depth == 0:
                return toks
    raise Unmappable('unbalanced entry')


def tokenize_iter(src, pos):
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise Unmappable('cannot tokenize at %r' % src[pos:pos + 20])
        pos = m.end()
        for t in tokenize(m.group(0)):
            yield t


def compact(j):
    """Long runs of x (the 256 KiB annotation cases) are written as ${x*N}; the test expands them."""
    if isinstance(j, dict):
        return {compact(k): compact(v) for k, v in j.items()}
    if isinstance(j, list):
        return [compact(v) for v in j]
    if isinstance(j, str) and len(j) > 300 and set(j) == {'x'}:
        return '${x*%d}' % len(j)
    return j


def main(test_go, api_dir, out_dir):
    src = open(test_go, encoding='utf-8').read()
    tags, consts = api_tags_and_constants(api_dir)
    ev = Evaluator({}, consts)
    init_variables(src, ev)
    needs_cel = set()
    cel_file = os.path.join(out_dir, 'needs-cel.txt')
    if os.path.exists(cel_file):
        for ln in open(cel_file, encoding='utf-8'):
            ln = ln.split('#')[0].strip()
            if ln:
                needs_cel.add(int(ln))
    cases, unmappable = [], []
    for line, pos in entries(src):
        desc = None
        try:
            args = call_args(src, pos)
            desc = ev.ev(args[0])
            expect = ev.ev(args[2])
            foreign(args[1])
            doc, note = wrap(ev.ev(args[1]), tags)
            case = {'line': line, 'description': desc, 'valid': expect}
            if note:
                case['wrapped'] = note
            if line in needs_cel:
                case['needsCel'] = True
            case['manifest'] = compact(doc)
            cases.append(case)
        except Unmappable as e:
            unmappable.append({'line': line, 'description': desc, 'reason': str(e)})
    with open(os.path.join(out_dir, 'cases.json'), 'w', encoding='utf-8') as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write('\n')
    with open(os.path.join(out_dir, 'unmappable.json'), 'w', encoding='utf-8') as f:
        json.dump(unmappable, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print('%d cases, %d unmappable' % (len(cases), len(unmappable)))


if __name__ == '__main__':
    main(*sys.argv[1:4])
