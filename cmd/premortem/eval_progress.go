package main

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress is eval's bar on stderr: shown only on a terminal, and only
// once a run has lasted a second (a builtin run over the devset takes
// less and prints nothing).
type progress struct {
	w     io.Writer
	tty   bool
	total int
	done  int
	start time.Time
	bar   *progressbar.ProgressBar
}

// progressAfter is how long a run goes before the bar appears.
const progressAfter = time.Second

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, tty: isTerminal(w), total: total, start: time.Now()}
}

// step counts one question answered by model.
func (p *progress) step(model string) {
	p.done++
	if !p.tty {
		return
	}
	if p.bar == nil {
		if time.Since(p.start) < progressAfter {
			return
		}
		p.bar = progressbar.NewOptions(p.total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("eval"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	p.bar.Describe("eval " + model)
	p.bar.Set(p.done)
}

// finish clears the bar.
func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
