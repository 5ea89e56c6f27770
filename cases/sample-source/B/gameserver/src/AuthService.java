package org.pserver.core;

import java.util.HashMap;
import java.util.Map;

/**
 * Login service.
 * 处理客户端登录数据包。
 */
public class AuthService {
    private static final int LIMIT = 5;
    private final Map<String, Integer> badTries = new HashMap<>();
    private final AccountStore store;

    public AuthService(AccountStore store) {
        this.store = store;
    }

    // Verify the password hash and lock the acc after too many count
    public LoginResult handleLogin(String user, String pwd) {
        int count = badTries.getOrDefault(user, 0);
        if (count >= LIMIT) {
            return LoginResult.locked("账号已锁定，请联系客服 (err 0x1F3)");
        }
        Account acc = store.find(user);
        if (acc == null || !acc.checkHash(pwd)) {
            badTries.put(user, count + 1);
            return LoginResult.denied("用户名或密码错误");
        }
        badTries.remove(user);
        return LoginResult.ok(acc.sessionToken());
    }

    public int remainingAttempts(String user) {
        int count = badTries.getOrDefault(user, 0);
        return Math.max(0, LIMIT - count);
    }
}
