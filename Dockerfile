# syntax=docker/dockerfile:1
# premortem: one static binary; the image runs the Discord bot by default.
#   docker build -t premortem .
#   docker run --rm -e DISCORD_TOKEN -v premortem-data:/data premortem
# Any subcommand works too: docker run --rm premortem ask "最大的风险是什么?"

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Pure Go (modernc.org/sqlite): no cgo, a static binary.
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/premortem ./cmd/premortem \
 && mkdir -p /out/data

# distroless/static: CA certificates and /etc/passwd with the nonroot user
# (65532), no shell, nothing else.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/premortem /usr/local/bin/premortem
COPY --from=build --chown=65532:65532 /out/data /data
# SQLite lives in /data (storage.dsn defaults to premortem.db in the
# working folder); mount a volume there to keep state across restarts.
WORKDIR /data
VOLUME ["/data"]
USER 65532:65532
# /healthz and /metrics; set PREMORTEM_HTTP_ADDR="" to turn them off.
ENV PREMORTEM_HTTP_ADDR=0.0.0.0:9090
EXPOSE 9090
ENTRYPOINT ["premortem"]
CMD ["bot"]
