package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// ShardCount is discord.shard_count: how many gateway shards the bot runs
// in all, or ShardsAuto to ask Discord (GET /gateway/bot) at start.
type ShardCount int

// ShardsAuto is `shard_count: auto`.
const ShardsAuto ShardCount = -1

// DefaultTakeoverAfter is discord.takeover_after's default.
const DefaultTakeoverAfter = 30 * time.Second

// parseShardCount reads "auto" or a whole number.
func parseShardCount(s string) (ShardCount, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "auto") {
		return ShardsAuto, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("want a whole number or auto")
	}
	return ShardCount(n), nil
}

// UnmarshalYAML accepts `auto` or a number.
func (c *ShardCount) UnmarshalYAML(n *yaml.Node) error {
	v, err := parseShardCount(n.Value)
	if err != nil {
		return fmt.Errorf("discord.shard_count %q: %w", n.Value, err)
	}
	*c = v
	return nil
}

// String is the count as configured.
func (c ShardCount) String() string {
	if c == ShardsAuto {
		return "auto"
	}
	return strconv.Itoa(int(c))
}

// Sharded reports whether the bot runs more than one shard (or asks
// Discord how many).
func (d *Discord) Sharded() bool { return d.ShardCount != 1 }

func (d *Discord) applyShardEnv(getenv func(string) string) []error {
	var errs []error
	if v := getenv("PREMORTEM_SHARD_ID"); v != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			errs = append(errs, fmt.Errorf("PREMORTEM_SHARD_ID %q: want a whole number", v))
		} else {
			d.ShardID = n
		}
	}
	if v := getenv("PREMORTEM_SHARD_COUNT"); v != "" {
		c, err := parseShardCount(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("PREMORTEM_SHARD_COUNT %q: %w", v, err))
		} else {
			d.ShardCount = c
		}
	}
	return errs
}

func (d *Discord) validateShards() []error {
	var errs []error
	switch {
	case d.ShardCount != ShardsAuto && d.ShardCount < 1:
		errs = append(errs, fmt.Errorf("discord.shard_count %d: want 1 or more, or auto", d.ShardCount))
	case d.ShardID < 0:
		errs = append(errs, fmt.Errorf("discord.shard_id %d: want 0 or more", d.ShardID))
	case d.ShardCount != ShardsAuto && d.ShardID >= int(d.ShardCount):
		errs = append(errs, fmt.Errorf("discord.shard_id %d: want below shard_count %d (shards are numbered from 0)", d.ShardID, d.ShardCount))
	}
	if d.TakeoverAfter < 0 {
		errs = append(errs, fmt.Errorf("discord.takeover_after %v: want 0 (never) or a duration", d.TakeoverAfter))
	}
	return errs
}
