// Package match finds the corpus entry that answers a checklist question
// and says how sure it is.
//
// # Pipeline
//
//	normalise → tokens → index → score → rank → confidence
//
// Normalise (packages textnorm and question): NFKC, case, and the spelling variants of
// Japanese (サーバー = サーバ, 取り扱い = 取扱); the item number ("1-2.",
// "Q4"), a label's frame (〜の有無), the polite closing (〜していますか,
// 〜を教えてください) and the way a sheet addresses the vendor (貴社の)
// are removed. A question that does not say what it asks about (every
// word of it in wordings with different answers, or one compound found
// whole in a wording on another subject) is read with its section before
// it (Subject): 保存期間 under the category バックアップ.
//
// Tokens: kanji and kana become character bigrams (a bigram of two
// hiragana weighs 0.2, of one 0.5: hiragana carries particles and
// endings); Latin text becomes Snowball-stemmed words without stop words
// (a slash separates words: IDS/IPS, 24/7);
// each thesaurus concept the text names (package thesaurus, and the corpus's
// synonyms.txt) adds a concept token of term frequency ConceptWeight.
// Tokens inside a bracketed example list count ExampleWeight.
//
// Index: every wording of an entry (its question, its aliases, and the
// first sentence of a question that asks several things, at
// MainAskFactor) is a document. Token weight = (1 + ln tf) × idf^IDFPower,
// BM25's idf over entries; with AnswerStats the answers count in the
// document frequencies (a word every answer uses is generic); answers are
// not scored, and only order the candidates of rows in doubt (below).
//
// Score: with ov = Σ min(w_q, w_d) over shared tokens and |q|, |d| the
// total weights,
//
//	score = (ov/|q|)^QueryCoverage × (ov/|d|)^(1-QueryCoverage)
//
// so a stored question that asks a little more still answers the
// customer's. An entry scores as its best wording.
//
// Rank: candidates by score, an entry in the other language than the
// query at OtherScriptRank of it; ties go to the entry learned from the
// query's own question ID, then to its section. An English row is ranked
// again with PairHint × the share of its adjacent word pairs the wording
// repeats and AnswerHint × the share of its weight the entry's answer
// repeats added to each score; a Japanese row with the second only when
// in doubt (confidence under the default threshold, a fixed cut, so the
// ranking never moves with the user's threshold). The order only:
// confidence is never raised by these hints. Rows in doubt are ranked
// again with synonym credit: the unmatched tokens in terms of a concept
// both sides name count SynonymCredit of their weight.
//
// # Confidence
//
// Confidence starts at the best score and is adjusted by the signals
// below, in this order. A row is filled without review when confidence ≥
// Threshold; Result.Signals gives the measurements to a fitted model
// (package calib, qfill eval --cv).
//
//	signal            setting                 effect                              example
//	margin            MarginFloor 0.1,        − (floor − lead) when the best       two entries with other answers
//	                  MarginPenalty 1         other-answer entry trails closely    scoring 0.71 and 0.68
//	lacking rival     LacksFactor 0.8         a rival lacking a concept both       バックアップ vs ログ rival
//	                                          sides share counts 0.8 (in doubt)
//	ambiguity         AmbiguityRatio 0.9,     cap when a rival with another        監視カメラによる監視
//	                  AmbiguityCap 0.5        answer covers as much of the query   (installed, or kept?)
//	synonym evidence  SynonymConfidence 1     credit counts when the wording       バックアップの保管期間 /
//	                                          names exactly the query's concepts   データ保全の保存期間
//	head              HeadBonus 0.2,          + when the wording names the ask's   計画停止の「頻度」
//	                  EnglishHeadBonus 0,     head (an English one earns none),    against 計画停止の予定通知
//	                  HeadPenalty 0.15,       or the head asks a measure the
//	                  HeadCap 0.5,            entry's answer or remarks state      実施頻度 answered 年1回
//	                  AnswerMeasure           (corpus.StatesMeasure; English: and  "How often reviewed?",
//	                                          name the verb); else − and capped    remarked "reviewed yearly"
//	compound label    CompoundBonus 0.2       + for a one-compound label whose     緊急連絡体制の整備
//	                                          last word and concepts are named
//	concept conflict  ConflictPenalty 0.15    − when each side names a concept     backups retained /
//	                                          the other lacks                      logs retained
//	rival question    RivalPenalty 1,         − gap × penalty when another row     two rows asking 障害を監視
//	                  FollowUpMeasure         of the sheet fits the entry better
//	                                          (not the question above a follow-   上記の実施頻度 below 診断を
//	                                          up whose measure the answer states)  実施, answered 年1回
//	answer language   LanguageCheck           cap at AmbiguityCap when the         a Japanese answer to an
//	                                          answer is in the other language      English question
//	not applicable    InapplicableBar 0.8     cap at AmbiguityCap when the entry   "Is customer data encrypted
//	                                          answers n/a and its wording scores   at rest?" against the n/a
//	                                          under 0.8 (not a near-copy)          consultant's-data entry
//	bare yes          BareAnswer              cap at AmbiguityCap when the answer  責任者は誰ですか against
//	                                          is a bare yes (実施しています, 有)   任命しています
//	                                          and the question asks what, who or
//	                                          a measure its remarks do not give
//	unfamiliar sheet  UnfamiliarMedian 0.4,   cap at AmbiguityCap for the English  SAMM asked of CAIQ
//	                  UnfamiliarBar 0.7,      rows under 0.7 of a sheet whose      answers (median 0.26)
//	                  UnfamiliarWords 5       median best score is under 0.4,
//	                                          unless the row shares 5 words with
//	                                          its wording
//
// The head (package question) is the noun that ends a Japanese question or label
// once its closing is gone (連絡先 in 個人情報保護管理者の連絡先), or the
// verb or participle an English question asks about ("How often are
// access rights reviewed?"); light predicates (実施, 可能, 導入, provide)
// step back to the noun before them, and ask-word groups (保管 / 保存,
// kept / stored) name one ask in other words. In a label-style row (項目 |
// 内容 joined) the item name's head is checked, where it has one.
//
// Each change of confidence is a Step of Result.Trace, named by its signal
// (score, pairs, answers, lacks, synonym, head, conflict, rival, language,
// inapplicable, unfamiliar) with the confidence after it; Result.Why is
// the one check that took a row that would have been filled under the
// threshold. qfill eval --explain prints the trace of every row. The
// word lists the checks read are in words.txt (ask words) and in package
// question (light predicates, English verbs).
//
// The settings are in Config, each with why it has its value; how each
// was found and what was tried and rejected is in docs/matcher-history.md.
// Every setting can be varied for one run with qfill eval --set.
//
// # Worked example
//
// 「バックアップは遠隔地に保管していますか」 against 「バックアップデータを別拠点に
// 保管していますか」: the bigrams of バックアップ and 保管 match, 遠隔地 and 別拠点
// name the concept offsite (ConceptWeight), the head 保管 is named (+
// HeadBonus), and no rival with another answer is near: filled.
package match
