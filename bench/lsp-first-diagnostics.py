#!/usr/bin/env python3
# Time from starting the toolchain's sourcekit-lsp to the first pulled diagnostics of one learner
# file: python3 bench/lsp-first-diagnostics.py WORKSPACE RELATIVE/FILE.swift (docs/performance.md).
import json, os, shutil, subprocess, sys, time
root = sys.argv[1]; target = sys.argv[2]
t0 = time.time()
p = subprocess.Popen([os.path.join(os.path.dirname(os.path.realpath(shutil.which('swiftc'))), 'sourcekit-lsp')], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=root)
def send(m):
    b = json.dumps(m).encode(); p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(b) + b); p.stdin.flush()
def recv():
    h = b''
    while not h.endswith(b'\r\n\r\n'): h += p.stdout.read(1)
    n = int([l for l in h.decode().split('\r\n') if l.lower().startswith('content-length')][0].split(':')[1])
    return json.loads(p.stdout.read(n))
def wait(i):
    while True:
        m = recv()
        if 'method' in m and 'id' in m: send({'jsonrpc':'2.0','id':m['id'],'result':None}); continue
        if m.get('id') == i and 'method' not in m: return m
uri = 'file://' + root
send({'jsonrpc':'2.0','id':1,'method':'initialize','params':{'processId':os.getpid(),'rootUri':uri,'capabilities':{'textDocument':{'diagnostic':{}}}}}); wait(1)
send({'jsonrpc':'2.0','method':'initialized','params':{}})
f = root + '/' + target
send({'jsonrpc':'2.0','method':'textDocument/didOpen','params':{'textDocument':{'uri':'file://'+f,'languageId':'swift','version':1,'text':open(f).read()}}})
t1 = time.time()
send({'jsonrpc':'2.0','id':2,'method':'textDocument/diagnostic','params':{'textDocument':{'uri':'file://'+f}}}); r = wait(2)
t2 = time.time()
print('items', len(r['result'].get('items', [])), 'start->diagnostics %.2f s, open->diagnostics %.2f s' % (t2 - t0, t2 - t1))
p.kill()
