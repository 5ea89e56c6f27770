package com.example.server;

import java.util.HashMap;
import java.util.Map;

/**
 * Handles the login packets of the game client.
 * 处理客户端登录数据包。
 */
public class LoginHandler {
    private static final int MAX_ATTEMPTS = 5;
    private final Map<String, Integer> failedAttempts = new HashMap<>();
    private final AccountStore accounts;

    public LoginHandler(AccountStore accounts) {
        this.accounts = accounts;
    }

    // Verify the password hash and lock the account after too many failures
    public LoginResult handleLogin(String user, String passwordHash) {
        int failures = failedAttempts.getOrDefault(user, 0);
        if (failures >= MAX_ATTEMPTS) {
            return LoginResult.locked("账号已锁定，请联系客服 (err 0x1F3)");
        }
        Account account = accounts.find(user);
        if (account == null || !account.checkHash(passwordHash)) {
            failedAttempts.put(user, failures + 1);
            return LoginResult.denied("用户名或密码错误");
        }
        failedAttempts.remove(user);
        return LoginResult.ok(account.sessionToken());
    }

    public int remainingAttempts(String user) {
        int failures = failedAttempts.getOrDefault(user, 0);
        return Math.max(0, MAX_ATTEMPTS - failures);
    }
}
