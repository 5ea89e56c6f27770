-- OpenRealm persistent store
CREATE TABLE accounts (id SERIAL PRIMARY KEY, username TEXT UNIQUE NOT NULL, password_sha256 TEXT NOT NULL,
                       is_operator BOOLEAN DEFAULT FALSE, last_login TIMESTAMPTZ);
CREATE TABLE characters (id SERIAL PRIMARY KEY, owner INT REFERENCES accounts(id), nick TEXT UNIQUE NOT NULL,
                         lvl INT DEFAULT 1, xp BIGINT DEFAULT 0, map INT DEFAULT 1, px INT, py INT);
CREATE TABLE inventory (character_id INT REFERENCES characters(id), item INT NOT NULL, qty INT NOT NULL,
                        UNIQUE (character_id, item));
CREATE TABLE guilds (id SERIAL PRIMARY KEY, title TEXT UNIQUE, founder INT REFERENCES characters(id));
