package dev.summonersim.sdk.protocol;

/**
 * RFC 5952 text of an IPv6 address ({@code ::1}, {@code fe80::1}), which is what both reference relays print
 * (glibc's inet_ntop and Rust's Ipv6Addr Display). Java's {@code getHostAddress()} gives the uncompressed
 * {@code 0:0:0:0:0:0:0:1} instead. Mixed notation for IPv4-compatible addresses is not produced; Java already turns
 * IPv4-mapped peers into Inet4Address, which prints as plain {@code a.b.c.d}.
 */
final class Ipv6Text {

    private Ipv6Text() {
    }

    static String compressed(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        // longest run of zero groups, the first one on ties, only if at least two groups long (RFC 5952 4.2)
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
