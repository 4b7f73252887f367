-- Each test JVM starts from empty tables, also on a database that outlives it (LAZI_DB_URL).
drop table if exists outbox_event;
drop table if exists consumed_message;
