package ops

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the bot's Prometheus metrics, in a registry of their own (not
// the global default), served at /metrics.
type Metrics struct {
	reg          *prometheus.Registry
	interactions *prometheus.CounterVec
	ack          prometheus.Histogram
	model        *prometheus.HistogramVec
	fallbacks    *prometheus.CounterVec
	limited      prometheus.Counter
	refusals     *prometheus.CounterVec
	answers      *prometheus.CounterVec
	shardUp      *prometheus.GaugeVec
	identifyWait prometheus.Histogram
}

// NewMetrics returns the metrics, registered in a new registry.
func NewMetrics() *Metrics { return NewShardMetrics("") }

// NewShardMetrics returns the metrics of a process configured for a
// gateway shard: every premortem_ metric carries shard="<shard>" ("":
// none), so the processes of one bot add up and tell apart.
func NewShardMetrics(shard string) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "premortem_interactions_total",
			Help: "Interactions and questions received, by command or component."}, []string{"name"}),
		ack: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "premortem_ack_seconds",
			Help:    "Time from receiving an interaction to its first response (deferral or answer).",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5}}),
		model: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "premortem_model_seconds",
			Help:    "Time the advisor took per answer, by the backend that wrote it.",
			Buckets: []float64{.01, .05, .1, .5, 1, 2.5, 5, 10, 30, 60, 120}}, []string{"backend"}),
		fallbacks: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "premortem_fallbacks_total",
			Help: "Answers written by a fallback backend, by the backend first asked."}, []string{"from", "to"}),
		limited: prometheus.NewCounter(prometheus.CounterOpts{Name: "premortem_discord_429_total",
			Help: "Discord responses with status 429 (discordgo retries them)."}),
		refusals: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "premortem_refusals_total",
			Help: "Requests refused by a limit."}, []string{"reason"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "premortem_answers_total",
			Help: "Answers finished, by outcome."}, []string{"outcome"}),
		shardUp: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "premortem_gateway_shard_up",
			Help: "1 while this process holds the gateway shard and its session is connected."}, []string{"gateway_shard"}),
		identifyWait: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "premortem_identify_wait_seconds",
			Help:    "Time a gateway identify waited for its slot (max_concurrency across processes).",
			Buckets: []float64{.001, .01, .1, 1, 2.5, 5, 10, 30, 60}}),
	}
	var own prometheus.Registerer = m.reg
	if shard != "" {
		own = prometheus.WrapRegistererWith(prometheus.Labels{"shard": shard}, m.reg)
	}
	own.MustRegister(m.interactions, m.ack, m.model, m.fallbacks, m.limited, m.refusals, m.answers, m.shardUp, m.identifyWait)
	m.reg.MustRegister(prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Registry is the metrics' registry, for tests.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Interaction counts a request received, by route name ("/ask",
// "message:dm", a component's prefix).
func (m *Metrics) Interaction(name string) { m.interactions.WithLabelValues(name).Inc() }

// Acked observes the time from receiving a request to its first response.
func (m *Metrics) Acked(d time.Duration) { m.ack.Observe(d.Seconds()) }

// RateLimited counts a 429 from Discord.
func (m *Metrics) RateLimited() { m.limited.Inc() }

// Answered counts a finished answer by outcome (ok, cap, error, timeout...).
func (m *Metrics) Answered(outcome string) { m.answers.WithLabelValues(outcome).Inc() }

// Fallback counts an answer written by a fallback backend.
func (m *Metrics) Fallback(from, to string) { m.fallbacks.WithLabelValues(from, to).Inc() }

// ModelTime observes how long the advisor took, by the backend that wrote.
func (m *Metrics) ModelTime(backend string, d time.Duration) {
	m.model.WithLabelValues(backend).Observe(d.Seconds())
}

// ShardState reports whether this process holds gateway shard id and its
// session is connected.
func (m *Metrics) ShardState(id int, held, connected bool) {
	v := 0.0
	if held && connected {
		v = 1
	}
	m.shardUp.WithLabelValues(strconv.Itoa(id)).Set(v)
}

// IdentifyWaited observes how long shard id's identify waited for its slot.
func (m *Metrics) IdentifyWaited(_ int, d time.Duration) { m.identifyWait.Observe(d.Seconds()) }

// Refused counts a refusal; reason is the refusal's key, not its text.
func (m *Metrics) Refused(reason string) { m.refusals.WithLabelValues(reason).Inc() }
