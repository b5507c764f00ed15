-- The embedded database is one session: an import in one transaction held it for the whole file
-- (15 s for a million vouchers), and every login, page and report waited. There an import now
-- writes its rows in many short statements with the session free between them, under an import
-- record marked 'importing' that no report counts (they read 'done' imports only); the last,
-- short transaction checks, replaces and marks it 'done'. A failed import removes its rows, and
-- rows left by a process that died part-way are removed by the next process that opens the
-- directory (src/ledger/staged-import.ts). On PostgreSQL an import stays one transaction.
ALTER TABLE ledger_imports DROP CONSTRAINT ledger_imports_status_check;
ALTER TABLE ledger_imports ADD CONSTRAINT ledger_imports_status_check CHECK (status IN ('importing', 'done', 'failed', 'replaced'));
