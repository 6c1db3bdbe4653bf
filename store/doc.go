// Package store keeps premortem's state: each guild's model choice with who
// changed it, feedback on answers, daily usage counters and per-user rate
// buckets, assessment wizard sessions, and what several processes of one
// bot must agree on: which event was already handled, who holds which
// gateway shard, and when each shard may identify.
//
// # Two engines, one Store
//
// OpenSQLite (modernc.org/sqlite, pure Go, embedded; WAL with a busy
// timeout) serves one process. OpenPostgres (pgx's pgxpool) serves any
// number of processes sharing one database. Both return the same *Store,
// and every query is written once, in SQL both engines accept; the few
// things that differ (transactions, NOTIFY, leases, the database clock)
// sit behind the small engine interface in engine.go. storetest is the
// conformance suite both pass. Consumers declare the few methods they need
// as their own interfaces (the bot's Storage, the wizard's AssessStore).
//
// Opening migrates the schema with goose from the one embedded set in
// migrations/ (on PostgreSQL under goose's session advisory lock, so
// processes starting together migrate once) and refuses a database written
// by a newer build. Connection errors are one line that names the server,
// never the password; RedactDSN is for logs.
//
// # Atomic across processes
//
// Every operation that several processes race on is one statement or one
// short transaction, decided by the database:
//   - TakeDaily and TakeRate are conditional upserts (INSERT ... ON
//     CONFLICT DO UPDATE ... WHERE under the cap RETURNING): concurrent
//     takers wait on the row and see the committed count, so exactly the
//     cap passes;
//   - PutSession writes only over the version it read (a double click, or a
//     click handled by another process, applies once); any process resumes
//     a wizard with GetSession;
//   - SetGuildModel commits the choice and its NOTIFY together; Watch
//     (pgxlisten) rereads every choice on each (re)connect;
//   - Seen dedupes an event or interaction ID for Options.SeenTTL;
//   - AcquireShard and Lock are session advisory locks on a connection of
//     their own: a second process waits and takes over the moment the
//     holder's session ends; the holder learns of a lost connection from
//     Lease.Lost;
//   - WaitIdentify hands out one identify slot per max_concurrency bucket
//     per IdentifyInterval, by the database's clock.
//
// On SQLite the same methods hold within one process.
//
// Every row that names a user can be removed with DeleteUser, for /forget
// and `premortem forget`.
package store
