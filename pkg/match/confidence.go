package match

import (
	"fmt"
	"math"
	"slices"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/question"
	"github.com/qfill/qfill/pkg/textnorm"
)

// Confidence: the best candidate's score against its rivals, and the
// checks across a checklist's rows (rival questions, answer language).

// rival reports whether o counts against the best candidate b in the
// margin and the ambiguity cap. A wording in the other language does not
// when the best is in the query's: a bilingual corpus holds each ask in
// both languages with answers that differ only in their language, and a
// question in one language cannot tell the two apart.
func (ix *Index) rival(o, b *Candidate) bool {
	return !ix.sameAnswer(o.Entry, b.Entry) && !(o.otherScript && !b.otherScript)
}

// penaliseRivals lowers the confidence of each row whose best entry
// another row fits better (see MatchAll). A follow-up that asks a measure
// its entry's answer states (上記の実施頻度 of 脆弱性診断を実施, answered
// 年1回) is not held to the question it refers back to, which names the
// entry better by design.
func (ix *Index) penaliseRivals(qs []Query, out []Result) {
	if ix.cfg.RivalPenalty == 0 {
		return
	}
	// The best lexical score any question gives each entry (see Match),
	// the row that gives it, and the best of the other rows.
	type top struct {
		best, second float64
		row          int
	}
	bestFor := map[*corpus.Entry]top{}
	for k, r := range out {
		for _, c := range r.Candidates {
			t := bestFor[c.Entry]
			switch {
			case c.lexical > t.best && k != t.row:
				t = top{best: c.lexical, second: t.best, row: k}
			case c.lexical > t.best:
				t.best = c.lexical
			case c.lexical > t.second && k != t.row:
				t.second = c.lexical
			}
			bestFor[c.Entry] = t
		}
	}
	above := -1
	for i := range out {
		if !qs[i].FollowUp {
			above = i
		}
		b := out[i].Best()
		if b == nil {
			continue
		}
		t := bestFor[b.Entry]
		best := t.best
		if ix.cfg.FollowUpMeasure && qs[i].FollowUp && out[i].checks.stated && above >= 0 && t.row == above {
			best = t.second
		}
		if gap := best - b.lexical; gap > 1e-6 {
			was := out[i].Confidence
			out[i].Confidence = math.Max(0, out[i].Confidence-gap*ix.cfg.RivalPenalty)
			out[i].step(StepRival, was, out[i].Confidence, fmt.Sprintf("another row scores %.3f more", gap))
			out[i].Auto = out[i].Confidence >= ix.cfg.Threshold
		}
	}
}

// checkAnswers holds back a row whose best answer cannot be sent as it is:
// one in the other language (text with neither kana nor kanji nor an
// English word, SSO or 99.9%, fits either), or a "not applicable" that
// denies the entry's own premise (no consultant holds the data), which a
// row its wording does not nearly repeat (InapplicableBar) need not share,
// or a bare yes (実施しています, 有) to a question that asks what, how
// often or how many (BareAnswer). Neither holds a near-copy of the row's
// question: its answer is the vendor's own answer to that question.
func (ix *Index) checkAnswers(qs []Query, out []Result) {
	for i := range out {
		b := out[i].Best()
		if b == nil {
			continue
		}
		if q, a := textnorm.ScriptOf(qs[i].Text, 1), textnorm.ScriptOf(b.Entry.Answer, 2); ix.cfg.LanguageCheck && q != textnorm.ScriptNone && a != textnorm.ScriptNone && q != a {
			out[i].checks.otherLanguage = true
			// The head and the conflict say more than the language; the
			// language, more than a tied rival.
			ix.hold(&out[i], StepLanguage, "", Reason{Check: CheckLanguage}, out[i].Why.Check == CheckNone || out[i].Why.Check == CheckTied)
		}
		nearCopy := b.lexical >= ix.cfg.InapplicableBar
		if out[i].Confidence > ix.cfg.AmbiguityCap && !nearCopy && corpus.DeriveChoice(b.Entry) == corpus.ChoiceNA {
			ix.hold(&out[i], StepInapplicable, "", Reason{Check: CheckInapplicable}, true)
		}
		if ix.cfg.BareAnswer && out[i].Confidence > ix.cfg.AmbiguityCap && !nearCopy && corpus.SaysOnlyYes(b.Entry.Answer) && question.AsksForValue(qs[i].Text) && !givesMeasure(b.Entry, qs[i].Text) {
			ix.hold(&out[i], StepBare, "", Reason{Check: CheckBare}, true)
		}
	}
}

// givesMeasure: the entry's remarks give the measure q asks for ("Yes",
// remarked "Annual training for all staff", to "How often is training
// given?"), so its yes is not bare.
func givesMeasure(e *corpus.Entry, q string) bool {
	m := question.Measure(q)
	if m == "" {
		return false
	}
	stated, _ := corpus.StatesMeasure(e, m)
	return stated
}

// checkUnfamiliar holds back the English rows of a checklist the corpus
// barely covers (Config.UnfamiliarMedian) that are not sure beyond
// UnfamiliarBar and share fewer than UnfamiliarWords words with their
// wording. Eight rows or fewer say nothing about the sheet.
func (ix *Index) checkUnfamiliar(qs []Query, out []Result) {
	var scores []float64
	for _, r := range out {
		if b := r.Best(); b != nil && r.english {
			scores = append(scores, b.lexical)
		}
	}
	if ix.cfg.UnfamiliarMedian == 0 || len(scores) <= 8 {
		return
	}
	slices.Sort(scores)
	med := (scores[(len(scores)-1)/2] + scores[len(scores)/2]) / 2
	if med >= ix.cfg.UnfamiliarMedian {
		return
	}
	for i := range out {
		b := out[i].Best()
		if b == nil || !out[i].english || out[i].Confidence >= ix.cfg.UnfamiliarBar {
			continue
		}
		if w := ix.cfg.UnfamiliarWords; w > 0 && sharedWords(question.Prepare(qs[i].Text), b.prepared()) >= w {
			continue
		}
		ix.hold(&out[i], StepUnfamiliar, fmt.Sprintf("sheet median %.2f", med), Reason{Check: CheckUnfamiliar, Median: med}, true)
	}
}

// hold caps a row's confidence at AmbiguityCap for the signal; why becomes
// the reason if that took the row under the threshold and override allows.
func (ix *Index) hold(r *Result, signal, note string, why Reason, override bool) {
	wasAuto, was := r.Auto, r.Confidence
	r.Confidence = math.Min(was, ix.cfg.AmbiguityCap)
	r.step(signal, was, r.Confidence, note)
	r.Auto = r.Confidence >= ix.cfg.Threshold
	if wasAuto && !r.Auto && override {
		r.Why = why
	}
}

// byScore is a candidate's score as ranked (lexical plus synonym credit).
func byScore(c Candidate) float64 { return c.Score }

// confidenceOf turns the first candidate's score and its margin over the
// best rival that would give a different answer into a confidence, with
// the scores score gives (byScore, or the lexical ones for a candidate
// synonym credit put first).
func (ix *Index) confidenceOf(c []Candidate, score func(Candidate) float64) float64 {
	if len(c) == 0 {
		return 0
	}
	s1 := score(c[0])
	var s2 float64
	for i := range c[1:] {
		o := &c[i+1]
		if s := ix.rivalScore(*o, score); s > s2 && ix.rival(o, &c[0]) {
			s2 = s
		}
	}
	margin := s1 - s2
	conf := s1
	if margin < ix.cfg.MarginFloor {
		conf -= (ix.cfg.MarginFloor - margin) * ix.cfg.MarginPenalty
	}
	// "ファイアウォールはありますか" is covered whole by the firewall entry,
	// the firewall-review entry and the WAF entry; the shortest wording
	// scores best, but which of those asks the customer means the words
	// do not say.
	if ix.tiedRival(c, score) != nil {
		conf = math.Min(conf, ix.cfg.AmbiguityCap)
	}
	return math.Max(0, math.Min(1, conf))
}

// rivalScore is a runner-up's score as it counts against the best.
func (ix *Index) rivalScore(o Candidate, score func(Candidate) float64) float64 {
	if o.lacks {
		return score(o) * ix.cfg.LacksFactor
	}
	return score(o)
}

// tiedRival returns a candidate with another answer that matches at least
// as much of the query as the first and scores at least AmbiguityRatio of
// it (see Config.AmbiguityRatio), or nil.
//
// A wording that is the query itself (lexical score 1), or an entry
// learned from the query's own question ID, has no such rival: the stored
// question says nothing besides the customer's, or the sheet's own ID
// says which it is (HECVAT asks "Contact Name" for the solution and again
// for accessibility).
func (ix *Index) tiedRival(c []Candidate, score func(Candidate) float64) *Candidate {
	if ix.cfg.AmbiguityCap <= 0 || len(c) < 2 || c[0].lexical >= 1-1e-6 || c[0].sameQID {
		return nil
	}
	s1 := score(c[0])
	for i := range c[1:] {
		o := &c[i+1]
		if o.qcov >= c[0].qcov-1e-9 && o.Wording != c[0].Wording && ix.rival(o, &c[0]) && ix.rivalScore(*o, score) >= s1*ix.cfg.AmbiguityRatio {
			return o
		}
	}
	return nil
}

// markLacks marks the runners-up that lack a thesaurus concept the query
// and the best wording both name, and reports whether it marked any:
// 遠隔バックアップ against 遠隔地に保管 and バックアップを行っている,
// 解約後のデータ消去の時期 against 契約終了後のデータ削除 and データ削除の
// 方法. Such a rival answers a broader or another question, so it counts
// LacksFactor of its score against the best (confidenceOf, tiedRival).
// Only rows in doubt are marked (it can only raise confidence), and only
// rivals close enough to the best to count in the margin or the
// ambiguity test are read: the scan of a wording is the cost.
func (ix *Index) markLacks(pq string, cands []Candidate) bool {
	for i := range cands {
		cands[i].lacks = false
	}
	if ix.cfg.LacksFactor == 1 || ix.thes == nil || len(cands) < 2 {
		return false
	}
	s1 := math.Min(cands[0].Score, cands[0].lexical)
	cut := math.Min(s1-ix.cfg.MarginFloor, s1*ix.cfg.AmbiguityRatio)
	var q, both []int
	marked := false
	for i := 1; i < len(cands); i++ {
		o := &cands[i]
		if o.Score < cut || !ix.rival(o, &cands[0]) {
			continue
		}
		if q == nil {
			q = ix.thes.IDs(pq)
			for _, c := range ix.thes.IDs(cands[0].prepared()) {
				if slices.Contains(q, c) {
					both = append(both, c)
				}
			}
			if len(both) == 0 {
				return false
			}
		}
		has := ix.thes.IDs(o.prepared())
		for _, c := range both {
			if !slices.Contains(has, c) {
				o.lacks, marked = true, true
				break
			}
		}
	}
	return marked
}

// sharedWords counts the distinct word tokens two prepared texts share.
func sharedWords(a, b string) int {
	seen := map[token]bool{}
	textTokens(a, func(t token, w float64, _, _ int) {
		if w > 0 {
			seen[t] = true
		}
	})
	n := 0
	textTokens(b, func(t token, w float64, _, _ int) {
		if w > 0 && seen[t] {
			n++
			seen[t] = false
		}
	})
	return n
}
