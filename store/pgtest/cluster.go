package pgtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
)

// Cluster is a private PostgreSQL server of one test, for faults that would
// disturb other tests sharing the CI cluster: restarts and stops.
type Cluster struct {
	// DSN reaches the cluster's "postgres" database as its superuser.
	DSN string

	bin, dir, user, port string
}

// NewCluster initialises and starts a cluster in a temporary folder on a
// free 127.0.0.1 port, stopped and removed when t ends. It skips t when no
// test PostgreSQL is configured (see DSN).
func NewCluster(t testing.TB) *Cluster {
	t.Helper()
	if os.Getenv(EnvDSN) == "" || os.Getenv(EnvBin) == "" {
		t.Skipf("no test PostgreSQL: run `source .ci/postgres.sh` to set %s and %s", EnvDSN, EnvBin)
	}
	c := &Cluster{bin: os.Getenv(EnvBin), user: os.Getenv(EnvUser)}
	if cur, err := user.Current(); err == nil && (c.user == "" || c.user == cur.Username) {
		c.user = ""
	}
	dir, err := os.MkdirTemp("", "premortem-pgtest-")
	must(t, err, "cluster folder")
	c.dir = dir
	t.Cleanup(func() { os.RemoveAll(dir) })
	if c.user != "" {
		u, err := user.Lookup(c.user)
		must(t, err, "cluster user %s", c.user)
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		must(t, os.Chown(dir, uid, gid), "chown cluster folder")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err, "free port")
	c.port = strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()

	c.run(t, "initdb", "-D", c.data(), "-U", "premortem", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8")
	c.Start(t)
	t.Cleanup(func() { c.stopQuietly() })
	c.DSN = fmt.Sprintf("postgres://premortem@127.0.0.1:%s/postgres?sslmode=disable", c.port)
	return c
}

// Start starts the server and waits until it accepts connections.
func (c *Cluster) Start(t testing.TB) {
	t.Helper()
	// fsync off only matters if the machine crashes; commits stay
	// synchronous, so an immediate stop loses no confirmed commit.
	c.ctl(t, "start", "-l", filepath.Join(c.dir, "server.log"), "-o",
		"-c listen_addresses=127.0.0.1 -c port="+c.port+" -c unix_socket_directories="+c.dir+" -c fsync=off")
}

// Stop stops the server, ending every session at once.
func (c *Cluster) Stop(t testing.TB) {
	t.Helper()
	c.ctl(t, "stop", "-m", "immediate")
}

// Restart stops the server as a crash or an operator would (immediately,
// every session cut) and starts it again.
func (c *Cluster) Restart(t testing.TB) {
	t.Helper()
	c.Stop(t)
	c.Start(t)
}

// stopQuietly stops a server that may already be stopped.
func (c *Cluster) stopQuietly() {
	name, argv := c.command("pg_ctl", "-D", c.data(), "-w", "stop", "-m", "immediate")
	cmd := exec.Command(name, argv...)
	cmd.Dir = c.dir
	cmd.Run()
}

func (c *Cluster) data() string { return filepath.Join(c.dir, "data") }

func (c *Cluster) ctl(t testing.TB, args ...string) {
	t.Helper()
	c.run(t, "pg_ctl", append([]string{"-D", c.data(), "-w", "-t", "60"}, args...)...)
}

func (c *Cluster) run(t testing.TB, prog string, args ...string) {
	t.Helper()
	name, argv := c.command(prog, args...)
	cmd := exec.Command(name, argv...)
	cmd.Dir = c.dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", prog, args, err, out)
	}
}

// command runs prog of the server's binaries as the cluster's user.
func (c *Cluster) command(prog string, args ...string) (string, []string) {
	if c.user == "" {
		return filepath.Join(c.bin, prog), args
	}
	return "runuser", append([]string{"-u", c.user, "--", filepath.Join(c.bin, prog)}, args...)
}
