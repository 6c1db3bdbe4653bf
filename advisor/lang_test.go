package advisor

import "testing"

func TestDetectLang(t *testing.T) {
	tests := []struct {
		name, q, want string
	}{
		{"chinese", "账上只剩半年现金", "zh"},
		{"english", "we give our weights away, how do we make money?", "en"},
		{"mixed mostly chinese", "ARR 才 1M, burn 2M 每月", "zh"},
		{"mixed chinese grammar", "我们是做开源文生图的, our burn is high", "zh"},
		{"mixed mostly english", "what does 开源 really mean for our business?", "en"},
		{"acronyms only", "GPU H100 ARR", "en"},
		{"acronym and one han", "B端", "zh"},
		{"tie goes to chinese", "burn 烧钱", "zh"},
		{"numbers only", "12345", "en"},
		{"full width latin", "ＡＩ ＰＣ 会不会干掉我们", "zh"},
		{"typo english", "shuld we go to B or to C??", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DetectLang(tc.q); got != tc.want {
				t.Errorf("DetectLang(%q) = %q, want %q", tc.q, got, tc.want)
			}
		})
	}
}
