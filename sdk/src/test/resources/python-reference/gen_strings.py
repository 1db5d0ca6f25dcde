# Generates python-string-repr.tsv: <code points hex, space separated> TAB <json.dumps(s)> TAB <repr(s)>
# (repr never contains a raw tab, CR or LF: Python escapes them)
import json, random
random.seed(20261125)
pools = [range(0x00, 0x80), range(0x80, 0x100), range(0x100, 0x800), range(0x2000, 0x2070), range(0xD800, 0xE000),
         range(0xE000, 0xE010), range(0xFFF0, 0x10000), range(0x1F600, 0x1F650), range(0x10000, 0x10100),
         range(0xE0000, 0xE0080), range(0x0600, 0x0700), range(0x3000, 0x3010), [0x27, 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x7F, 0x20, 0xA0, 0xAD, 0x85]]
rows = []
for _ in range(3000):
    n = random.randint(1, 8)
    cps = [random.choice(random.choice(pools)) for _ in range(n)]
    rows.append(cps)
for cp in list(range(0, 0x300)):
    rows.append([cp])
with open('python-string-repr.tsv', 'w', encoding='utf-8', errors='surrogatepass') as f:
    for cps in rows:
        s = ''.join(chr(c) for c in cps)
        f.write(' '.join('%x' % c for c in cps) + '\t' + json.dumps(s) + '\t' + repr(s) + '\n')
