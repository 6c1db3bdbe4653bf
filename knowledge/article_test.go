package knowledge

import (
	"os"
	"strings"
	"testing"
)

func TestParseArticleNumbering(t *testing.T) {
	a, err := ParseArticle(ArticleText())
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{
		1:  "大模型创业:必须跨过的七个宿命",
		13: "未必死于技术不行一定死于市场不行",
		29: "死于开源还是死于从开源向闭源的惊险一跳?",
		39: "死于找错了场景?",
		53: "死于通用还是死于专业",
		67: "死于B端还是死于C端?",
		75: "未必死于缺卡一定死于缺钱",
		88: "会输给AI PC吗?",
	}
	for n, text := range want {
		if got, _ := a.Paragraph(n); got != text {
			t.Errorf("paragraph %d = %q, want %q", n, got, text)
		}
	}
	if len(a.Paragraphs) != 99 {
		t.Errorf("%d paragraphs, want 99", len(a.Paragraphs))
	}
	last := a.Paragraphs[len(a.Paragraphs)-1]
	if !strings.HasPrefix(last, "【本文由投资界合作伙伴") {
		t.Errorf("last paragraph %q, want the republication note before 相关资讯", last)
	}
	for i, p := range a.Paragraphs {
		if p == "打开APP" || p == "相关资讯" || p != strings.TrimSpace(p) || p == "" {
			t.Errorf("paragraph %d is boilerplate or untrimmed: %q", i+1, p)
		}
	}
}

func TestParseArticleEdges(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		wantErr    string
	}{
		{"no title", "打开APP\n\nhello\n", nil, "title line"},
		{"empty", "", nil, "title line"},
		{"crlf and blanks", "打开APP\r\n\r\n  大模型创业:必须跨过的七个宿命 \r\n\r\n第一段\r\n相关资讯\r\n尾巴\r\n",
			[]string{"大模型创业:必须跨过的七个宿命", "第一段"}, ""},
		{"no end marker", "大模型创业:必须跨过的七个宿命\n段\n", []string{"大模型创业:必须跨过的七个宿命", "段"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseArticle(tc.text)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(a.Paragraphs, "|") != strings.Join(tc.want, "|") {
				t.Errorf("paragraphs %q, want %q", a.Paragraphs, tc.want)
			}
		})
	}
}

func TestVerify(t *testing.T) {
	a, err := ParseArticle(ArticleText())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		c    Citation
		want string // "" for no error, else the exact message
	}{
		{"verbatim", Citation{7, "1.53亿美元"}, ""},
		{"mask kept", Citation{5, "*的原因,就是Stability AI没钱了"}, ""},
		{"mask restored is not verbatim", Citation{5, "最的原因"}, `quote not found in paragraph 5: "最的原因"`},
		{"wrong paragraph", Citation{8, "1.53亿美元"}, `quote not found in paragraph 8: "1.53亿美元"`},
		{"full-width comma", Citation{7, "1.53亿美元\uff0c但"}, "quote not found in paragraph 7: \"1.53亿美元\uff0c但\""},
		{"zero", Citation{0, "大模型"}, `paragraph 0 out of range 1-99 for quote "大模型"`},
		{"past end", Citation{100, "大模型"}, `paragraph 100 out of range 1-99 for quote "大模型"`},
		{"empty quote", Citation{7, " "}, "empty quote for paragraph 7"},
		{"long quote cut", Citation{7, strings.Repeat("长", 50)}, `quote not found in paragraph 7: "` + strings.Repeat("长", 40) + `"...`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := a.Verify(tc.c)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("Verify(%v) = %q, want %q", tc.c, got, tc.want)
			}
		})
	}
}

// TestEmbeddedArticleIsTheSeed guards the embedded copy against drift from
// the shared seed, when the seed is around (it is not in a bare clone).
func TestEmbeddedArticleIsTheSeed(t *testing.T) {
	seed, err := os.ReadFile("../../shared/seed/seven-fates.zh.txt")
	if os.IsNotExist(err) {
		t.Skip("no ../shared/seed beside the module")
	}
	if err != nil {
		t.Fatal(err)
	}
	if string(seed) != ArticleText() {
		t.Error("knowledge/data/article.zh.txt differs from ../shared/seed/seven-fates.zh.txt")
	}
}
