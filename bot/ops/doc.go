// Package ops is what an operator of the bot sees and relies on: the
// Prometheus metrics in a private registry (Metrics, labelled with the
// process's shard), /healthz with its report of shards, commands and
// storage, and the HTTP servers (Health, Serve), graceful shutdown of the
// work in flight (Jobs: new requests refused, answers given
// shutdown_grace, then closed politely), the expiry of old sessions,
// counters and handled event IDs (Expire), and one-line explanations of a
// rejected token or a refused intent (TokenError, GatewayError).
package ops
