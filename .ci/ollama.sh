#!/usr/bin/env bash
# Starts a real local model server for premortem's integration tests:
# Ollama (built from the Go module proxy, cached) serving the 1 MB
# TinyStories llama ../shared/models/stories260K.gguf as "stories260k".
#
#   source .ci/ollama.sh     # in CI: exports PREMORTEM_OLLAMA_URL for `go test`
#   bash .ci/ollama.sh       # locally: prints the export line to copy
#
# Idempotent: reuses an installed ollama binary, a server already answering
# on the port, and the created model. Environment knobs:
#   PREMORTEM_OLLAMA_PORT (11434), PREMORTEM_CACHE ($HOME/.cache/premortem),
#   PREMORTEM_GGUF (../shared/models/stories260K.gguf beside the clone).
# Never exits the shell that sources it: failures return non-zero.

_premortem_ollama() {
	local repo port cache gguf bin url
	repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
	port="${PREMORTEM_OLLAMA_PORT:-11434}"
	cache="${PREMORTEM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/premortem}"
	gguf="${PREMORTEM_GGUF:-$repo/../shared/models/stories260K.gguf}"
	url="http://127.0.0.1:$port"
	mkdir -p "$cache/ollama-models" || return 1

	if [[ ! -f "$gguf" ]]; then
		echo "ollama.sh: no model file at $gguf" >&2
		return 1
	fi
	gguf="$(cd "$(dirname "$gguf")" && pwd)/$(basename "$gguf")"

	# 1. The binary: PATH, GOBIN or GOPATH/bin; else build it (about 4 minutes on two cores).
	local gobin
	gobin="$(go env GOBIN)"
	[[ -n "$gobin" ]] || gobin="$(go env GOPATH)/bin"
	if command -v ollama >/dev/null 2>&1; then
		bin="$(command -v ollama)"
	elif [[ -x "$gobin/ollama" ]]; then
		bin="$gobin/ollama"
	else
		echo "ollama.sh: building ollama v0.11.4 into $gobin (cached afterwards)" >&2
		go install github.com/ollama/ollama@v0.11.4 || return 1
		bin="$gobin/ollama"
	fi

	# 2. The server: reuse one already answering, else start one in the background.
	# (The ollama client itself probes the server, so no curl is needed.)
	_up() { OLLAMA_HOST="127.0.0.1:$port" "$bin" list >/dev/null 2>&1; }
	if ! _up; then
		echo "ollama.sh: starting $bin serve on 127.0.0.1:$port (log: $cache/ollama.log)" >&2
		OLLAMA_HOST="127.0.0.1:$port" OLLAMA_MODELS="$cache/ollama-models" \
			nohup "$bin" serve >>"$cache/ollama.log" 2>&1 &
		echo $! >"$cache/ollama.pid"
		local i
		for i in $(seq 1 60); do
			_up && break
			sleep 0.5
		done
		if ! _up; then
			echo "ollama.sh: the server did not answer on $url; see $cache/ollama.log" >&2
			return 1
		fi
	fi

	# 3. The model, with a chatml template and its stop token.
	if ! OLLAMA_HOST="127.0.0.1:$port" "$bin" list 2>/dev/null | grep -q '^stories260k:latest'; then
		cat >"$cache/Modelfile" <<MODELFILE
FROM $gguf
TEMPLATE """{{- range .Messages }}<|im_start|>{{ .Role }}
{{ .Content }}<|im_end|>
{{ end }}<|im_start|>assistant
"""
PARAMETER stop "<|im_end|>"
PARAMETER num_ctx 2048
PARAMETER num_predict 96
MODELFILE
		OLLAMA_HOST="127.0.0.1:$port" "$bin" create stories260k -f "$cache/Modelfile" >&2 || return 1
	fi

	export PREMORTEM_OLLAMA_URL="$url"
	export PREMORTEM_OLLAMA_MODEL="stories260k"
	echo "ollama.sh: ready: export PREMORTEM_OLLAMA_URL=$url PREMORTEM_OLLAMA_MODEL=stories260k" >&2
}

if (return 0 2>/dev/null); then
	_premortem_ollama
else
	set -u
	_premortem_ollama && echo "export PREMORTEM_OLLAMA_URL=$PREMORTEM_OLLAMA_URL PREMORTEM_OLLAMA_MODEL=$PREMORTEM_OLLAMA_MODEL"
fi
