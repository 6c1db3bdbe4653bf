package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// RedactDSN returns dsn with its password replaced by xxxxx, for logs.
func RedactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return scrub(dsn, dsn)
}

var (
	kvPassword  = regexp.MustCompile(`password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)`)
	urlPassword = regexp.MustCompile(`^[a-z][a-z0-9+.-]*://[^:/@]*:([^@/]*)@`)
)

// scrub removes from msg every password written in dsn, however malformed
// dsn is: error texts from parsers may quote the string they choked on.
func scrub(msg, dsn string) string {
	var secrets []string
	if m := urlPassword.FindStringSubmatch(dsn); m != nil && m[1] != "" {
		secrets = append(secrets, m[1])
		if un, err := url.PathUnescape(m[1]); err == nil {
			secrets = append(secrets, un)
		}
	}
	for _, m := range kvPassword.FindAllStringSubmatch(dsn, -1) {
		secrets = append(secrets, strings.Trim(m[1], "'"))
	}
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok {
			secrets = append(secrets, pw)
		}
	}
	for _, s := range secrets {
		if s != "" && s != "xxxxx" {
			msg = strings.ReplaceAll(msg, s, "xxxxx")
		}
	}
	return msg
}

// dsnError explains a connection string pgx cannot parse, in one line.
func dsnError(dsn string, err error) error {
	reason := err.Error()
	var pe *pgconn.ParseConfigError
	if errors.As(err, &pe) && pe.Unwrap() != nil {
		reason = pe.Unwrap().Error()
	}
	return fmt.Errorf("open postgres store: storage.dsn is not a PostgreSQL connection string (want postgres://user@host:5432/dbname): %s",
		oneLine(scrub(reason, dsn)))
}

// connectError explains a failed first connection in one line.
func connectError(cc *pgx.ConnConfig, dsn string, err error) error {
	where, addr := serverOf(cc), net.JoinHostPort(cc.Host, fmt.Sprint(cc.Port))
	var pgErr *pgconn.PgError
	var dnsErr *net.DNSError
	var why string
	switch {
	case errors.As(err, &pgErr) && (pgErr.Code == "28P01" || pgErr.Code == "28000"):
		why = fmt.Sprintf("PostgreSQL at %s refused the login: %s", where, pgErr.Message)
	case errors.As(err, &pgErr) && pgErr.Code == "3D000":
		why = fmt.Sprintf("PostgreSQL at %s: %s (create it first)", where, pgErr.Message)
	case errors.As(err, &pgErr):
		why = fmt.Sprintf("PostgreSQL at %s: %s", where, pgErr.Message)
	case errors.Is(err, syscall.ECONNREFUSED):
		why = fmt.Sprintf("nothing accepts connections at %s (connection refused): is PostgreSQL running there?", addr)
	case errors.As(err, &dnsErr):
		why = fmt.Sprintf("cannot resolve the PostgreSQL host %s: %s", cc.Host, dnsErr.Err)
	case pgconn.Timeout(err) || errors.Is(err, context.DeadlineExceeded):
		why = fmt.Sprintf("no answer from PostgreSQL at %s in time", addr)
	default:
		why = fmt.Sprintf("cannot connect to PostgreSQL at %s: %s", where, innermost(err))
	}
	return fmt.Errorf("open postgres store: %s", oneLine(scrub(why, dsn)))
}

// serverOf names the server of cc for messages: user@host:port/database.
func serverOf(cc *pgx.ConnConfig) string {
	host := cc.Host
	if strings.HasPrefix(host, "/") {
		host = "socket " + host
	}
	return fmt.Sprintf("%s@%s/%s", cc.User, net.JoinHostPort(host, fmt.Sprint(cc.Port)), cc.Database)
}

func innermost(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
