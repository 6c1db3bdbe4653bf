package discordfake

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestComputePings(t *testing.T) {
	const content = "hi <@1> <@!2> <@&3> @everyone"
	tests := []struct {
		name    string
		allowed string // "" = absent
		reply   bool
		want    Pings
	}{
		{"absent parses all", "", true, Pings{Everyone: true, Users: []string{"1", "2"}, Roles: []string{"3"}, RepliedUser: true}},
		{"empty object", `{}`, true, Pings{}},
		{"discordgo zero value", `{"parse":null,"replied_user":false}`, true, Pings{}},
		{"users only", `{"parse":["users"]}`, false, Pings{Users: []string{"1", "2"}}},
		{"explicit user and role", `{"users":["2"],"roles":["3"]}`, false, Pings{Users: []string{"2"}, Roles: []string{"3"}}},
		{"everyone", `{"parse":["everyone"]}`, false, Pings{Everyone: true}},
		{"replied user", `{"parse":[],"replied_user":true}`, true, Pings{RepliedUser: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var am json.RawMessage
			if tc.allowed != "" {
				am = json.RawMessage(tc.allowed)
			}
			got := computePings(content, am, tc.reply)
			if diff := cmp.Diff(&tc.want, got); diff != "" {
				t.Errorf("pings (-want +got):\n%s", diff)
			}
			if got.Any() != (tc.want.Everyone || len(tc.want.Users) > 0 || len(tc.want.Roles) > 0 || tc.want.RepliedUser) {
				t.Errorf("Any() = %v", got.Any())
			}
		})
	}
}

func TestFormErrorsNesting(t *testing.T) {
	e := formErrors{}
	e.add("embeds.0.fields.3.value", "BASE_TYPE_MAX_LENGTH", "Must be 1024 or fewer in length.")
	status, body := e.response()
	raw, _ := json.Marshal(body)
	want := `{"code":50035,"errors":{"embeds":{"0":{"fields":{"3":{"value":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 1024 or fewer in length."}]}}}}}},"message":"Invalid Form Body"}`
	if status != 400 || string(raw) != want {
		t.Fatalf("got %d %s", status, raw)
	}
}
