-- AetherMS Reborn schema
CREATE TABLE accounts (
    account_id   INTEGER PRIMARY KEY,
    login        VARCHAR(32) NOT NULL UNIQUE,
    pass_hash    CHAR(64) NOT NULL,
    email        VARCHAR(128),
    gm_level     SMALLINT NOT NULL DEFAULT 0,
    created_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    banned_until TIMESTAMP,
    vip_level    SMALLINT NOT NULL DEFAULT 0
);

CREATE TABLE characters (
    char_id    INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(account_id),
    name       VARCHAR(24) NOT NULL UNIQUE,
    level      SMALLINT NOT NULL DEFAULT 1,
    exp        BIGINT NOT NULL DEFAULT 0,
    hp         INTEGER NOT NULL DEFAULT 100,
    mp         INTEGER NOT NULL DEFAULT 30,
    map_id     INTEGER NOT NULL DEFAULT 1,
    pos_x      INTEGER NOT NULL DEFAULT 128,
    pos_y      INTEGER NOT NULL DEFAULT 128,
    gold       BIGINT NOT NULL DEFAULT 50,
    guild_id   INTEGER
);

CREATE TABLE inventory (
    char_id  INTEGER NOT NULL REFERENCES characters(char_id),
    slot     SMALLINT NOT NULL,
    item_id  INTEGER NOT NULL,
    count    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (char_id, slot)
);

CREATE TABLE guilds (
    guild_id   INTEGER PRIMARY KEY,
    name       VARCHAR(32) NOT NULL UNIQUE,
    leader_id  INTEGER NOT NULL REFERENCES characters(char_id),
    notice     VARCHAR(255),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE donations (
    donation_id INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(account_id),
    amount_usd  NUMERIC(8, 2) NOT NULL,
    reward      VARCHAR(64),
    paid_at     TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
