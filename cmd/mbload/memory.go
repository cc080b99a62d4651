package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Memory is a process's resident memory, from /proc/<pid>/status.
type Memory struct {
	HWMkB int64 `json:"vm_hwm_kb"` // the peak resident set
	RSSkB int64 `json:"vm_rss_kb"` // the resident set now
}

// readMemory reads the process's peak and current resident memory.
func readMemory(pid int) (Memory, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Memory{}, err
	}
	var m Memory
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			continue
		}
		n, _ := strconv.ParseInt(f[0], 10, 64)
		switch k {
		case "VmHWM":
			m.HWMkB = n
		case "VmRSS":
			m.RSSkB = n
		}
	}
	return m, nil
}

// joinInts and parseInts read and write the ramp flag.
func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a list of whole numbers such as 1,2,4,8", s)
		}
		out = append(out, n)
	}
	return out, nil
}
