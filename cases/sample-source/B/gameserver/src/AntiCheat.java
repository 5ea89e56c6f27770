package org.pserver.core;

/** Server-side speed check added by the operator of the private server. */
public class AntiCheat {
    public boolean tooFast(double distance, long millis) {
        return millis > 0 && distance / millis > 0.012;
    }
}
