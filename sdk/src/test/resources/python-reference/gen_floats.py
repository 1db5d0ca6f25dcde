# Generates python-float-repr.tsv: <ieee754 bits hex> TAB <repr(x)> TAB <json.dumps(x)>
import json, random, struct, math
random.seed(20261125)
vals = [0.1, 1/3, 5e-324, 1.7976931348623157e308, 123456789012345678.0, 1e16, 1e15, 9999999999999998.0,
        1e-4, 1e-5, 0.0001, 0.00001234, 100000.0, 1.5, -0.0, 0.0, 2.5e-310, 2**-1074*3, 1e22, 1e23, 2e23,
        9007199254740993.0, 0.3, 2/3, 1e-7, 123.456, 1e308, 4.35, 5e-5, 9.999999999999999e15, 1234567890123456.7,
        float.fromhex('0x1p-1022'), float.fromhex('0x1.fffffffffffffp-1023'), 1/7, 100.0, 1e100,
        math.pi, math.e, float(2**63), float(2**64), 0.5, 2.0**-20, 1e-323, 9.5, 5e-324*2]
for e in range(-30, 30):
    vals.append(10.0**e); vals.append(2.0**e); vals.append(-(10.0**e)*1.5)
for _ in range(2500):
    vals.append(struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0])
for _ in range(800):
    vals.append(round(random.uniform(-1000, 1000), random.randint(0, 6)))
for _ in range(300):
    vals.append(random.randint(1, 10**random.randint(1, 17)) * 10.0**random.randint(-330, 300))
for _ in range(300):  # powers of two, where the lower gap is half the upper one
    vals.append(math.ldexp(1.0, random.randint(-1074, 1023)))
with open('python-float-repr.tsv', 'w') as f:
    for v in vals:
        if math.isnan(v) or math.isinf(v):
            continue
        bits = struct.unpack('<Q', struct.pack('<d', v))[0]
        f.write('%016x\t%s\t%s\n' % (bits, repr(v), json.dumps(v)))
