// Package match finds the corpus entry that answers a checklist question
// and says how sure it is.
//
// # What is scored
//
// Both sides are folded the same way (package textnorm: NFKC, case, サーバー
// = サーバ, ウィ = ウイ, ヴ = ブ, 取り扱い = 取扱, 漏えい = 漏洩), the item
// number ("1-2.", "(3)", "Q4"), a label's frame ("〜の有無", "〜の実施状況"),
// the polite closing ("〜していますか", "〜を教えてください",
// "〜について、具体的にご記入ください") and the way the sheet addresses the
// vendor ("貴社の", "御社サービスにおける") are removed, and the text
// becomes weighted tokens. The last two were built
// after eight own pairs (F-01–F-08 in paraphrases.tsv, one NONE) were
// written: those were all top-1 already but 3 of 7 filled; the request
// closings took that to 5, dropping 貴社 (which a vendor's corpus never
// says, so rarity made it the heaviest word) to 6, the NONE row staying
// at 0; no other set moved.
//
// The tokens:
//
//   - kanji and kana: character bigrams. A bigram of two hiragana weighs
//     0.2 and one with a single hiragana 0.5: topics are written in kanji and
//     katakana, while hiragana carries particles and verb endings;
//   - Latin letters: words, stop words dropped, Snowball-stemmed;
//   - thesaurus concepts (thesaurus.txt, written for qfill): a question
//     that mentions 冗長化 or 二重化 or "redundant" also gets the token
//     c:redundancy, with term frequency ConceptWeight (2). Terms are
//     looked for in the text with の, を and が between two kanji or
//     katakana dropped, so 時刻同期 also finds 時刻の同期 and
//     サービス終了 finds サービスを終了 (own pairs: paraphrases top-1
//     94.1% → 95.3%, G-04 第三者認証…の取得状況 now reaching the
//     vendor's certification entry; SLA S-11 0.25 → 0.38, templates
//     JA-28 アカウントをロック 0.56 → 0.63; bench rows identical; に
//     as well moved nothing, so it is left out);
//   - tokens inside a bracketed example list ("(e.g., viruses,
//     ransomware)", "（例：負荷分散装置、クラスタ構成など）") count
//     ExampleWeight (0.3): the examples illustrate the ask, and a stored
//     question seldom lists the same ones. Ten own pairs (E-01–E-10 in
//     paraphrases.tsv, two of them NONE) were written before it was
//     built: their coverage 0% → 62.5% (5 of 8), precision 100%, the
//     NONE rows' confidence at most 0.15; 0.5 filled none of them, 0
//     the same as 0.3. The bench and the other own sets have no such
//     lists and did not move. Other brackets keep their weight: （UPS）
//     or （ユーザ利用領域） carry the topic, and halving all bracketed
//     words cost bench precision (see below).
//
// Weights are (1+ln tf) × idf, with BM25's idf computed over the entries
// (an entry counts once however many aliases it has), so a token the corpus
// has never seen weighs most and a question about something the corpus does
// not cover scores low against everything.
//
// Every wording of an entry (question, aliases, and the first sentence of a
// question that asks several things, at MainAskFactor 0.95) is scored by
// weighted overlap: ov = Σ min(wq, wd) over shared tokens,
//
//	score = (ov/|q|)^0.6 × (ov/|d|)^0.4
//
// where |q| and |d| are the total weights. The query's coverage counts more
// than the wording's: a stored question that adds "and how often?" still
// answers the customer's "do you take backups?".
//
// # Synonym credit
//
// A concept token lets 冗長化 meet 二重化, but the bigrams that spell the
// two terms still differ and pull both coverages down, so a wording that
// shares a few incidental characters with the query (二重に監視) can still
// outrank the synonym. For rows not sure enough to fill, each candidate
// whose wording names a concept the query names is rescored with the
// unmatched tokens inside those terms counted as matched at SynonymCredit
// (0.45) of their weight, and the candidates are re-ordered. As first
// built, confidence did not rise (since 2026-12-01 it does where the
// wording names exactly the query's concepts; see below): when the answer
// on top stays the same it is the lexical confidence, and when credit puts
// another answer on top the row needs the lexical evidence for it too
// (the lower of the two), so it stays in review; the rival penalty across
// the checklist (below) compares lexical scores too. Top-1 rises on every
// set and nothing else moves: bench 91.7% →
// 92.9%, own 94.6% → 95.9%, paraphrases 93.5% → 97.8%, SLA 94.7% →
// 100% (credit 0.35–0.4: bench unchanged; 0.5–0.55: SLA unchanged).
// Sure rows are skipped since credit could only send them to review, and
// that keeps its cost to the rows in doubt: `make bench` fill time within
// 2% of credit 0.
//
// As part of the score, so that confidence rose with it, the same credit
// raised coverage at the default threshold (0.5: own 71.6% → 73.0%,
// paraphrases 43.5% → 54.3%, SLA 21.1% → 26.3%) but lost separability —
// bench coverage 65.5% → 64.3% and oracles down on every set (bench
// 76.2% → 73.8%, own 91.9% → 86.5%) — and from 0.65 precision (own 98.2%,
// paraphrases 96.3%; at full credit bench 96.7%, paraphrases 86.2%).
// Two other ways to discount the spelling of a term were also rejected:
// thesaurus-term tokens at 0.7 down to 0 of their weight everywhere
// (bench oracle up to 78.6%, but own coverage 71.6% → 44.6–62.2%), and
// only the terms of concepts both sides name scaled down on both sides
// (own and paraphrase coverage down).
//
// What did work is credit as evidence only where the two sides say the
// same thing in other words: when the best wording names exactly the
// concepts the query names, no more and no fewer (バックアップの保管期間
// against データの保全の保存期間), SynonymConfidence (1) of its credit
// counts towards confidence too, its rivals' likewise. A wording with a
// concept more or less is another ask — 目標復旧時点 (RPO) against
// 目標復旧時間 (RTO), 計画停止の頻度 against 計画停止予定通知, NONE rows of
// the label set below — and keeps its lexical score; so does a row whose
// answer credit changed. First measured at 0.5 (paraphrases coverage
// 51.8% → 54.1%, label pairs 22.9% → 25.7%, nothing else moved; at 1 a
// wrong row, P-07 ファイヤーウォールは設置されていますか against the
// firewall-review entry, rose to 0.515). With the vendor-style set
// (security_sheet.tsv) and the later thesaurus work, the same-day
// comparison at the default threshold, 0.5 → 1: paraphrases 54.0% →
// 56.3%, SLA 21.1% → 26.3%, label pairs 31.4% → 37.1%, vendor pairs
// 30.8% → 38.5%, bench and own templates unchanged, precision unchanged
// on all six sets; the highest NONE or wrong rows stay the ones that
// set the threshold without any credit (計画停止の頻度 0.544,
// アクセス制御、認証（センターシステム） 0.538, データセンターの床荷重 0.522),
// P-07 at 0.515 below them. Oracles at 1 against 0.5: bench 73.8% →
// 71.4% (NONE rows well under the threshold, such as 可搬媒体管理 against
// 外部記憶装置の利用, rise with it), label pairs 31.4% → 62.9%, vendor
// pairs 69.2% → 71.8%, the others equal. Against no credit at all the
// bench oracle was 76.2%.
//
// Until 2026-12-02 that held only where credit kept the answer on top; a
// row whose credit put another answer first needed the lexical evidence
// for it too, and so never filled. A set written blind that day
// (vendor_x_sheet.tsv: one vendor's questions against another's answer
// sheet, the bench's shape, 42 rows, 14 NONE; 89.3% top-1, 94.4%
// precision, 60.7% coverage as measured, the same as with the matcher at
// the start of the day) showed the cost: Webアプリケーションファイアウォール
// against WAFを導入していますか (the concept alone) lost to the firewall
// entry's shared characters, and got confidence 0. Now a wording that
// names exactly the query's concepts takes its credited confidence also
// over a lexical best that does not: six more right fills over five
// sets (that set 60.7% → 67.9%, ops, sla, vendor_p, vendor_r one each),
// no wrong one.
//
// The set's wrong fill, 利用者自身でバックアップを取得できますか (a feature
// for customers) against the entry on how often the vendor takes
// backups, shares the head 取得. An actor concept (selfservice:
// 利用者自身, お客様自身, customers themselves, by the customer, …;
// actorConcepts) now conflicts when one side names it and the other does
// not, with the bonus withheld and ConflictPenalty taken (0.68 → 0.21);
// no other row of any set moved.
// 停電 (a power cut) joined the power concept after the same set's
// 電源設備（UPS・非常用発電機） went to the air-conditioning entry instead
// of 停電時もサービスを継続できますか: top-1 right there and on
// frame_sheet's 停電対策, no fill changed. 最新の状態 as a patch term
// moved nothing and was left out.
//
// The head is looked for in every wording of the best entry, not only in
// the one that scored best: サービス稼働率の保証値 scored best against the
// alias サービス稼働率は？ and was capped for lacking 保証値, which the
// entry's other wording 可用性の保証値を教えてください names. Three right
// rows filled (sla 42.1% → 52.6%, templates 74.3% → 77.0%), nothing
// else moved; only the bundled corpus has aliases among the sets. 計算 /
// 算出 / 算定 joined the ask words at the same time (sla_g 56.0% →
// 60.0%: 稼働率の計算方法 against 稼働率の算出方法).
//
// A set written blind after that against the bundled corpus
// (gov_sheet.tsv: a public-sector style checklist, 50 rows, 12 NONE)
// measured 92.1% top-1, 100% precision, 55.3% coverage (the start of the
// day: 52.6%). Its held-back rows were heads spelt with another word of
// the same ask; 防止 / 防御 / 保護, 無効化 / 削除 / 抹消, 停止 / ロック, 切断 /
// ログアウト, 制限 / 限定 and 検証 / テスト / 試験 joined the ask words:
// 68.4%, every other set unchanged (so these rest on that set alone).
// システム管理者 joined the privileged concept (its admin-log row right in
// top-1, no fill changed).
// 取得 / 記録 / 収集 (of a log) joined them after: two right rows on
// sets written before (templates' 操作ログを取得していますか against 利用者
// の操作ログを記録していますか, one of the two rows the head penalty had
// first cost it), nothing lost.
// A label set written blind last (label2_sheet.tsv: 47 labels such as
// バックアップの遠隔地保管 against full questions, 12 NONE) measured 97.1%
// top-1, 100% precision, 80.0% coverage (the start of the day: 74.3%);
// 種類 / どのような / どんな and 更新 / 最新 / アップデート from its held-back
// rows took it to 85.7%, no other set moving.
// A second English set against the vsa corpus, written blind after
// everything above (vsa2_sheet.tsv, 42 rows, 12 NONE), measured 96.7%
// top-1, 100% precision, 66.7% coverage (the start of the day: 94.7%
// precision, 60.0%). From its misses: "staff leave" and the like as
// offboarding terms, SIEM as a monitoring term, "commission" as a light
// verb: that set 70.0% (top-1 100%), and en's "How soon is access
// removed for terminated employees?" filled (0.50 → 0.78).
// An English set against the bundled corpus, written blind after that
// (en3_sheet.tsv, 44 rows, 10 NONE, five of them asks the corpus answers
// only in Japanese), measured 91.2% top-1, 100% precision, 58.8%
// coverage (the start of the day: 95.0% precision, 55.9%). "stored"
// alone is a data-location term, so "Is stored customer data
// encrypted?" went to the data-location entry (held back by its head,
// encrypted): "stored data" and "stored customer data" are now at-rest
// terms excluded from the location ones, which filled it there and in
// en2 (0.36 → 0.91).
//
// Document frequencies count each entry's answer text too (AnswerStats):
// a token that answers use everywhere (実施, 対応, "provide") is generic
// however rare it is among the questions, and the answers give the
// statistics several times more text than the questions alone. Answers
// are not scored against the query.
//
// # Confidence
//
// Confidence starts from the best score (lexical, or with part of its
// synonym credit where the wording names exactly the query's concepts;
// see above) and is lowered twice:
//
//   - margin: when the runner-up entry has a different answer and trails by
//     less than MarginFloor (0.1), confidence drops by the missing margin;
//     entries with the same answer are not rivals;
//
//   - rivals in the same checklist (MatchAll): when another question of the
//     workbook fits this row's best entry better, the entry most likely
//     belongs to that question, and confidence drops by RivalPenalty (1)
//     times the difference.
//
//   - the ask's head (head.go): the noun that ends a Japanese question or
//     label once its closing is gone — 連絡先 in 個人情報保護管理者の連絡先,
//     頻度 in 計画停止の頻度, 暗号化 in 〜は暗号化されていますか. A light
//     predicate or frame noun (実施, 可能, 導入, 仕組み, 方法, 状況, …) is
//     stepped over to the noun before it; a query that is one compound
//     (電源設備) is checked on its last word, for the bonus only (see
//     the one-compound labels below). When the best wording shares a
//     token of the head, or a thesaurus concept whose term overlaps it,
//     confidence rises by HeadBonus (0.2) — unless each side names a
//     concept the other does not (委託先との秘密保持契約 against
//     従業員と秘密保持契約: the same ask of another party); when it shares
//     none, the
//     wording is about the topic but answers another ask: confidence drops
//     by HeadPenalty (0.15) and is capped at HeadCap (0.5), so the row goes
//     to review and the comment names the head it lacks.
//
//   - a concept conflict: when the best wording and the query each name
//     a thesaurus concept the other does not (How long are backups
//     retained? / How long are logs retained?), or one side names an
//     actor concept (利用者自身で) the other does not, confidence drops by
//     ConflictPenalty (0.15); see the twelfth set below.
//
//   - the answer's language (MatchAll, LanguageCheck): an answer written
//     in the other language than its question is capped at AmbiguityCap,
//     so it is suggested, never written unreviewed.
//
// A row is written without a review mark when confidence ≥ Threshold
// (0.55).
//
// # The ask's head: numbers
//
// The latest set (slat_sheet.tsv, 2026-12-02: a customer's SLA check
// table of labels against a vendor's SLA questions, 41 rows, 13 NONE)
// was written blind after the one-compound bonus and the English
// question-word passive below, and measured 92.9% top-1, 100% precision,
// 57.1% coverage (the matcher at the start of that day: 50.0%). Three
// groups of ask words came from its misses — 開示 with 公開 / 公表, 保証
// with 目標 (稼働率の保証値 is answered by the availability target), and
// 通知 / 告知 / 案内 / 知らせ — and took it to 64.3%; on the other sets
// they filled one more right row (cloud: 稼働率の保証値 0.34 → 0.69) and
// lifted another under the threshold (sla: 月間の可用性目標 0.10 →
// 0.45), nothing else moving. Rejected on it: 案内 and お知らせ as notify
// terms (no figure moved), 保管場所 and 保存場所 as location terms (one
// right row fewer, three right rows of backup and residency asks turned
// wrong in top-1).
//
// One-compound labels (compoundTail, 2026-12-02): a label with no
// particle before its last noun — 緊急連絡体制の整備, 操作マニュアルの提供,
// 非常用電源, 対応ブラウザ once light words are stepped over — had no
// head, so a wording naming its last word (連絡, マニュアル, 電源, ブラウザ:
// a trailing katakana word, or headTail's last kanji) got no bonus.
// CompoundBonus (0.2, as HeadBonus) now applies there, but only where the
// wording also names every thesaurus concept the label names, and never
// the penalty: 火災対策 against 火災感知・報知システム, 電源設備 against
// 非常用電源 are right answers whose label ends in a generic word. Words
// under four characters (暗号化) are the topic alone and keep no head.
// At the default, over the 29 own sets then kept: 558 → 568 right fills,
// wrong fills 4 → 4 (dc 35.0% → 45.0%, label 80.0% → 88.0%, SLA labels
// sla_g 48.0% → 56.0%, plain, privacy, security and sla_labels one row
// each); bench unchanged at 75.0% (its labels' last words are the
// generic ones above) with its oracle 75.0% → 77.4%; the highest NONE
// or wrong row it raised is at 0.38 (物理的アクセス). The penalty for an
// unnamed last word (0.1) changed no figure at the default or in any
// oracle, and is not kept (measured again once the attack sets below
// existed: 0.1 cost frame_sheet a right row, 0.15 three rows over three
// sets, and neither removed a wrong fill). A set written afterwards to attack the rule
// (compound_sheet.tsv: 27 labels such as 電源冗長化 against full
// questions, and 15 NONE labels that share their last word with an entry
// of another ask) measured 92.6% precision and 92.6% coverage with the
// bonus alone (81.5% coverage without it): 通信回線冗長化 took the server
// redundancy entry and 個人情報管理責任者 the security officer's. Asking
// the wording to name the label's concepts too (network, privacy) took
// it to 100% and 92.6%, every other set unchanged.
//
// A compound that ends in 対策 (topicFrames) is checked on the topic
// before it: 火災対策 asks what is done about fire, and an entry on fire
// detection answers it. Bench coverage 75.0% → 77.4% (the two 火災対策
// rows, 0.43 → 0.63), precision 98.4% → 98.5%; sla_labels one row more
// (マルウェア対策 against ウイルススキャン); no wrong fill anywhere. A set
// written to attack it (frame_sheet.tsv: 20 labels ending in 対策 or
// 設備 against the security corpus, 11 of them NONE: 監視設備, 情報漏洩対策,
// セキュリティ対策) measured 100% precision and 44.4% coverage (33.3%
// without). 設備 as a frame too took the bench to 79.8% (電源設備 filled)
// but that set to 83.3% precision: 監視設備 (surveillance equipment) took
// the system-monitoring entry at 0.57. 管理 as a frame too: bench 97.1%
// (可搬媒体管理 filled with the external-storage entry), and the compound
// set's ソースコード管理 filled with code review. Neither is kept.
//
// A one-compound label whose last word asks for a measure (measureTail:
// 件数, 期間, 頻度, a word ending in 数, 率 or 額) is held to it as a head
// is: penalty and cap where the wording does not name it. Found by a set
// written blind (label3_sheet.tsv: 60 labels against the bundled corpus,
// 11 NONE; 98.0% top-1, 95.5% precision, 85.7% coverage as measured),
// where インシデント発生件数 took the CSIRT entry at 0.63; no row of any
// other set moved. Its other wrong fill, ソースコードの第三者レビュー
// against the code-review entry (labelled NONE as doubtful: the corpus
// reviews its own code), stays: a Japanese third-party concept
// (第三者による, 第三者評価) sent it to review but turned a template row
// wrong (第三者による脆弱性診断 then took the penetration-test entry,
// whose wording names the third party) and cost privacy_sheet a fill.
//
// Equipment ask words (askSynonyms, 2026-12-02): a label ending in 設備
// or 装置 asks whether the thing is there, so a wording asking whether
// it is provided, installed or fitted (用意, 設置, 備え, 装備) names its
// last word and gets the compound bonus; one asking about an activity
// (監視していますか) still does not, which keeps 監視設備 out. Bench
// 78.6% → 81.0% (電源設備 against the UPS entry, 0.42 → 0.62, in both
// directions), paraphrases and vendor_s one right row each, no wrong
// fill, frame_sheet and compound_sheet unchanged. A set written
// afterwards to probe it (equip_sheet.tsv: 32 equipment labels and
// questions against the bundled corpus, 9 NONE such as 監視設備,
// 電源設備の容量, 監視装置の設置場所) measured 100% precision and 41.7%
// coverage, two rows above the coverage without the group, after one
// label was changed to agree with frame_sheet (バックアップ装置, first
// labelled NONE, is answered by the backup entry as バックアップ設備 is
// there). Penalising an equipment label whose wording names none of
// the words, as a head is penalised, cost frame_sheet a right row and
// removed no wrong fill: rejected.
//
// Another measure of the head's thing (otherTail, 2026-12-02): a wording
// that has the head's first part followed by another last word
// (バックアップの保管「期間」 for the head 保管「場所」) asks another
// measure, and is capped as an unmatched head; where the first part is
// followed by kana (監視カメラは設置されて for 設置台数) the penalty alone
// stays. Found by an own SLA set written blind (slau_sheet.tsv: 45 rows,
// 10 NONE; 94.1% precision and 45.7% coverage as measured), whose one
// wrong fill it was (0.63 → 0.50); no row of any other set moved. The
// same set showed thesaurus gaps: 稼働実績 (availability), レスポンス性能
// (response), 予告 (notify as well as notice), どのくらい前 / 何日前
// (notice): slau top-1 85.7% → 94.3% and one fill more, slat_sheet one
// fill more (稼働実績の開示), nothing else moved. Then the notice period
// (予告期間, 告知時期, 事前告知期限) as notice terms whole, so that a
// wording naming the concept names the head's last word too, and a bare
// レスポンス (not インシデントレスポンス) as response time: seven right
// fills more over six SLA sets (sla, sla_g, sla_labels, slat, slau,
// templates), and one wrong (解約予告期間 took the service-termination
// notice). The vendor ending its service (サービス終了, 提供終了) is
// therefore a concept of its own (discontinue), apart from the customer
// ending a contract (解約, 契約終了): that wrong fill back to review,
// nothing else moved. A storage concept (ディスク容量 = ストレージ容量)
// moved one row each way (slat up, sla_labels down) and is not kept.
// English thesaurus terms match whole words, unstemmed, so a term
// without its other forms misses them: "penetration tests" was not the
// vuln concept, "exported" not export, "screen employees" not background.
// Listing the forms the own English sets use (plurals of the vuln terms,
// screening and vetting, exported, restored, notifications, outsourced,
// …) took 16 right fills more over 7 sets (en_sheet 63.3% → 80.0%,
// sig 56.7% → 66.7%, caiq 69.2% → 76.9%, en3, hecvat, vsa2, paraphrases),
// none wrong; "place" as a stop word ("Is a WAF in place?" says only that
// it exists) two of them. Generating a plural for every English term
// instead moved rows both ways (+4, −3; "data centers", "logins") and is
// not done.
//
// A set written blind afterwards (en4_sheet.tsv: a customer's English
// questionnaire against a new trust-center FAQ, 45 rows, 9 NONE)
// measured 77.8% top-1, 100% precision and 36.1% coverage, and most of
// its misses were forms again (regions, logged, sub-processors). So
// English terms now match with their regular inflections (inflected: -s,
// -es, -ed, -d, -ing, a doubled consonant before -ed and -ing), the
// help-desk concept excludes "supported" (the first run filled "Is SSO
// supported?" with the support-hours entry) and the log concept "logged
// in": en4 86.1% top-1 and 50.0% coverage at 100%; over the other sets
// +2 fills (en3 "Is code reviewed", sig NDAs) and −1 (paraphrases
// "logins" in an example list, now the sign-in concept; a two-factor row
// at 0.5499), no wrong fill.
//
// Rejected: asking the
// wording to name the topic before the head too (障害「時の」通知手段
// against 料金の改定時の通知, a top-1 miss at 0.505): as a withheld bonus
// it cost 20 right fills over 14 sets, as a 0.1 penalty 23, and removed
// no wrong fill.
//
// Runner-ups that lack a shared concept (markLacks, LacksFactor 0.8): a
// rival that misses a thesaurus concept the query and the best wording
// both name (データ削除の方法 against 解約後のデータ消去の時期, where the
// best says 契約終了後) answers a broader question, and counts 0.8 of
// its score in the margin and the ambiguity test. Two right fills more
// (dev_sheet, vendor_r_sheet), none wrong, bench unchanged; of the 48
// rows whose confidence moved, the NONE rows rose least (at most 0.24,
// 災害対策（システム面） from 0, still far under the threshold). 0.6 to 0.9
// measure the same. Only rows under the threshold are marked, and only
// rivals within the margin of the best are read: marking every row
// tripled the time of a sure match (31 → 97 µs in BenchmarkMatch), for
// confidences above the threshold that it can only raise; as kept, the
// benchmarks are back at 29 µs and the eval rows are the same as with
// every row marked. Where synonym credit puts another answer first, the
// lexical confidence that bounds the row ignores the mark: it is concept
// evidence, which only SynonymConfidence may turn into confidence.
//
// Found with an own set written blind (privacy_sheet.tsv: a customer's
// privacy, contract and support sheet, 54 rows, 15 NONE, against
// another vendor's 35 entries): at the default it filled
// 個人情報保護管理者の連絡先 with the officer-appointment entry at 0.62
// (precision 87.5%, coverage 17.9%, oracle 7.7%): the eight bigrams of
// the topic compound outweigh the two of the ask. The same shape set the
// old threshold: 計画停止の頻度 against 計画停止予定通知 and
// アクセス制御、認証（センターシステム） against ログのアクセス制御, both 0.544.
//
// Penalty alone (0.05 to 0.2) separated better on almost every set —
// oracle coverage at 0.2: bench 71.4% → 81.0%, paraphrases 65.6% →
// 78.9%, SLA 84.2% → 94.7%, vendor pairs 74.4% → 82.1%, privacy 7.7% →
// 59.0% — but cost coverage at the default, since rows whose head is
// spelt differently (時期 / 期間, 防止 / 防御) lose too. The bonus returns
// it where the head is shared. Light predicates and frame nouns took
// vendor-pair coverage at bonus 0.15 from 46.2% to 53.8% (社員への研修を
// 「実施」, 問合せは「可能」 were heads that any wording lacks). Bonus and
// penalty were measured in a grid (bonus 0.03–0.3, penalty 0.1–0.2):
//
//	                     before  b0.1/p0.2  b0.15/p0.15  b0.2/p0.15  b0.25
//	bench precision       98.2%    98.3%      98.3%        98.4%      96.8%
//	bench coverage        65.5%    67.9%      69.0%        72.6%      72.6%
//	templates precision    100%     100%       100%         100%      98.2%
//	templates coverage    71.6%    71.6%      71.6%        73.0%      73.0%
//	paraphrases coverage  57.8%    55.6%      55.6%        58.9%      58.9%
//	SLA coverage          26.3%    26.3%      31.6%        42.1%      42.1%
//	label pairs coverage  37.1%    31.4%      37.1%        48.6%      51.4%
//	vendor pairs coverage 38.5%    41.0%      51.3%        51.3%      51.3%
//	privacy precision     87.5%     100%       100%         100%       100%
//	privacy coverage      17.9%    20.5%      28.2%        28.2%      30.8%
//
// (the last three columns with HeadCap 0.5; without the cap the privacy
// set's 連絡先 row stays at 0.52 and a second blind set, below, keeps a
// wrong fill). 0.2 fills more, but its highest NONE rows reach 0.535
// (外部からの不正アクセス対策（ユーザ利用領域）) and 0.517 (生体認証でログイン
// against the login-history entry), and at 0.25 precision breaks on the
// bench and the templates; at 0.15 the highest NONE or wrong row that
// neither cap holds at 0.5 is at 0.485, a wider margin under the threshold than
// the 0.544 rows had before. Costs: own paraphrases coverage 57.8% →
// 55.6% and two own template rows (防止 / 防御, 取得 / 記録 of a log) now
// in review; the templates oracle 93.2% → 87.8% (生体認証でログイン rose to
// 0.47). Top-1 does not move: the check changes confidence, not ranking.
//
// A second set was written blind before the bonus, the penalty and the cap
// were fixed (ops_sheet.tsv: operations, contract and support items
// against a vendor's label-style sheet, 48 rows, 13 NONE) and measured
// once they were: without the check precision 76.9% (three wrong fills:
// ペネトレーションテストの結果の開示 against the bare label
// ペネトレーションテスト at 0.77, ヘルプデスクの対応言語 against its hours,
// 障害報告書のサンプル against report submission), with the check and no cap
// 90.9% (the first still at 0.62), with the cap 100%; coverage 28.6%,
// oracle 2.9% → 40.0%. Its top-1 misses showed thesaurus gaps, added
// after: Webアプリケーションファイアウォール for waf, "encryption keys"
// and key rotation for keymgmt, a liability concept (損害賠償, limitation
// of liability; not inside 賠償責任保険) and a BYOD concept (私物端末,
// 個人所有の端末): its top-1 82.9% → 91.4%, coverage 31.4%, no other set
// moved.
//
// A third set, written blind after those two were in (cloud_sheet.tsv: a
// customer's cloud-service sheet against a vendor's 30 full questions, 42
// rows, 12 NONE), measured: top-1 100%; without the head check precision
// 92.3% and coverage 40.0%; with it 94.1% and 53.3%. The wrong fill was
// 委託先との秘密保持契約の締結 against the employees' NDA entry, lifted by
// the shared head 締結 to 0.66. Withholding the bonus where each side
// names a concept the other lacks (subcontract / employee) took it to
// 100% and 53.3%, with every other set unchanged at the default (the
// paraphrases' oracle 77.8% → 76.7%).
//
// A lower threshold was measured with all of this in place: at 0.52
// every own set keeps 100% precision (bench 98.4%) and coverage rises on
// each (bench 71.4%, templates 74.3%, paraphrases 60.0%, SLA 42.1%, label
// pairs 45.7%, vendor pairs 53.8%, cloud 60.0%), but the highest NONE row
// with no cap on it, that 委託先 row, sits at 0.51; at 0.50 the caps (0.5)
// reach the threshold and precision falls on three sets. The default stays
// at 0.55 (with the English head below, the English set's wrong top-1,
// "In which country is our data stored?" against the off-site backup
// entry, is at 0.54: 0.52 would fill it).
//
// The first sentence of a question is found by sentenceBreak, not a
// space: before, 接続元 IP アドレスの制限 had 接続元 as its first
// "sentence" and no head. That alone: vendor pairs 53.8% → 56.4%, but
// templates 71.6% → 68.9%, two SLA items that ask two things
// (定期メンテナンスの頻度と事前通知の時期) now had a head, 時期, their
// wordings lack. A coordinated ask counts either head (頻度 or 時期;
// 検知・防止): templates back to 71.6%, vendor pairs 56.4% with oracle
// 82.1% → 87.2%, nothing else moved.
//
// English: a fourth set written blind (en_sheet.tsv: an English vendor
// questionnaire against an English answer sheet, 42 rows, 12 NONE)
// measured 83.3% top-1, 76.9% precision, 33.3% coverage. Thesaurus gaps
// it showed (separate location / second region for off-site, extract for
// export, administrators / administrative access for privileged; a bare
// "admin" was tried and sent "IP allowlist for the admin console" to a
// logging entry) took top-1 to 90.0%, precision 83.3%. The two wrong
// fills left were the English shape of the head problem: "Is the
// information security policy published to customers?" against the
// policy entry, "Are encryption keys stored in an HSM?" against key
// management. englishHead takes the participle of a passive question
// (Is/Are … published / stored / encrypted …?) as its head — a
// participle followed by a noun belongs to the subject (stored data),
// light ones (performed, maintained, established) and CAIQ's lists of
// three or more participles give no head. English set 100% precision,
// 40.0% coverage; paraphrases 55.6% → 56.7% (the CAIQ list rows gain no
// penalty, SAML-based … supported gains the bonus); the other sets
// unchanged. With the cap for English too, templates lost a row ("Are
// backups kept at a separate geographic location?" against "… stored
// in …": kept and stored say the same) and nothing was gained, so an
// English head that is missing cost the penalty only — until the ask
// groups (englishAsks) made kept and stored one head. A set written
// blind on 2026-12-02 (vsa_sheet.tsv: a vendor security assessment
// against a new English answer library, 41 rows, 12 NONE) measured 72.4%
// top-1, 85.7% precision, 41.4% coverage (the matcher at the start of
// that day the same): "Do you test your incident response plan with
// customers?" took the entry on having one at 0.68, the penalty alone
// leaving it over the threshold. With HeadCap for English heads too it
// is at 0.48, and so is the hecvat set's doubtful "Is your business
// continuity plan tested annually?" (0.69 → 0.49); no right row was
// lost on any set. The set's other wrong fill, "professional liability
// insurance" against "cyber insurance", is a thesaurus gap: kinds of
// insurance are concepts of their own now (cyberinsurance,
// profliability), so the two conflict (0.65 → 0.33).
//
// That made an English question meet a Japanese entry better ("Do you
// carry cyber liability insurance?" against サイバー保険に加入していますか,
// templates 0.45 → 0.60, a row labelled NONE since the English sheet
// wants an English answer), so MatchAll now sends to review any row whose
// answer is written in the other language than its question
// (LanguageCheck; text with neither kana, kanji nor an English word —
// ISO/IEC 27001, 99.9% — fits both, and an answer counts as English
// only with two English words, so a bare "Yes" in a Japanese corpus
// does too): templates back to 100% precision,
// no other row of any set moved. Measured first with the checklist's
// majority language instead of each question's: eight right rows lost
// where a sheet mixes English and Japanese questions, and an answer
// that is only a certificate name counted as English.
//
// The same set's top-1 misses were English thesaurus gaps: screened
// (background checks), accountable (the officer), recertified (access
// review), "contract ends" / "end of the contract" (termination),
// machine-readable (export), "other customers" / "between tenants" /
// "logically isolated" (tenant isolation). Added: vsa top-1 72.4% →
// 86.2%, coverage 41.4% → 48.3%, and on sets written before it en2
// 67.7% → 74.2% (top-1 93.5% → 96.8%), en 53.3% → 56.7%, sig 50.0% →
// 53.3%; no row lost, precision unchanged everywhere ("between tenants"
// alone cost caiq's "Is tenant data logically isolated?" a fill until
// "tenant data" joined it). "Logically separated" as a term was
// rejected: the realworld fills golden showed CAIQ v1.1's "Are system
// and network environments logically separated …?" filled with the
// tenant-isolation entry.
//
// Its remaining misses, the same way: reside / residency (location),
// informed (notify), secure development / SDLC (devsecure), an assessor
// concept ("independent third party", "by a third party", "independent
// firm") excluded from the supplier concept, which had sent "penetration
// tested by an independent third party" to the subprocessor entry, and
// guarantee / commit(ment) as one English ask. vsa 48.3% → 62.1% (top-1
// 86.2% → 89.7%), sig 53.3% → 56.7% (top-1 90.0% → 93.3%), paraphrases
// 57.8% → 58.9% (top-1 93.3% → 94.4%), templates' independent-firm
// pentest row 0.25 → 0.55 (just under), nothing lost. The exclusions alone, without the
// assessor concept, cost en2's "Does an independent third party perform
// penetration testing?" its fill (0.65 → 0.38: the corpus says "by a
// third party"), and the CAIQ v3.0.1 fills golden showed "external
// third party services conduct … penetration tests" losing the pentest
// entry until "external third party" joined the assessor too. Rejected: an English frequency concept (how often,
// frequency) — "How often are firewall rules reviewed?" then took the
// access-review entry (0.61) and en's access-review question lost its
// entry to the rival penalty.
//
// An English sheet names the customer's data as its own ("our data",
// HECVAT's "institutional data") where the vendor's answers say
// "customer data": customerOwned rewrites the phrase on both sides (on
// the question's alone, a learned HECVAT no longer met its own
// "institutional data" questions, and TestRealworldLearnReproduces lost
// two answers), but not "our data centers", which are the vendor's. Five
// more right fills (en, en2 two, hecvat two), nothing lost. The same as a thesaurus
// concept was rejected: every wording that says "customer data" then
// names one concept more than its question, which cost the rows whose
// synonym credit counted only for an exact concept match ("Is stored
// data encrypted?" against "… customer data encrypted at rest?" 0.84 →
// 0.48 on three sets).
//
// The passive after a question word ("How often are access rights
// reviewed?", "In which country is our data stored?") had no head until
// 2026-12-02; it is read like "Are … reviewed?" now, with retained in the
// kept / stored group and taken, handled, deployed and installed light
// (they say only that something is done or there). Own sets at the
// default: 652 → 653 right fills (en2 64.5% → 67.7%), wrong fills
// unchanged; oracles en 66.7% → 73.3%, en2 71.0% → 74.2%, sig 50.0% →
// 53.3%; the NONE row "How long are backups retained?" against the log
// retention entry 0.24 → 0.09; the Japanese sets and the bench
// unchanged. Four right rows rose to 0.48–0.54, under the threshold.
//
// A fifth set was written blind once all of the above was fixed and
// changed nothing (sla_g_sheet.tsv: an SLA table of labels asked with
// another vendor's labels, 37 rows, 12 NONE): top-1 92.0%, precision
// 100%, coverage 52.0% (at 0.50: 83.3% precision); without the head check
// 68.8% and 44.0%. Tried on it and rejected: not counting a rival question
// in MatchAll whose head the entry's wording lacks (問い合わせ窓口の
// 対応言語 took the channel entry from サポート窓口の連絡手段): SLA
// coverage 31.6% → 36.8%, ops 31.4% → 37.1%, this set 52.0% → 56.0%, but
// its precision 93.3%: the rival 障害報告書の提出 (提出 against 提供) had
// been what kept 稼働状況の定期報告 off the report entry, and the privacy
// set's oracle fell 66.7% → 38.5%.
//
// Ask words: heads held back although the wording asks the same thing in
// other words were listed from the capped right rows of all own sets
// (時期 / いつ, 頻度 / 間隔, 限度額 / 上限, 公表 / 公開, 初報 / 第一報).
// They count for the head check only (askSynonyms), not as thesaurus
// concepts, which would also change scores (a frequency concept was
// rejected above). Handing-over verbs (提供, 提出) became light
// predicates with them: with 提出 and 提供 as synonyms instead,
// 障害報告書のサンプルを提供できますか was filled with report submission.
// At the default: SLA 31.6% → 36.8%, label pairs 37.1% → 40.0%, vendor
// pairs 56.4% → 59.0%, ops 31.4% → 34.3%, cloud 56.7% → 60.0%, SLA
// labels (sla_g) 52.0% → 56.0%, every other set unchanged, precision
// unchanged on all eleven. 設定 as a light predicate was tried too: one
// row gained, one lost (パスワードの…ルールを設定できますか, whose wording
// says 設定 as well), not kept then (see the eighth set below).
//
// A sixth set, written blind after the ask words (saas_sheet.tsv: a
// customer's SaaS sheet of labels and questions against a vendor's 25
// entries, 39 rows, 14 NONE): top-1 100%, precision 92.9%, coverage
// 52.0% (without the head check 85.7% and 48.0%). Its wrong fill is
// インシデントの報告期限 (a deadline) against インシデント発生時に利用者へ
// 報告しますか at 0.81, labelled NONE as doubtful: the head 報告期限 is one
// compound and shares 報告. Checking only a long head's last two
// characters (期限), with the cap, fixed it but cost coverage on eight
// sets (templates 71.6% → 64.9%, cloud 60.0% → 40.0%) and was rejected
// at first.
//
// A seventh set, written blind next (dc_sheet.tsv: data-center and
// operations labels against a vendor's full questions, 32 rows, 12 NONE),
// measured top-1 95.0%, precision 88.9%, coverage 40.0% (the matcher at
// the start of the session: 83.3% and 25.0%). Its wrong fill was the
// same kind: 監視カメラの設置台数 against 監視カメラは設置されていますか
// (0.72), the head 設置台数 sharing 設置. Two blind sets with one failure
// made the compound's last word worth checking after all, done better
// (headTail): a Japanese compound ends in what it is, so a head of four
// or more characters is also checked by its last word — its last two
// characters, three after a suffix such as 数 or 率 (世代数), a frame noun
// at the end dropped first (連絡方法 → 連絡, ロック機能 → ロック). A wording
// that names the head but not its last word gets HeadPenalty instead of
// the bonus, without the cap. Precision 100% on every own set (saas
// 92.9%, dc 88.9% before); coverage: templates 71.6% → 66.2%, paraphrases
// 56.7% → 54.4%, cloud 60.0% → 53.3%, sla_g 56.0% → 48.0%, dc 40.0% →
// 35.0%, the others unchanged. The rows lost ask a detail the stored
// question does not name (バックアップの取得頻度, OSパッチの適用頻度,
// 解約後のデータの削除時期 against 削除までの期間, 事前告知期間 against どのくらい
// 前に): in review now, with the suggestion. With the crude two-character
// tail and no frame-noun step the same change cost vendor pairs 7.7
// points and cloud 16.7; with the cap as well, see above.
//
// An eighth set, written blind after that (app_sheet.tsv: application and
// account features, 30 rows, 12 NONE), measured top-1 94.4%, precision
// 85.7%, coverage 33.3% (the session-start matcher: 100% and 38.9%): the
// wrong fill was パスワードの有効期限の設定 against パスワードの複雑さのルールを
// 管理者が設定できますか, lifted by the shared head 設定, and API認証方式
// lost its fill to the tail 方式. 設定 (a light verb like 実施) and 方式
// (a frame noun like 方法) joined lightPredicates: this set 100% and
// 38.9%, ops 34.3% → 37.1%, cloud 53.3% → 56.7%, templates 66.2% →
// 64.9% (パスワードの最低文字数などのルールを設定できますか now has the head
// ルール its wording lacks), the others unchanged. 設定 alone had been
// net zero before; the wrong fill decided it.
//
// A ninth set, written blind after that and used for nothing but
// measuring (org_sheet.tsv: organisation and HR questions against a
// vendor's labels, 30 rows, 10 NONE): top-1 95.0%, precision 100%,
// coverage 45.0% at the default; 80.0% precision at 0.50. The matcher at
// the start of the session: 71.4% and 50.0%.
//
// One-kanji verbs (2026-12-02): 時刻同期は正しく行われていますか had no
// head — after the closing, 行 of 行われ is a run of one character —
// and so neither bonus nor penalty; 39 of the own and bench questions
// end so (〜を行っていますか). lightStems lists the stems that only say
// something is done, taken, set up or received (行, 施, 講, 取, 設, 備,
// 整, 受, 図, 結, 決) and the adverbs before them (正しく, 定期的に,
// 適切に): they step back to the noun before. Stems that are the ask
// (分けられて, 認められて, 知らされ, 残して) are not listed, and the
// query keeps no head. Precision unchanged on all fifteen sets; coverage:
// bench 69.0% → 71.4% (the time-synchronisation pair), org 45.0% →
// 55.0%, privacy 28.2% → 33.3%, security 59.0% → 64.1%, cloud 56.7% →
// 60.0%, paraphrases 54.4% → 55.6%, templates 64.9% → 66.2% (one row
// lost: 秘密保持の誓約を取って now has the head 誓約, which the NDA
// entry names as 契約; 誓約 / 契約 joined the ask words: 67.6%).
//
// HeadBonus 0.2 revisited on the same day: the grid above had chosen
// 0.15 for a wider margin under the threshold, but by then the English
// set's unanswerable "In which country is our data stored?" (no head,
// unchanged by the bonus) already sat at 0.545. At 0.2 the highest NONE
// row the bonus lifts is 外部からの不正アクセス対策（ユーザ利用領域） at
// 0.535, then 生体認証でログイン at 0.516; 17 right rows on ten sets
// crossed the threshold and none wrong: bench 71.4% → 75.0%, cloud 60.0%
// → 66.7%, SLA 36.8% → 42.1%, label pairs 40.0% → 48.6%, ops 37.1% →
// 42.9%, paraphrases 55.6% → 57.8%, privacy 33.3% → 35.9%, templates
// 67.6% → 68.9%, dev (below) 48.3% → 55.2%.
//
// A tenth set, written blind before those two changes were measured
// (dev_sheet.tsv: development, change-management and vendor items
// against a vendor's full questions, 42 rows, 13 NONE), measured top-1
// 96.6%, precision 92.9%, coverage 44.8%. Its wrong fill was
// コードレビューの実施率 (a rate) against リリース前にコードレビューを実施して
// いますか at 0.78: the head 実施率 is three characters, too short for the
// last-word check, and shares 実施. A light word with a suffix (実施率,
// 利用数) is now checked by its last two characters (施率); 使用 became
// light like 利用 (テストに本番データを使用することはありますか had the head
// 使用 against a wording that says 利用). This set 100% and 55.2%, no
// other set moved by either.
//
// An eleventh set, written blind after all of that (slacheck_sheet.tsv:
// a customer's SLA questions against a vendor's SLA table of labels, 42
// rows, 12 NONE), measured top-1 96.7%, precision 100%, coverage 53.3%
// (the matcher at the start of the day: 100% and 50.0%; two days before,
// without the head check: 84.6% and 36.7%). 復旧までの目標時間, a third
// spelling of RTO it used, joined the rto terms: 56.7%, no other set
// moved.
//
// A twelfth, in English and written blind after that (en2_sheet.tsv: a
// customer questionnaire against a 30-entry English answer library, 42
// rows, 11 NONE), measured top-1 83.9%, precision 88.9%, coverage 51.6%
// (the matcher two days before: 80.6%, 88.2%, 48.4%). Its two wrong
// fills: "In which region is our data stored?" against "Are backups
// stored in a separate location?" (0.60) — "location" inside the
// off-site term "separate location" made it a location question too;
// off-site phrases are exclusions of the location concept now, and
// "where" a location term (the en_sheet's "In which country is our data
// stored?", a wrong top-1 at 0.545 before, now reaches the right entry
// at 0.34). And "How long are backups retained?" against "How long are
// logs retained?" (0.59): the same ask of another object, which a
// Japanese question's head check catches (the heads match, the concepts
// conflict, no bonus) and an English one did not.
//
// Concept conflict: where the best wording names a thesaurus concept the
// query lacks and the query one the wording lacks, confidence drops by
// ConflictPenalty (0.15). 50 rows across the sets have such a conflict,
// 21 of them wrong or NONE; above the threshold only that backups row and
// "Do you support MFA for administrator accounts?" (right, 0.615), whose
// conflict was spurious: "multi-factor authentication" names the auth
// concept and "MFA" did not. mfa and 2fa joined the auth terms, as
// 多要素認証 is one through 認証 (templates EN-11 0.45 → 0.55, filled).
// At 0.05 to 0.2, English questions only or all, the same rows at the
// default: en2 100% precision, nothing lost on any set. Oracles at 0.15
// against 0: cloud 73.3% → 80.0%, label pairs 68.6% → 80.0%, templates
// 83.8% → 89.2%, SLA 94.7% → 89.5%, paraphrases 76.7% → 75.6%, en2
// 67.7% → 64.5%, the rest equal. Applied to all questions.
//
// A thirteenth, written blind after that (vendor_p_sheet.tsv: one
// vendor's published sheet asked of another's 35 entries, the bench's
// shape, 46 rows, 12 NONE): top-1 97.1%, precision 95.5%, coverage 61.8%
// (the matcher at the start of the day: 97.1%, 94.7%, 52.9%). Its wrong
// fill is a doubtful NONE row, 通信の暗号化に使用する暗号方式を教えてください
// against 通信はTLSにより暗号化されていますか (0.61; the answer, TLS 1.2 or
// higher, may satisfy a reviewer): the head 暗号方式 is checked by 暗号
// once the frame noun 方式 is dropped. Left as measured: a rule for it
// would be keyed to one row. 何 joined lightStems (消火設備は何ですか had
// no head): 64.7%, no other set moved.
//
// English "Do you …" questions (2026-12-02): the realworld CAIQ v3.0.1
// template, filled from the bundled corpus, had "Do you share your
// business continuity and redundancy plans with your tenants?" filled
// with the BCP entry (0.62) and "Do you document employee acknowledgment
// of training …?" with the training entry (0.56): the ask is the verb,
// which the stored question does not say. englishVerb takes the verb after
// the subject (you, your organization, the vendor …; adverbs and "and"
// skipped) as the head, light verbs (have, maintain, perform, use,
// provide, support …) giving none. As for passives, a missing verb costs
// HeadPenalty without the cap; a matched one earns HeadBonus. No labelled
// set crossed the threshold either way (five rows moved: two wrong rows
// down, two right rows up, one right row under the threshold further
// down); in the realworld sheets those two fills went to review and one
// right one ("Do you monitor for intrusions on a 24x7x365 basis?" against
// the 24/7 monitoring entry) was filled.
//
// A fourteenth set, written blind after the English verbs
// (long_sheet.tsv: long customer questions with asides, 〜について記載して
// ください closings and examples in brackets, against a vendor's 28
// entries, 42 rows, 14 NONE): top-1 100%, precision 95.5%, coverage
// 75.0% (the matcher at the start of the day: 100%, 94.7%, 64.3%). Its
// wrong fill, 緊急メンテナンスの実施時には通知されますか against
// 計画メンテナンスの事前通知はありますか (0.77), was a thesaurus gap: both
// were only "maintenance". planned (計画停止, 定期メンテナンス, scheduled
// maintenance) and emergency (緊急メンテナンス, 臨時停止, unplanned
// downtime) are concepts now, so the two conflict: the head 通知 earns no
// bonus and the conflict costs ConflictPenalty (0.36). This set 100% and
// 78.6%; no other set moved at the default (oracle of the SLA question
// set 73.3% → 70.0%).
//
// The same kind of split, made before any set needed it: internal,
// external and customer audits (内部監査, 外部監査 / 第三者監査, 監査の受け
// 入れ / right to audit) are concepts of their own beside audit, since
// one sheet asks all three and each has its own answer. ops 42.9% →
// 45.7% (内部監査を定期的に行っていますか), nothing else moved.
//
// A fifteenth set, written blind after that and used for nothing but
// measuring (label_sheet.tsv: data-center and operations labels against
// a vendor's 25 full questions, 40 rows, 15 NONE, each a near miss of a
// topic the corpus covers: 監視カメラ映像の保存期間, バックアップの暗号化,
// 災害復旧訓練の実施): top-1 96.0%, precision 100%, coverage 80.0%, the
// highest NONE row at 0.23 (the matcher at the start of the day: 100%
// and 76.0%; two days before: 100% and 68.0%).
//
// A sixteenth, in English (caiq_sheet.tsv: CAIQ v4-style questions
// against a 25-entry English answer library, 40 rows, 14 NONE): top-1
// 92.3%, precision 100%, coverage 50.0% (two days before: 85.7%
// precision). Its misses were thesaurus gaps: "network communications",
// "network traffic" joined transport, "while stored", "stored data" and
// 保存時 at rest, "suppliers" and plural forms the subcontract concept.
// This set 100% top-1 and 57.7%, en_sheet 40.0% → 43.3% ("Is stored data
// encrypted?"), en2 51.6% → 54.8% ("Do subprocessors have access to our
// data?", a wrong top-1 before), nothing else moved.
//
// Polarity, found by probing rather than by a set: "Is remote access to
// production allowed?" was filled (0.60) with the entry "… prohibited?",
// whose yes would be the wrong answer; the Japanese forms (禁止 / 認め)
// were held by the head check. prohibit (禁止, prohibited, not allowed)
// and permit (許可, 認め, allowed) are concepts now, so the two conflict:
// every opposite pair of polarity.tsv at 0.35 or less, the same-polarity
// pairs up ("Do you permit staff to use their own devices …" against
// "Do you allow employees …" 0.21 → 0.73); no other set moved.
//
// From the right rows the head check held back on all sets, at the end
// of the day: 任命 and 選任 became light (責任者は任命されていますか against
// 責任者を定めていますか) and 確認 / 閲覧 / 参照 an ask-word group (操作履歴の
// 確認 against 操作ログを閲覧できますか): five rows filled on four sets
// (app, long ×2, saas, security), none lost. Measured and not kept: 管理
// as light (+3, −2: 入館記録の管理を行って lost its head 管理 to 入館記録)
// and 方針 as a frame noun (+1, −1: バージョンアップの実施方針).
//
// A seventeenth set, written blind after that (faq_sheet.tsv: a
// customer's numbered labels with full-width letters, "(4) 接続元ＩＰ
// アドレスによる利用制限の可否", against a vendor's FAQ written "Q4．ＩＰ
// アドレス制限はできますか？" with half-width kana, 35 rows, 11 NONE):
// top-1 87.5%, precision 100%, coverage 41.7% (two days before, without
// the head check: 50.0%). Label frames written onto the word without の
// (バックアップの取得有無, 削除データの復元可否) were not stripped, so 有無
// and 可否 were heads that no wording names and capped the rows:
// textnorm strips them now, with the verb before them where it only says
// that something is done (の取得有無, の実施有無, の利用可否 …). This set
// 50.0%, cloud 66.7% → 70.0% (利用者による監査の受け入れ可否), nothing else
// moved.
// Its one wrong top-1, サービス提供時間 against サポートの受付時間, showed the
// hours concept joining two asks: servicehours (サービス時間, 提供時間,
// 利用可能時間) and supporthours (受付時間, 対応時間, サポート時間) are
// concepts beside it now, so the two conflict: this set 54.2%, SLA labels
// 48.6% → 54.3% (サポート受付時間, 問合せ方法), nothing else moved.
//
// An eighteenth set, written blind after that and used only to measure
// (plain_sheet.tsv: the plain-form questions of government checklists,
// 〜しているか, against long_sheet's corpus, 40 rows, 12 NONE): top-1 100%,
// precision 100%, coverage 85.7% (the matcher at the start of the day:
// 95.8% and 82.1%; its wrong fill was 緊急メンテナンスを事前に通知しているか).
//
// A nineteenth, written blind after the English verbs
// (vendor_r_sheet.tsv: a second vendor's formal questions against
// security_sheet's corpus, the bench's shape, 44 rows, 9 NONE): top-1
// 100%, precision 100%, coverage 77.1% (the matcher at the start of the
// day: 96.0% and 68.6%; two days before: 90.0% and 51.4%). 遮断 / 制限 /
// ブロック joined the ask words after it (不要な通信を遮断 against 通信制限):
// 80.0%, no other set moved.
//
// A twentieth, in English, written blind after all of the above
// (sig_sheet.tsv: SIG-style questions against en_sheet's corpus, 40
// rows, 10 NONE): top-1 90.0%, precision 93.8%, coverage 50.0% (the
// start of the day: 93.3%, 46.7%; two days before: 85.7%, 40.0%). Its
// wrong fill, "Is the security policy reviewed by an external party?"
// against "… policy that is reviewed at least annually?" (0.80), shares
// the participle; the ask is the agent, "by an external party", which no
// check read. So the agent of an English passive (englishAgent: the words
// after "by" that follows the participle) is now checked like a Japanese
// compound's last word: a wording that names the participle and not the
// agent, in a token or a concept, gets HeadPenalty instead of the bonus
// ("Are NDAs signed by all personnel?" keeps it: personnel and employees
// are one concept). This set 100% and 50.0%; no row on any other set, nor
// on the realworld sheets, moved.
//
// A twenty-first set, written after every change of the day and used for
// nothing but measuring (outsource_sheet.tsv: a personal-data
// outsourcing checklist against a vendor's 20 labels, 28 rows, 10 NONE):
// top-1 88.9%, precision 100%, coverage 55.6% (the start of the day:
// 100% and 38.9%; two days before: 83.3% and 27.8%).
//
// A twenty-second, in English, also written last
// (hecvat_sheet.tsv: HECVAT-style questions against en2_sheet's corpus,
// 40 rows, 10 NONE): top-1 90.0%, precision 90.9%, coverage 66.7% (the
// start of the day: 90.0%, 90.0%, 60.0%). Both wrong fills are rows
// labelled NONE as doubtful: background checks "performed on
// contractors" against "on new hires" (0.76: the object differs, no
// concept tells contractors from new hires, and performed is a light
// participle) and "Is your business continuity plan tested annually?"
// against the BCP entry whose answer says it is exercised annually.
// The first is the English form of the same ask of another party:
// contractor(s) joined the subcontract concept and new hires the
// employee one, so the two conflict (0.76 → 0.48; "Do you perform
// security training for contractors?" against employee training 0.49
// → 0.20): this set 95.2% precision; elsewhere some rows moved, none
// across the threshold. The second is left as measured.
// A twenty-third, written at the very end and only measured
// (vendor_s_sheet.tsv: a third vendor's formal questions against
// vendor_p's corpus, 40 rows, 8 NONE): top-1 96.9%, precision 92.9%,
// coverage 81.2% (the start of the day the same; two days before 91.3%
// and 65.6%). Both wrong fills are rows labelled NONE as doubtful:
// ログの改ざん検知 against tamper prevention (0.81; the integrity concept
// lists both 改ざん防止 and 改ざん検知, which many answers cover together)
// and プライバシーマークの取得予定 against the entry saying it is held
// (0.65: the last word 予定 is missing, which costs the penalty only).

// the head checked like the agent (caiq lost "reviewed on a regular
// basis" and "tested for restoration"; the contractors row has no head
// to start from, performed being light).
//
// English ask words: of the English right rows held back at the end of
// the day, most had a participle head the wording says in other words
// (kept off-site / stored in a separate location, MFA enforced /
// required, isolated / segregated, protected with TLS / encrypted,
// evaluated / assessed). englishAsks lists those groups for the head
// check, compared stemmed; "secured" is left out (its stem is
// security's: "Are security logs protected from tampering?" reached
// 0.55 against log collection), "informed" and "audited" too (the
// realworld CAIQ v1.1 row "Do you notify your tenants when you make
// material changes to your … policies?" was filled with the policy
// entry through "information"; the realworld fills golden showed it),
// and so is "reviewed" (documents are
// reviewed, suppliers assessed: "Are supplier contracts reviewed …"
// reached 0.75 against supplier assessment, a doubtful NONE row).
// defined, followed and adopted joined the light participles ("Are …
// practices defined and followed?"); applied did not (templates lost
// "Are security patches applied …", whose wording says applied). Nine
// right rows filled on four sets (caiq 57.7% → 69.2%, en2 54.8% →
// 61.3%, en 43.3% → 50.0%, templates 70.3% → 73.0%), none lost, the
// highest English NONE row under 0.5.
//
// The verb of "How often do you …" and "What … do you …" questions is
// their head too (a do or does among the first words): "How often do
// you review user access privileges?" against "Are user access rights
// reviewed periodically?" earns the bonus. Five rows up on four sets,
// two of them filled (en "review", en2 "What uptime SLA do you commit
// to?" against "What is your availability commitment?"), none down.
//
// Rivals in the other language, left out of the margin once before
// (own oracle +1.3, nothing else then), are now left out of both the
// margin and the ambiguity cap (Index.rival): a bilingual corpus holds each ask in
// both languages with answers that differ only in language, and "Is
// your organization certified against ISO 27001?" tied the English ISO
// entry with the Japanese ISMS one through the Latin tokens they share
// (capped at 0.5; now 0.68, filled). Only while the best wording is in
// the query's language: compared with the best wording's instead, a
// HECVAT row whose best was the Japanese backup-encryption entry lost
// its English rivals and was filled (the realworld fills golden showed
// it). Templates 73.0% → 74.3%, no other set moved; only the bundled
// corpus is bilingual.
//
// Rejected the same day: a bonus for a wording whose concepts are
// exactly the query's (English only, 0.1: five right rows filled, but
// the NONE row H-07, a whistleblower policy, reached 0.60 against the
// security-policy entry; at 0.2 four NONE rows were filled); 取得 as a
// light predicate (bench precision 96.9%: どのようなログを取得していますか, a
// NONE row, was filled with log retention).
//
// Also rejected: a modifier check without the thesaurus — a compound of
// the query and one of the wording that end alike and begin differently
// (緊急メンテナンス / 計画メンテナンス, 本番環境 / 開発環境), neither
// modifier said on the other side, at a penalty of 0.1 or 0.2. No wrong
// fill was left for it to remove, and it sent 10 (0.1) to 19 (0.2) right rows
// to review: most such pairs are synonyms spelt apart (二要素認証 /
// 多要素認証, 平均修復時間 / 平均復旧時間, アンチウイルスソフト / ウイルス対策
// ソフト). Opposed modifiers belong in the thesaurus, as concepts.
//
// The head as a ranking signal (an unmatched best moved behind the first
// candidate within 0.8 or 0.9 of its score whose wording names the head)
// changed no row on any set; within 0.5 it cost top-1 on five (bench
// 95.2% → 94.0%, templates 94.6% → 90.5%, label pairs 91.4% → 85.7%).
// The check stays a matter of confidence only.
//
// # Numbers behind each choice
//
// Measured with `qfill eval` (and `--set name=value` for each variant) on
// ../shared/bench/pairs.tsv (156 rows, 84 answerable) and on the project's
// own testdata/eval/templates.tsv (81 rows, 74 answerable). "oracle" is the
// best coverage at ≥95% precision with a threshold chosen after seeing the
// labels, the measure the benchmark's baselines are quoted in.
//
//	                                  bench top-1  bench oracle  own top-1  own oracle
//	character-bigram BM25 (baseline)      86.9%        64.3%       77.0%      31.1%
//	sahilm/fuzzy subsequence (baseline)   50.0%        50.0%        1.4%       1.4%
//	bigrams, cosine, no folding rules     85.7%        64.3%          -          -
//	+ hiragana bigram weights             89.3%        64.3%          -          -
//	+ coverage score (0.6/0.4)            89.3%        64.3%          -          -
//	+ first-sentence wordings             90.5%        65.5%          -          -
//	+ ConceptWeight 2 (was 1)             91.7%        65.5%       94.6%      93.2%
//	+ rivals in the checklist             91.7%        72.6%       94.6%      91.9%
//	+ integrity, disaster, certification  91.7%        76.2%       94.6%      91.9%
//	  synonyms in the thesaurus
//	+ answers in the token statistics     91.7%        76.2%       94.6%      91.9%
//	  (own coverage at the default threshold 64.9% → 71.6%)
//	+ synonym credit 0.45, ranking only   92.9%        76.2%       95.9%      91.9%
//	+ 操作を記録 etc. as log terms        94.0%        77.4%       95.9%      91.9%
//	+ particles bridged in terms          94.0%        77.4%       95.9%      91.9%
//	+ ログ not inside ログイン ("!" terms)   94.0%        76.2%       95.9%      93.2%
//	+ synonym confidence (0.5 here)       94.0%        75.0%       95.9%      93.2%
//	+ ログ not inside プログラム etc.         94.0%        73.8%       95.9%      93.2%
//	+ 地震, 耐震, 免震 as disaster terms      95.2%        73.8%       95.9%      93.2%
//	+ synonym confidence 1                95.2%        71.4%       95.9%      93.2%
//	+ employee concept                    95.2%        71.4%       95.9%      93.2%
//	+ particle junctions at 0.3           95.2%        71.4%       94.6%      93.2%
//	+ ambiguous topics capped             95.2%        71.4%       94.6%      93.2%
//	+ the ask's head (bonus, penalty,     95.2%        75.0%       94.6%      87.8%
//	  cap; see below)
//	+ heads of English passives and of    95.2%        75.0%       94.6%      85.1%
//	  coordinated asks, ask words
//	+ a compound head's last word; 設定,  95.2%        75.0%       94.6%      83.8%
//	  方式 as light words (default)
//
//	+ one-kanji light verbs, HeadBonus    95.2%        75.0%       94.6%      83.8%
//	  0.2, a light word's measure
//	+ concept conflict 0.15, English      95.2%        75.0%       94.6%      89.2%
//	  verbs, planned / emergency, audits
//
// At the default threshold 0.55: bench precision 98.4%, coverage 75.0%;
// own pairs precision 100%, coverage 70.3%.
//
// "!ログイン" in the log concept keeps ログ from counting inside ログイン,
// ログアウト and their English spellings ("log in"): every sign-in question
// was also a log question. The NONE row 生体認証でログインできますか fell from
// 0.41 to 0.30 against the login-history entry, the bench's ログイン失敗時の
// メッセージ row from 0.24 to 0.20; the bench oracle lost a row (76.2%),
// as どのようなログを取得 (NONE) rose from 0.36 to 0.37 against a retention
// entry.
//
// A concept may list a narrower term of another: 地震, 耐震 and 免震 are
// quake terms and also disaster terms, since an earthquake is a disaster
// and a sheet that asks for 災害対策 of the building is answered by its
// seismic design. Found from a bench miss (災害対策（設備・環境面） went to
// the air-conditioning entry); own pairs K-01–K-04 were written to
// exercise it before it was kept: K-01 0.43 → 0.53, K-02 wrong → right,
// the NONE rows K-03 (staff safety) and K-04 (flood siting) unchanged or
// lower (0.35, 0.30 → 0.07). Bench top-1 94.0% → 95.2%, paraphrases
// 94.3% → 95.4% on 108 rows, nothing else moved.
//
// Bigrams that join a word to a case particle (は, が, を, に, で, と, も,
// へ, や; ルは of ファイアウォールは) weigh 0.3 instead of the 0.5 of other
// mixed bigrams. Found from own pairs P-07 and T-01–T-03 (is a firewall
// installed, in use, there at all?): ウォールは met ルールは, and the
// firewall-review entry was filled for "ファイアウォールは設置されていますか".
// Same-day comparison, 0.5 → 0.3: own templates coverage 71.6% → 73.0%
// (top-1 95.9% → 94.6%: EN-14 "Are backups performed daily?" now reaches
// the Japanese entry of the same ask), paraphrases (108 rows) 57.5% →
// 59.8% and oracle 66.7% → 83.9%, vendor pairs 38.5% → 41.0% (top-1
// 97.4% → 94.9%, a near-tie at 0.14), the bench, SLA and label pairs
// unchanged, precision unchanged on all six; the highest NONE rows stay
// at 0.544. At 0.2 the bench's アクセス制御、認証（センターシステム）
// reached 0.547; with の among the particles bench precision fell to
// 96.6% and the label pairs' to 92.9% (〜の〜 joins one compound ask). A
// WAF is no network firewall: アプリケーションファイアウォール is an
// exclusion of the firewall concept (T-02 導入していますか no longer goes
// to the WAF entry with 0.63; it is in review). T-01 and T-03 were still
// filled wrong (0.59, 0.73): every firewall entry covers a topic-only
// question and the shortest wording wins (they are in review since
// ambiguous topics are capped, below). An "install" concept (設置,
// 導入) got T-01 and T-02 right but cost own template coverage (73.0% →
// 71.6%) and the vendor pairs' oracle (74.4% → 69.2%): not kept.
//
// # Ambiguous topics
//
// What was kept for them: when a rival with another answer matches at
// least as much of the question as the best wording (lexical query
// coverage) and scores at least AmbiguityRatio (0.9) of it, the best wins
// only by saying less besides, and confidence is capped at AmbiguityCap
// (0.5): the row goes to review with the suggestion. Rivals with the very
// same wording are left out (two answers to one question are a corpus
// problem `qfill corpus lint` reports; the bench's C003-1-17 and C003-2-29
// are both right). Paraphrases precision 96.3% → 100% (T-01, T-03 in
// review) at the cost of two right fills that are ambiguous in the same
// way — JA-08 監視カメラによる監視 (camera installed, or footage kept?)
// and vendor pair SC-26 定期的にバックアップを行っていますか (backup taken,
// or how many generations?): templates coverage 73.0% → 71.6%, vendor
// pairs 41.0% → 38.5%; the bench, SLA and label pairs unchanged. With the
// identical wordings counted as rivals it cost the bench C000-15 too;
// ratios of 0.85 and 0.9 gave the same rows, 0.95 let T-03 through. A
// wording that is the question itself (score 1) and an entry learned
// from the question's own ID are never ambiguous: without that, learning
// the completed HECVAT and filling its template lost GNRL-04 and GNRL-05
// ("Solution Provider Contact Name" and "… Title", asked again for
// accessibility with other contacts).
//
// どこに, どこで and どちらに are location terms: "データセンターはどこに
// ありますか" asks where, and without them that wording was the topic
// noun alone, so every データセンターの… question fitted it (the NONE row
// データセンターの床荷重 at 0.52, the wrong JA-09 データセンターの見学 at
// 0.49). With them those fall to 0.46 and 0.36; no other row moved.
// Folding イヤ to イア in textnorm (ファイヤーウォール = ファイアウォール) was
// rejected: P-07 ファイヤーウォールは設置されていますか then reached 0.63
// for the firewall-review entry, a wrong fill (the bigram ルは of
// ウォールは meets ルールは), paraphrases precision 98.0%.
//
// An employee concept (従業員, 社員, 職員, 従事者, employee, staff,
// personnel) lifted the paraphrases that say 社員 for the corpus's 従業員
// (P-23 0.28 → 0.40, H-04 filled at 0.58): paraphrases coverage 56.3% →
// 57.5%, vendor pairs oracle 71.8% → 74.4%, the NONE rows 社員食堂 and
// 安否確認 lower, every other figure unchanged. Unlike the "customer"
// concept rejected below, staff are asked about in few topics (training,
// NDA, background checks, offboarding).
//
// Own label pairs (testdata/eval/sla_labels.tsv, 45 rows, 10 NONE): an SLA
// table of one vendor (corpus_sla_a.tsv, 40 items written as labels, the
// way SaaS SLA check tables are) asked with another vendor's labels
// (サービス提供時間帯 for サービス時間, 復旧目標時間 for 目標復旧時間（RTO）)
// and near misses of the same topics (稼働率の過去実績, 目標復旧時点（RPO））.
// Written before the thesaurus had サービス時間 (hours), DR (bcp), 第一報
// (notify) and 容量 (capacity): those four terms took top-1 from 85.7%
// to 91.4% and coverage from 25.7% to 28.6% (precision 100%), every
// other set unchanged; 復旧目標時間 and 復旧目標時点, the other word order
// of RTO and RPO, took SB-08 from 0.47 to 0.65 and coverage to 31.4%;
// synonym confidence 1 to 37.1%. A frequency concept (頻度, 間隔, 周期)
// was rejected: paraphrases coverage 54.1% → 52.9%, bench oracle 75.0% →
// 73.8%. The NONE label 計画停止の頻度 reaches 0.54, so the threshold has
// no room to go lower.
//
// Own vendor pairs (testdata/eval/security_sheet.tsv, 48 rows, 9 NONE): a
// customer's security sheet asked of another vendor's 40-entry answer
// sheet (corpus_sec_b.tsv), the shape of the bench's full-question
// directions. Top-1 94.9%, precision 100%, coverage 38.5% at the default
// (30.8% before synonym confidence 1, 41.0% before ambiguous topics were
// capped), while every threshold down to 0.37 keeps precision at 100%
// (74.4%):
// its near misses (データセンターの見学, バックアップからの復元テスト) stay
// under 0.35. It found ログ counting inside プログラム (修正プログラム
// was a log question): プログラム, カタログ, ブログ, ダイアログ and アナログ
// are exclusions of the log concept now (the bench's どのようなログを取得,
// a NONE row, rose 0.40 → 0.41 with the statistics and took the bench
// oracle to 73.8%). Counting only each row's best entry as a rival in
// MatchAll (a NONE row, データセンターの見学, stole the power-supply entry
// from 停電対策… through a runner-up score) changed nothing at the
// default on any set.
//
// Own harder paraphrases (testdata/eval/paraphrases.tsv, 111 rows, 21
// NONE): top-1 93.3%, precision 100%, coverage 57.8% at the default (on
// the first 56 rows, 93.5% top-1 before synonym credit, 97.8% after; rows
// E-01–E-10 carry example lists, F-01–F-08 request frames, G-01–G-09 the
// label forms 〜の有無, 〜の可否, 〜の状況: 6 of 7 filled with nothing new;
// G-04 第三者認証（ISMS等）の取得状況 went to the data center's
// certifications until particles were bridged, and is still in review.
// Stripping those label frames like a polite closing (textnorm:
// の有無, の可否, の実施状況, の対応状況, の取得状況, の導入状況, の状況, also
// after a request closing) lifted every G row (多要素認証の有無 0.67 →
// 0.81, G-04 0.39 → 0.43), filled P-03 サーバ室のガス消火設備の有無 (0.54
// → 0.61): paraphrases coverage 54.1% → 55.3%, every other set
// unchanged, the NONE rows G-08 and G-09 at 0.06 and 0.00). 要件 and
// 方法 as frames too (データ消去の要件, 問合せ方法) were rejected: label
// pairs top-1 91.4% → 88.6%, SLA oracle 84.2% → 78.9%.
// J-01–J-05
// name the vendor in English ("Does the vendor …", "the service
// provider"): 3 of 4 filled with no English counterpart of the 貴社 rule,
// so none was written. H-01–H-07
// wrap asks in CAIQ's "established, documented, approved, communicated,
// applied, evaluated and maintained": 1 of 5 filled. Those seven verbs at
// 0.5 weight filled 3, at 0.3 or as stop words all 5 — but the NONE row
// H-07 (a whistleblower policy) then reached 0.54, 0.57 and 0.62 against
// the information-security policy entry, since only "whistleblower" is
// left to tell them apart against policy's word and concept tokens. Not
// adopted: precision first. Nor a confidence penalty for the share of
// the query's weight in tokens the corpus never uses (whistleblower):
// at 0.2 to 1 times that share, own coverage 71.6% → 58.1–43.2% and bench
// oracle 77.4% → 72.6–65.5%, since paraphrases are full of words the
// corpus does not use; their rarity already lowers the score.
//
// I-01–I-07 use "support" as a verb ("Does your service support exporting
// data?"): two go to the support-hours entry. Dropping the verb ("do you
// support", "is … supported") fixed one of them and took a NONE row from
// 0.40 to 0, but cost an own template row: "Does the application support
// MFA?" lost the shared word with the English MFA entry and went to the
// Japanese one. Preferring the query's script (candidates in the other
// script × 0.9) did not win it back, and alone it moved only the own
// oracle (+1.3); × 0.8 cost paraphrase top-1 (93.8% → 91.4%). Neither
// adopted then. Measured again on 2026-12-02, once an answer in the
// other language could no longer be written unreviewed (LanguageCheck),
// as a factor on ranking only (OtherScriptRank 0.8; synonym credit had
// overwritten a factor applied to the scores): a blind English set
// against the bundled corpus (en3_sheet.tsv) top-1 91.2% → 97.1% (SAML
// sign-in and guaranteed uptime had gone to the Japanese entries),
// templates 94.6% → 95.9%, paraphrases 94.4% → 93.3% (a privileged
// access review with no English entry now suggests the English RBAC
// one), no fill changed on any set; 0.9 won one row less. Adopted: the
// suggestion of an English row is one its reviewer can send on. The answer as a ranking hint again, now only for rows in
// doubt and on top of synonym credit (share of the query's weight found
// in the candidate's answer, × 0.05 to 0.3, answers tokenized at match
// time so no memory): bench top-1 unchanged up to 0.1 and 92.9% from
// 0.2, one paraphrase row from 0.1, SLA top-1 94.7% at 0.3. The vendor-B
// labels whose right entry shows only in its answer (可搬媒体管理,
// 災害対策) share too few tokens with that answer for it to help.
// Steps on the first 42 rows: 87.5% / 100% / 40.6% before the answers
// joined the statistics, 90.6% top-1 after, 93.8% once どこの国/設置国/海外
// joined the location concept. Rows 43–45 spell a word with different
// okurigana (取扱/取り扱い, 受入れ/受け入れ, 問合せ/問い合わせ): folding
// those variants in textnorm took the set's coverage from 40.0% to 45.7%
// (the other sets unchanged). Rows 46–49 need the guard, visitor,
// offboarding and IP-restriction concepts: top-1 on all 49 rows 89.7% →
// 92.3%. Row 46 (守衛による24時間の有人監視) still goes to 24/7 system
// monitoring: 有人監視 contains 監視. Rows 50–51 need the access-review
// concept (アクセス権レビュー, access review = 棚卸し): 90.2% → 92.7%.
// Rows 42–44 write a word half in kana where the corpus has kanji or the
// reverse (ぜい弱性/脆弱性, 改竄/改ざん, 漏洩/漏えい): folding those
// mixed-script spellings in textnorm took the set's coverage from 38.6%
// to 43.2% (all 54 rows; the other sets unchanged). The homophone 規定,
// written for 規程 (運用規定 / 運用管理規程), folds the same way since
// 2026-12-02: bench 77.4% → 78.6%, no own set moved. Rows 45–46 write
// 記録 for ログ (操作記録, アクセス記録): listing those compounds under the
// log concept took coverage on 56 rows from 41.3% to 43.5% and the
// oracle from 63.0% to 65.2%. 記録 alone was not listed: it also means
// the medium in 記録媒体, and the bench oracle fell to 75.0% with it.
// The verb phrases 操作を記録, アクセスを記録, 操作内容を記録 joined the
// concept after a bench miss (an ask to record user operations went to
// the entry-log record); rows 47–48 are own pairs for them: paraphrases
// top-1 95.8% → 97.9% on 58 rows, bench top-1 92.9% → 94.0% and oracle
// 76.2% → 77.4%, other sets unchanged.
//
// Own SLA pairs (testdata/eval/sla.tsv, 23 rows, 4 NONE; SLA guideline
// vocabulary: 稼働率/可用性, 計画停止/定期メンテナンス, レスポンスタイム,
// 同時接続, 事前告知, サービスクレジット): the response, concurrency,
// notice, version and customize concepts and the wider mttr, terminate,
// export and api lines took top-1 from 73.7% to 94.7% and the oracle
// from 57.9% to 84.2%, with the other sets unchanged. An "outage" concept
// for 障害 was rejected: bench oracle 76.2% → 73.8%, since 障害 joins
// different asks (監視, 通知, 対応). Most SLA items are short labels, so
// coverage at the default threshold is 21.1% (precision 100%). Synonym
// credit then took top-1 to 100%.
//
// Why coverage stopped near 69% on the bench (81.0% since the
// one-compound check, the 対策 frame, the equipment ask words and the
// 規定 = 規程 fold filled 入退室管理, 火災対策, 電源設備 and 運用規定): its
// 38 queries from vendor B are topic labels (火災対策, 電源設備, 運用規定),
// 18 of them answerable. Their right entries score 0.19–0.43
// lexically; most are one compound, so the head check does not apply to
// them, and the NONE labels among them (外部からの不正アクセス対策（ユー
// ザ利用領域）, right for the center system and NONE for the customer's
// data area) look the same. The rest of them (人的教育 at 0.51 with two
// right entries of different answers, 第三者機関認定, 可搬媒体管理) stay in
// review. The head check's gain on
// the bench (65.5% → 69.0%) is in the other directions: time
// synchronisation, log retention and remote backup, whose heads (同期,
// 保管) the stored questions share.
//
// Tried and rejected: scoring the first sentence of a multi-part customer
// question on its own (bench coverage 65.5% → 66.7% but top-1 91.7% →
// 90.5%: "off-site backup? how often?" then matched "backup taken?"),
// words in brackets at 0.5 or 0.3 weight (bench top-1 up to 92.9% but
// precision 98.2% → 94.8%), a threshold of 0.5 (bench precision 94.8%), idf squared or ^1.5 (own oracle 93.2% → 90.5%, bench
// top-1 down), a 0.3 weight for generic verbs and frames (実施, 取得, 対策,
// "established", "documented": bench oracle 72.6% → 65.5%), query coverage
// exponent 0.5 or 0.7 (no gain on either set), the answer as one more
// scored wording (at weight 0.4 the same numbers as the statistics alone,
// for 35% more fill time; at 0.6 to 0.85 own top-1 up to 95.9% but bench
// top-1 90.5% and bench oracle down to 67.9%; its first sentence only:
// bench precision 96.5%), thesaurus exceptions that stop 認証 from meaning
// authentication inside セキュリティ認証 or 認証を取得 (bench top-1 91.7% →
// 90.5%: the wordings lost a shared concept token and a spaced
// "取得している 認証" escaped the exception), a confidence penalty of 0.05 to
// 0.15 for topic labels (short items ending in a noun: 電源設備) meant as
// a safety margin (no precision gain anywhere, bench oracle 76.2% → 73.8%,
// paraphrase coverage 43.8% → 37.5%), and ConceptWeight 2.5 to 4 (own
// sets up, bench oracle 76.2% → 75.0%), and scaling down the bigrams of
// long katakana words to a total of about 2 (so バックアップ weighs like a
// two-kanji word: better ranking — bench oracle 77.4%, own 94.6%,
// paraphrases top-1 93.8% — but bench precision 96.5% at the default,
// since アクセス制御、認証（センターシステム） then reaches 0.61 against
// ログのアクセス制御, and no threshold restores both precision and own
// coverage), and blending the Jaccard similarity of query and wording
// concepts into the score at 0.1 to 0.3 (coverage up everywhere — bench
// 75.0% at 0.3 — but precision down: bench 95.5%, paraphrases 88.0%,
// since NONE rows that share the topic's concepts are filled).
//
// Also rejected: the answer as a ranking hint only (the share of the
// query's weight found in the entry's answer, times 0.1 to 0.3, added
// when ordering candidates; confidence kept on the wordings' scores, so
// a choice the hint forces against a better-scoring rival gets a
// negative margin). At 0.1 bench top-1 is unchanged, bench oracle 76.2%
// → 77.4% and paraphrases top-1 +1 row; at 0.15 bench top-1 falls to
// 90.5% (株式会社…として取得している認証 moves to the authentication entry,
// whose answer repeats 認証); at 0.3 bench 92.9% and paraphrases 97.6%
// but own oracle 91.9% → 89.2%. A gain of one row that flips with the
// weight, for 15–20 MB more peak memory at 20,000 entries (the answers'
// tokens), which would take `make bench` over its 3× memory target.
// The row's section heading added to the query at 0.1 to 0.5 of its term
// frequency: bench top-1 unchanged, oracle 76.2% → 70.2–72.6% from 0.2;
// entries' sections added to their wordings: bench top-1 90.5% from 0.2.
// Counting a rival question in MatchAll only when the entry is that
// question's best: no change on any set. A "customer" concept (顧客,
// 利用者, ユーザ, customer): bench top-1 91.7% → 90.5%, SLA 94.7% →
// 89.5%, since those words sit in questions about every topic. Bigrams
// that mix hiragana with kanji or katakana at 0.3 down to 0.01 instead of
// 0.5: oracles down on every set. Bigrams that join a katakana and a
// kanji character (ス制 of アクセス制御) at 0.5 or 0.2: oracles down.
// Leaving rivals in the other language out of the margin (a bilingual
// corpus holds each ask twice, with answers that differ only in
// language): own oracle 91.9% → 93.2%, nothing else moved; the English
// rows left for review trail English rivals ("support" in "support MFA"
// and "support hours"), not Japanese ones.
//
// Morphological analysis (kagome with the IPA dictionary) was tried two
// ways. Content words' base forms (行われて → 行う) as extra tokens at
// weight 0.5 to 2: bench top-1 91.7% → 88.1–91.7%, bench oracle 76.2% →
// 67.9–73.8%, SLA oracle 84.2% → 52.6–73.7% (own oracles up to +8).
// Bigrams kept inside morphemes, particles and auxiliaries dropped: the
// scores rise everywhere (bench precision 92.6% at the default) while
// the threshold-free oracle falls (bench 75.0%, own 77.0% and 47.8%),
// so the bigrams across a particle (の時, 期は) help more than they
// hurt. The dictionary also takes 0.5 s to load on every run, three
// times the whole excelize floor of `make bench`. Not adopted.
//
// Is the confidence formula itself the limit? A logistic model over the
// same evidence (best score, margin to the best rival with another
// answer, the rival-question penalty, whether the query is a label, its
// length) fitted on the own sets and tried on the bench reaches 63.1%
// coverage at ≥97% precision with its best threshold, against 65.5% for
// the formula above; fitted on the bench itself (an upper bound that
// looks at the answers) 67.9% at ≥97% and 73.8% at ≥95% (the formula:
// 76.2%). Re-weighting this evidence cannot reach 80%: the right and
// the wrong rows overlap in it.
//
// Speed, tried and rejected: MaxScore pruning (walk tokens heaviest first;
// once the weight left cannot lift an unseen wording to the K-th best,
// look the rest up by binary search for the wordings still in reach).
// Results were identical but matching got slower, 61 → 170 µs per
// question at 20,000 entries and 734 µs → 1.84 ms at 200,000: in the
// generated corpus each question has ~120 near-identical entries, so
// about 470 wordings stay in reach and the lookups cost more than the
// sequential walk they replace.
package match
