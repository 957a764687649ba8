package dev.newsfeed.impl.comments;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.jetbrains.annotations.Nullable;

/**
 * Who a client is for rate limits: the connection's address, unless that address is a configured trusted proxy;
 * then the configured forwarded header is read from the right, skipping trusted proxies, and the first other address
 * is the client. A forwarded header from anyone else is ignored, so a client cannot choose its own identity.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String resolve(String remoteAddress, @Nullable String forwarded, List<String> trustedProxies) {
        if (forwarded == null || forwarded.isBlank() || !isTrusted(remoteAddress, trustedProxies)) {
            return remoteAddress;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            if (!isTrusted(hop, trustedProxies)) {
                return hop;
            }
        }
        return remoteAddress;
    }

    /** Whether an address is one of the trusted proxies: exact addresses or CIDR ranges (IPv4 and IPv6). */
    static boolean isTrusted(String address, List<String> trusted) {
        for (String entry : trusted) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains("/") ? inRange(address, e) : e.equals(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(String address, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] net = literal(parts[0]);
            byte[] ip = literal(address);
            if (net == null || ip == null || net.length != ip.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((net[i] & mask) != (ip[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Bytes of an IP literal, never a name lookup. */
    private static @Nullable byte[] literal(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
