package config

import (
	"strings"
	"testing"
)

func TestShardSettings(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		env        map[string]string
		id         int
		count      ShardCount
		want       string // a problem's words, "" for none
	}{
		{name: "defaults", count: 1},
		{name: "two shards", yaml: "discord:\n  shard_id: 1\n  shard_count: 2\n", id: 1, count: 2},
		{name: "auto", yaml: "discord:\n  shard_count: auto\n  shard_id: 3\n", id: 3, count: ShardsAuto},
		{name: "from env", env: map[string]string{"PREMORTEM_SHARD_ID": "1", "PREMORTEM_SHARD_COUNT": "4"}, id: 1, count: 4},
		{name: "env auto", env: map[string]string{"PREMORTEM_SHARD_COUNT": "AUTO"}, count: ShardsAuto},
		{name: "id past count", yaml: "discord:\n  shard_id: 2\n  shard_count: 2\n", want: "discord.shard_id 2: want below shard_count 2"},
		{name: "zero count", yaml: "discord:\n  shard_count: 0\n", want: "discord.shard_count 0"},
		{name: "negative id", yaml: "discord:\n  shard_id: -1\n", want: "discord.shard_id -1"},
		{name: "words", yaml: "discord:\n  shard_count: many\n", want: "discord.shard_count: want a whole number or auto"},
		{name: "bad env", env: map[string]string{"PREMORTEM_SHARD_ID": "first"}, want: "PREMORTEM_SHARD_ID \"first\""},
		{name: "takeover", yaml: "discord:\n  takeover_after: -1s\n", want: "discord.takeover_after"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := loadYAML(t, tc.yaml, tc.env)
			if tc.want != "" {
				if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Count(err.Error(), "\n") != 0 {
					t.Errorf("err %v; want one line with %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Discord.ShardID != tc.id || c.Discord.ShardCount != tc.count || c.Discord.TakeoverAfter != DefaultTakeoverAfter {
				t.Errorf("shard %d/%v takeover %v; want %d/%v", c.Discord.ShardID, c.Discord.ShardCount, c.Discord.TakeoverAfter, tc.id, tc.count)
			}
		})
	}
}
