package com.example.server;

import java.util.ArrayList;
import java.util.List;

/** A guild and its members. */
public class Guild {
    private final String name;
    private final List<String> members = new ArrayList<>();

    public Guild(String name) {
        this.name = name;
    }

    public boolean join(String player) {
        if (members.size() >= 50 || members.contains(player)) {
            return false;
        }
        return members.add(player);
    }
}
