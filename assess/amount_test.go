package assess

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Amount
	}{
		{"yi", "1.5亿", Amount{1.5e8, ""}},
		{"english M", "150M", Amount{150e6, ""}},
		{"wan yuan with comma", "1,500万元", Amount{1.5e7, "CNY"}},
		{"dollar m", "$2.3m", Amount{2.3e6, "USD"}},
		{"million words", "2.3 million", Amount{2.3e6, ""}},
		{"plain", "153000000", Amount{153e6, ""}},
		{"stability cost", "1.53亿美元", Amount{1.53e8, "USD"}},
		{"stability revenue", "1100万美元", Amount{1.1e7, "USD"}},
		{"chinese numerals", "两千万", Amount{2e7, ""}},
		{"chinese yi", "一亿二千万元", Amount{1.2e8, "CNY"}},
		{"qian wan", "3千万", Amount{3e7, ""}},
		{"compound", "1亿5000万", Amount{1.5e8, ""}},
		{"usd suffix", "5m usd", Amount{5e6, "USD"}},
		{"rmb", "RMB 800k", Amount{8e5, "CNY"}},
		{"yen sign", "¥30 万", Amount{3e5, "CNY"}},
		{"billion", "1.2bn", Amount{1.2e9, ""}},
		{"zero", "0", Amount{0, ""}},
		{"full width", "１５０Ｍ", Amount{150e6, ""}},
		{"approx", "约 2000万", Amount{2e7, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAmount(tt.in)
			if err != nil {
				t.Fatalf("ParseAmount(%q): %v", tt.in, err)
			}
			if math.Abs(got.Value-tt.want.Value) > 1e-6*tt.want.Value || got.Currency != tt.want.Currency {
				t.Errorf("ParseAmount(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseAmountErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		kind ErrKind
	}{
		{"empty", "  ", ErrEmpty},
		{"negative", "-5M", ErrNegative},
		{"negative after currency", "$-5", ErrNegative},
		{"chinese negative", "负100万", ErrNegative},
		{"absurd", "100000亿亿", ErrTooLarge},
		{"absurd digits", "99999999999999", ErrTooLarge},
		{"text", "a lot", ErrNotNumber},
		{"words after number", "12 apples", ErrNotNumber},
		{"two currencies", "$5万元", ErrCurrency},
		{"months in amount", "12 months", ErrNotNumber},
		{"lone dot", ".", ErrNotNumber},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAmount(tt.in)
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Kind != tt.kind {
				t.Fatalf("ParseAmount(%q) error = %v, want kind %d", tt.in, err, tt.kind)
			}
			if pe.Message("zh") == "" || pe.Message("en") == "" {
				t.Error("empty message")
			}
		})
	}
}

func TestParseMonths(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
	}{
		{"english", "12 months", 12},
		{"one year and a half", "一年半", 18},
		{"half year", "半年", 6},
		{"months zh", "18个月", 18},
		{"years", "3 years", 36},
		{"bare", "9", 9},
		{"chinese numeral", "十八个月", 18},
		{"two years", "两年", 24},
		{"decimal years", "1.5 years", 18},
		{"three and a half years", "3年半", 42},
		{"month and a half", "一个半月", 1.5},
		{"short", "6mo", 6},
		// Spelt out in English.
		{"a year and a half", "a year and a half", 18},
		{"one and a half years", "one and a half years", 18},
		{"half a year", "half a year", 6},
		{"eighteen months", "eighteen months", 18},
		{"two years spelt", "two years", 24},
		{"about", "about 9 months", 9},
		{"a year", "a year", 12},
		{"twenty four", "twenty four months", 24},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMonths(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseMonths(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
	for _, bad := range []string{"-3", "forever", "$12", "200 years", "", "半",
		"a while", "half", "years", "soon", "14 monthsa year and a half", "2 years 3 months"} {
		if _, err := ParseMonths(bad); err == nil {
			t.Errorf("ParseMonths(%q) gave no error", bad)
		}
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{{"10万", 1e5}, {"100k", 1e5}, {"2,000", 2000}, {"十万", 1e5}, {"0", 0}, {"5000 users", 5000}}
	for _, tt := range tests {
		got, err := ParseCount(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseCount(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"$5", "-1", "many", "1000亿亿"} {
		if _, err := ParseCount(bad); err == nil {
			t.Errorf("ParseCount(%q) gave no error", bad)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1.5亿", "150M", "1,500万元", "$2.3m", "2.3 million", "一亿二千万", "1亿5000万", "-3", "半年", "一年半"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAmount(s)
		if err == nil && (a.Value < 0 || a.Value > MaxAmount || math.IsNaN(a.Value)) {
			t.Fatalf("ParseAmount(%q) = %v accepted out of range", s, a.Value)
		}
		if m, err := ParseMonths(s); err == nil && (m < 0 || m > MaxMonths) {
			t.Fatalf("ParseMonths(%q) = %v accepted out of range", s, m)
		}
		if n, err := ParseCount(s); err == nil && (n < 0 || n > MaxCount) {
			t.Fatalf("ParseCount(%q) = %v accepted out of range", s, n)
		}
		if err != nil || a.Value < 1 || a.Value > 1e12 {
			return
		}
		for _, lang := range []string{"zh", "en"} {
			text := FormatAmount(a, lang)
			back, err := ParseAmount(text)
			if err != nil {
				t.Fatalf("ParseAmount(FormatAmount(%v)=%q): %v", a, text, err)
			}
			if back.Currency != a.Currency || math.Abs(back.Value-a.Value) > 1e-3*a.Value+1e-3 {
				t.Fatalf("round trip %v -> %q -> %v", a, text, back)
			}
		}
	})
}

func BenchmarkParseAmount(b *testing.B) {
	for b.Loop() {
		ParseAmount("1,500万元")
		ParseAmount("$2.3m")
		ParseMonths("一年半")
	}
}

func TestParseErrorHints(t *testing.T) {
	_, err := ParseCount("lots")
	if msg := err.(*ParseError).Message("zh"); !strings.Contains(msg, "人数") || strings.Contains(msg, "亿") {
		t.Errorf("count hint %q", msg)
	}
	_, err = ParseMonths("soon")
	if msg := err.(*ParseError).Message("en"); !strings.Contains(msg, "a year and a half") {
		t.Errorf("months hint %q", msg)
	}
}
