// Package shards runs this process's Discord gateway sessions: one per
// shard it holds. Every process of a bot shares one store, and the store
// decides who holds what:
//
//   - each shard is held under a lease (store.AcquireShard): the process
//     configured for a shard waits for it at once, and once
//     TakeoverAfter has passed it also waits for every other shard, so a
//     shard whose process dies is taken over by a live one the moment the
//     database ends the dead session. A lease lost (the database restarted
//     or the network cut) closes that shard's gateway session, and the
//     shard is waited for again;
//   - every identify is paced by the store (store.WaitIdentify, one per
//     max_concurrency bucket every store.DefaultIdentifyInterval across
//     processes: Discord's 5 s and a margin for clock skew). The
//     pacing sits in the gateway connection itself (pace.go): the
//     websocket dialer's connection waits for a slot before it writes an
//     Identify frame, so discordgo's own identifies (at Open, and in
//     answer to op 9 Invalid Session, which discordgo sends on the same
//     socket at once) are paced too, and an op 9 never turns into a storm.
//
// The Manager reports each shard's state (Status) for /healthz and
// metrics, and looks things up in the sessions' caches (state.go). Events
// of every session go to the handlers Options.Attach installs; the bot
// answers through a REST session of its own, so a shard changing hands
// never cuts an answer being written.
package shards
