package catalog

import (
	"fmt"
	"slices"
	"strings"
)

// Preset is a known OpenAI-compatible server: where it listens, which model
// to ask when the config names none, and the environment variable that
// conventionally holds its key ("" for local servers that need none).
type Preset struct {
	Name      string
	BaseURL   string
	Model     string
	APIKeyEnv string
}

// presets is the documented table. Hosted defaults are each vendor's
// inexpensive general chat model; local servers serve whatever was loaded,
// so the config must name the model (Model is "").
//
//	name           base URL                                              default model    key variable
//	openai         https://api.openai.com/v1                             gpt-4o-mini      OPENAI_API_KEY
//	deepseek       https://api.deepseek.com/v1                           deepseek-chat    DEEPSEEK_API_KEY
//	zhipu          https://open.bigmodel.cn/api/paas/v4                  glm-4-flash      ZHIPUAI_API_KEY
//	moonshot       https://api.moonshot.cn/v1                            moonshot-v1-8k   MOONSHOT_API_KEY
//	qwen           https://dashscope.aliyuncs.com/compatible-mode/v1     qwen-plus        DASHSCOPE_API_KEY
//	vllm           http://127.0.0.1:8000/v1                              (config)         -
//	llamacpp       http://127.0.0.1:8080/v1                              (config)         -
//	lmstudio       http://127.0.0.1:1234/v1                              (config)         -
//	ollama-openai  http://127.0.0.1:11434/v1                             (config)         -
var presets = []Preset{
	{"openai", "https://api.openai.com/v1", "gpt-4o-mini", "OPENAI_API_KEY"},
	{"deepseek", "https://api.deepseek.com/v1", "deepseek-chat", "DEEPSEEK_API_KEY"},
	{"zhipu", "https://open.bigmodel.cn/api/paas/v4", "glm-4-flash", "ZHIPUAI_API_KEY"},
	{"moonshot", "https://api.moonshot.cn/v1", "moonshot-v1-8k", "MOONSHOT_API_KEY"},
	{"qwen", "https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus", "DASHSCOPE_API_KEY"},
	{"vllm", "http://127.0.0.1:8000/v1", "", ""},
	{"llamacpp", "http://127.0.0.1:8080/v1", "", ""},
	{"lmstudio", "http://127.0.0.1:1234/v1", "", ""},
	{"ollama-openai", "http://127.0.0.1:11434/v1", "", ""},
}

// Presets returns the documented presets, in table order.
func Presets() []Preset { return slices.Clone(presets) }

// LookupPreset returns the preset called name.
func LookupPreset(name string) (Preset, error) {
	for _, p := range presets {
		if p.Name == name {
			return p, nil
		}
	}
	names := make([]string, len(presets))
	for i, p := range presets {
		names[i] = p.Name
	}
	return Preset{}, fmt.Errorf("unknown preset %q: want one of %s", name, strings.Join(names, ", "))
}
