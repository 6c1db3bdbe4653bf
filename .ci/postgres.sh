#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for premortem's storage
# tests, from Debian's packages (installed with apt-get when missing).
#
#   source .ci/postgres.sh       # in CI: exports PREMORTEM_TEST_POSTGRES_DSN for `go test`
#   bash .ci/postgres.sh         # locally: prints the export lines to copy
#   bash .ci/postgres.sh stop    # stops the cluster and removes its folder
#
# The cluster lives in a temporary folder, listens on 127.0.0.1 only, and
# asks for a password over TCP (so the tests see a DSN with a password, which
# must never be logged). initdb refuses to run as root: as root the cluster
# belongs to the "postgres" user (created by Debian's package). Idempotent: a
# cluster of ours already answering on the port is reused. Environment knobs:
#   PREMORTEM_POSTGRES_PORT (55432), PREMORTEM_CACHE ($HOME/.cache/premortem).
# Besides the DSN it exports PREMORTEM_TEST_POSTGRES_BIN (the server's
# binaries) and PREMORTEM_TEST_POSTGRES_USER (who runs them), which the
# restart tests use to start private clusters of their own.
# Never exits the shell that sources it: failures return non-zero.

_premortem_pg_bindir() {
	local d
	for d in "${PREMORTEM_TEST_POSTGRES_BIN:-}" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
	done
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
		dirname "$(readlink -f "$(command -v initdb)")"
		return 0
	fi
	return 1
}

_premortem_postgres() {
	local cmd="${1:-start}" port cache state bin user dir password dsn
	port="${PREMORTEM_POSTGRES_PORT:-55432}"
	cache="${PREMORTEM_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/premortem}"
	state="$cache/postgres.$port.dir"
	password="premortem-test"
	mkdir -p "$cache" || return 1

	# 1. The binaries: Debian's, installed when missing.
	if ! bin="$(_premortem_pg_bindir)"; then
		if [[ "$cmd" == stop ]]; then return 0; fi
		if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
			echo "postgres.sh: installing Debian's postgresql" >&2
			export DEBIAN_FRONTEND=noninteractive
			{ apt-get install -y postgresql >&2 || { apt-get update >&2 && apt-get install -y postgresql >&2; }; } || return 1
		fi
		bin="$(_premortem_pg_bindir)" || { echo "postgres.sh: no initdb/pg_ctl found" >&2; return 1; }
	fi

	# 2. Who runs the server: never root.
	user="$(id -un)"
	if [[ "$(id -u)" == 0 ]]; then
		user=postgres
		id "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user" || return 1
	fi
	_premortem_pg_as() { if [[ "$user" == "$(id -un)" ]]; then "$@"; else runuser -u "$user" -- "$@"; fi; }

	if [[ "$cmd" == stop ]]; then
		if [[ -f "$state" ]]; then
			dir="$(cat "$state")"
			_premortem_pg_as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
			rm -rf "$dir" "$state"
		fi
		return 0
	fi

	dsn="postgres://premortem:$password@127.0.0.1:$port/postgres?sslmode=disable"
	_premortem_pg_up() { "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; }

	# 3. The cluster: reuse ours if it answers, else a fresh one in a temporary folder.
	if ! { [[ -f "$state" ]] && _premortem_pg_up; }; then
		if [[ -f "$state" ]]; then # left by a machine restart: its server is gone
			dir="$(cat "$state")"
			[[ "$dir" == /tmp/premortem-pg.* ]] && rm -rf "$dir"
			rm -f "$state"
		fi
		dir="$(mktemp -d /tmp/premortem-pg.XXXXXX)" || return 1
		chown "$user" "$dir" && chmod 700 "$dir" || return 1
		echo "$password" >"$dir/pwfile" && chown "$user" "$dir/pwfile" || return 1
		echo "postgres.sh: initdb in $dir as $user ($bin)" >&2
		_premortem_pg_as "$bin/initdb" -D "$dir/data" -U premortem --pwfile="$dir/pwfile" \
			--auth-local=trust --auth-host=scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
			{ echo "postgres.sh: initdb failed; see $dir/initdb.log" >&2; return 1; }
		_premortem_pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
			-o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2 ||
			{ echo "postgres.sh: the server did not start; see $dir/server.log" >&2; return 1; }
		echo "$dir" >"$state"
	fi
	_premortem_pg_up || { echo "postgres.sh: nothing answers on 127.0.0.1:$port" >&2; return 1; }

	export PREMORTEM_TEST_POSTGRES_DSN="$dsn"
	export PREMORTEM_TEST_POSTGRES_BIN="$bin"
	export PREMORTEM_TEST_POSTGRES_USER="$user"
	echo "postgres.sh: ready on 127.0.0.1:$port (folder $(cat "$state"))" >&2
}

if (return 0 2>/dev/null); then
	_premortem_postgres "$@"
else
	set -u
	_premortem_postgres "$@" || exit 1
	if [[ "${1:-start}" != stop ]]; then
		echo "export PREMORTEM_TEST_POSTGRES_DSN='$PREMORTEM_TEST_POSTGRES_DSN' PREMORTEM_TEST_POSTGRES_BIN=$PREMORTEM_TEST_POSTGRES_BIN PREMORTEM_TEST_POSTGRES_USER=$PREMORTEM_TEST_POSTGRES_USER"
	fi
fi
