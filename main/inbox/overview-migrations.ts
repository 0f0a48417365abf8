import type { Migration } from '../store/migration';

// Issue 17: requests received and answered per month, the share answered on time and the
// median days to answer, at a million requests. Kept per month by triggers on the requests
// (every write path, bulk ones included): received per month of receipt; answered per month of
// the reply, by whole days from receipt to reply and on time or not — a histogram, so the median
// is exact. Months and days are Beijing's (UTC+8, no daylight saving), like the quarter figures.
// A voided request (created by mistake) counts nowhere.

const MONTH = (t: string) => `strftime('%Y-%m', ${t}, '+8 hours')`;
const DAYS = (o: 'OLD' | 'NEW') => `max(0, CAST(julianday(date(${o}.reply_sent_at, '+8 hours')) - julianday(date(${o}.received_at, '+8 hours')) AS INTEGER))`;
const ON_TIME = (o: 'OLD' | 'NEW') => `coalesce(${o}.reply_sent_at <= ${o}.due_at, 0)`;
const CHANGED = 'OLD.received_at IS NOT NEW.received_at OR OLD.reply_sent_at IS NOT NEW.reply_sent_at OR OLD.due_at IS NOT NEW.due_at OR OLD.voided_at IS NOT NEW.voided_at';

const add = (o: 'OLD' | 'NEW') => `
  INSERT INTO inbox_received_months (month, n) VALUES (${MONTH(`${o}.received_at`)}, 1) ON CONFLICT (month) DO UPDATE SET n = n + 1;
  INSERT INTO inbox_answered_days (month, days, on_time, n)
    SELECT ${MONTH(`${o}.reply_sent_at`)}, ${DAYS(o)}, ${ON_TIME(o)}, 1 WHERE ${o}.reply_sent_at IS NOT NULL
    ON CONFLICT (month, days, on_time) DO UPDATE SET n = n + 1;`;
const remove = (o: 'OLD' | 'NEW') => `
  UPDATE inbox_received_months SET n = n - 1 WHERE month = ${MONTH(`${o}.received_at`)};
  UPDATE inbox_answered_days SET n = n - 1
    WHERE ${o}.reply_sent_at IS NOT NULL AND month = ${MONTH(`${o}.reply_sent_at`)} AND days = ${DAYS(o)} AND on_time = ${ON_TIME(o)};`;

export const inboxOverviewMigrations: Migration[] = [
  {
    version: 530,
    name: 'requests received and answered per month, kept by triggers (the overview)',
    up(db) {
      db.exec(`
        CREATE TABLE inbox_received_months (month TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT, WITHOUT ROWID;
        CREATE TABLE inbox_answered_days (
          month TEXT NOT NULL,      -- month the reply went out
          days INTEGER NOT NULL,    -- whole days from receipt to reply
          on_time INTEGER NOT NULL, -- 1: the reply went out by the reply deadline
          n INTEGER NOT NULL,
          PRIMARY KEY (month, days, on_time)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO inbox_received_months (month, n)
          SELECT ${MONTH('received_at')}, count(*) FROM inbox_requests WHERE voided_at IS NULL GROUP BY 1;
        INSERT INTO inbox_answered_days (month, days, on_time, n)
          SELECT ${MONTH('reply_sent_at')}, ${DAYS('NEW').replace(/NEW\./g, '')}, ${ON_TIME('NEW').replace(/NEW\./g, '')}, count(*)
          FROM inbox_requests WHERE voided_at IS NULL AND reply_sent_at IS NOT NULL GROUP BY 1, 2, 3;

        CREATE TRIGGER inbox_months_insert AFTER INSERT ON inbox_requests WHEN NEW.voided_at IS NULL BEGIN ${add('NEW')} END;
        CREATE TRIGGER inbox_months_delete AFTER DELETE ON inbox_requests WHEN OLD.voided_at IS NULL BEGIN ${remove('OLD')} END;
        CREATE TRIGGER inbox_months_update_old AFTER UPDATE OF received_at, reply_sent_at, due_at, voided_at ON inbox_requests
          WHEN OLD.voided_at IS NULL AND (${CHANGED}) BEGIN ${remove('OLD')} END;
        CREATE TRIGGER inbox_months_update_new AFTER UPDATE OF received_at, reply_sent_at, due_at, voided_at ON inbox_requests
          WHEN NEW.voided_at IS NULL AND (${CHANGED}) BEGIN ${add('NEW')} END;
      `);
    },
  },
];
