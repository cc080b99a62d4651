package minutebook

import "strings"

// DiffOp says whether a line is in both versions, only the older, or only the newer.
type DiffOp int

// The kinds of difference.
const (
	Same DiffOp = iota
	Removed
	Added
)

// DiffLine is one line of a difference between two texts.
type DiffLine struct {
	Op   DiffOp
	Text string
}

// DiffLines compares two texts line by line (longest common subsequence) and
// returns every line of both in reading order, each marked same, removed or
// added.
func DiffLines(older, newer string) []DiffLine {
	a, b := splitLines(older), splitLines(newer)
	// Versions mostly differ in a few lines: what they share at either end
	// is the same, and only the middle needs comparing line by line.
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	out := make([]DiffLine, 0, len(a)+len(b)-head-tail)
	for _, l := range a[:head] {
		out = append(out, DiffLine{Same, l})
	}
	out = append(out, diffMiddle(a[head:len(a)-tail], b[head:len(b)-tail])...)
	for _, l := range a[len(a)-tail:] {
		out = append(out, DiffLine{Same, l})
	}
	return out
}

// diffMiddle is DiffLines of two runs of lines, by their longest common
// subsequence.
func diffMiddle(a, b []string) []DiffLine {
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, DiffLine{Same, a[i]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{Removed, a[i]})
			i++
		default:
			out = append(out, DiffLine{Added, b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, DiffLine{Removed, a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, DiffLine{Added, b[j]})
	}
	return out
}

func splitLines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
