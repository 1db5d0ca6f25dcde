package dev.summonersim.sdk.client;

/** Where one reconnection stage connects. */
record ServerTarget(String host, int port) {
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
