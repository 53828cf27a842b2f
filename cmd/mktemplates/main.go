// Command mktemplates builds the bundled sample checklists in templates/
// and the labelled pairs that go with them in testdata/eval/templates. The
// checklists imitate customers' own layouts; every question is a rewording
// written for qfill's sample vendor, with the corpus entry that answers it
// (or NONE) recorded for `qfill eval`.
//
//	go run ./cmd/mktemplates
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// q is one question and the corpus entry that answers it ("" = none).
type q struct {
	text, want string
}

type category struct {
	name      string
	questions []q
}

var jaChecklist = []category{
	{"データセンター", []q{
		{"サーバーを設置しているデータセンターの所在国はどこですか。", "dc-location"},
		{"建物は地震に耐える構造（耐震・免震）になっていますか。", "dc-building"},
		{"停電に備えて UPS・自家発電装置を備えていますか。", "dc-ups-generator"},
		{"電源の供給ルートは二重化されていますか。", "dc-power-redundancy"},
		{"サーバールームの消火設備は何を採用していますか。", "dc-fire-suppression"},
		{"入館の際の本人確認や入退室の管理はどのように行っていますか。", "dc-entry-control"},
		{"入退室の記録は残していますか。", "dc-entry-log"},
		{"監視カメラによる監視を行っていますか。", "dc-cctv"},
		{"データセンターの見学は可能ですか。", "dc-audit-visit"},
	}},
	{"ネットワーク", []q{
		{"インターネットとの接続点にファイアウォールを設置していますか。", "net-firewall"},
		{"不正侵入を検知・防止する仕組み（IDS/IPS）はありますか。", "net-ids"},
		{"Web アプリケーションファイアウォールを利用していますか。", "net-waf"},
		{"利用者の端末とサービス間の通信は暗号化されていますか。", "net-tls"},
		{"DDoS 攻撃を受けた場合の対策を講じていますか。", "net-ddos"},
		{"接続元の IP アドレスで利用を制限できますか。", "net-ip-restriction"},
	}},
	{"サーバー・アプリケーション", []q{
		{"サーバーのウイルス対策を実施していますか。", "srv-antimalware"},
		{"OS に対するセキュリティパッチの適用方針を教えてください。", "srv-os-patch"},
		{"第三者による脆弱性診断を受けていますか。", "srv-vuln-scan"},
		{"本番環境と開発環境は分離されていますか。", "srv-env-separation"},
		{"ソースコードの第三者レビュー（外部委託）を受けていますか。", ""},
	}},
	{"バックアップ", []q{
		{"バックアップの取得頻度を教えてください。", "bk-taken"},
		{"バックアップデータを別の地域に保管していますか。", "bk-offsite"},
		{"バックアップからの復旧テストを実施していますか。", "bk-restore-test"},
		{"何世代前のデータまで復元できますか。", "bk-generations"},
	}},
	{"認証・アクセス管理", []q{
		{"二要素認証を利用できますか。", "auth-mfa"},
		{"SAML 認証によるシングルサインオンは可能ですか。", "auth-sso"},
		{"パスワードの最低文字数などのルールを設定できますか。", "auth-password-policy"},
		{"ログインに連続して失敗した際のアカウントロック機能はありますか。", "auth-lockout"},
		{"利用者ごとにアクセス権限を設定できますか。", "acl-roles"},
		{"生体認証でログインできますか。", ""},
	}},
	{"ログ・監視", []q{
		{"操作ログを取得していますか。", "log-user-ops"},
		{"ログは何年間保存されますか。", "log-retention"},
		{"サービスの稼働監視は24時間行っていますか。", "mon-247"},
		{"障害が起きたときはどのように連絡がありますか。", "mon-notify-customer"},
	}},
	{"組織・人的管理", []q{
		{"ISMS 認証を取得していますか。", "org-isms"},
		{"従業員へのセキュリティ教育を定期的に行っていますか。", "org-training"},
		{"従業員から秘密保持の誓約を取っていますか。", "org-nda"},
		{"外部委託先の管理はどのように行っていますか。", "org-subcontract-control"},
		{"情報セキュリティ委員会を設置していますか。", ""},
	}},
	{"データの取扱い", []q{
		{"データは日本国内に保管されますか。", "data-location"},
		{"解約時にデータを一括でダウンロードできますか。", "data-export"},
		{"解約後のデータの削除時期を教えてください。", "data-deletion"},
		{"保存されているデータは暗号化されていますか。", "enc-at-rest"},
		{"データを海外の拠点から参照することはありますか。", ""},
	}},
}

var slaItems = []struct{ item, detail, want string }{
	{"稼働率", "月間のサービス稼働率の保証値を記載してください。", "sla-availability"},
	{"サービス提供時間", "サービスを利用できる時間帯を記載してください。", "sla-hours"},
	{"計画停止", "定期メンテナンスの頻度と事前通知の時期を記載してください。", "sla-maintenance"},
	{"障害通知", "障害発生時の利用者への通知方法と通知までの時間を記載してください。", "mon-notify-customer"},
	{"平均復旧時間", "障害発生から復旧までの平均時間（MTTR）を記載してください。", "sla-mttr"},
	{"目標復旧時間", "大規模障害時の RTO を記載してください。", "bk-rto"},
	{"目標復旧時点", "データを復旧できる時点（RPO）を記載してください。", "bk-rpo"},
	{"サポート窓口", "問い合わせの受付時間を記載してください。", "sup-hours"},
	{"一次回答時間", "問い合わせを受けてから最初の回答までの目標時間を記載してください。", "sup-response-time"},
	{"SLA 未達時の措置", "稼働率が保証値を下回った場合の返金・減額の有無を記載してください。", "sla-credit"},
	{"サービス終了の告知", "サービスの提供を終了する場合の事前告知期間を記載してください。", "sla-termination-notice"},
	{"オンサイト保守", "障害時に技術者を派遣する保守サービスの有無を記載してください。", ""},
}

var enQuestions = []struct{ ref, domain, text, want string }{
	{"GOV-01", "Governance", "Does your organization maintain a written information security policy approved by management?", "en-policy"},
	{"GOV-02", "Governance", "Is your organization certified against ISO 27001?", "en-iso27001"},
	{"GOV-03", "Governance", "Please provide your most recent SOC 2 Type 2 report.", "en-soc2"},
	{"HR-01", "People", "Are background checks carried out for new employees?", "en-background"},
	{"HR-02", "People", "Do all staff complete annual security awareness training?", "en-training"},
	{"DAT-01", "Data Protection", "Is data at rest encrypted?", "en-encryption-rest"},
	{"DAT-02", "Data Protection", "Is all data in transit protected with TLS?", "en-encryption-transit"},
	{"DAT-03", "Data Protection", "In which country or region will our data be hosted?", "en-dc-location"},
	{"DAT-04", "Data Protection", "Is our data deleted after termination of the contract?", "en-data-deletion"},
	{"DAT-05", "Data Protection", "Is each customer's data logically segregated?", "en-tenant-isolation"},
	{"IAM-01", "Identity & Access", "Does the application support MFA?", "en-mfa"},
	{"IAM-02", "Identity & Access", "Is SAML-based single sign-on supported?", "en-sso"},
	{"IAM-03", "Identity & Access", "Does the product support role-based access control?", "en-rbac"},
	{"OPS-01", "Operations", "Are backups performed daily?", "en-backup"},
	{"OPS-02", "Operations", "Are backups kept at a separate geographic location?", "en-backup-offsite"},
	{"OPS-03", "Operations", "Are security patches applied within a defined timeframe?", "en-patching"},
	{"OPS-04", "Operations", "Are systems monitored around the clock?", "en-monitoring"},
	{"OPS-05", "Operations", "How long do you retain audit logs?", "en-log-retention"},
	{"VUL-01", "Vulnerability Management", "Is an annual penetration test performed by an independent firm?", "en-pentest"},
	{"VUL-02", "Vulnerability Management", "Do you run vulnerability scans at least monthly?", "en-vuln-scan"},
	{"INC-01", "Incident Response", "Do you have an incident response plan?", "en-incident-plan"},
	{"INC-02", "Incident Response", "Will customers be notified of data breaches?", "en-breach-notify"},
	{"BCP-01", "Resilience", "Is there a disaster recovery plan and is it tested?", "en-dr-plan"},
	{"BCP-02", "Resilience", "Do you carry cyber liability insurance?", ""},
	{"BCP-03", "Resilience", "Do you have a bug bounty program?", ""},
}

// outsourcingRows is a contractor checklist: 大分類 merged down its group,
// 中分類 written once per subgroup, and follow-up rows (上記の…, 「はい」の
// 場合、…) whose answer cells take free text; "" under big or mid leaves
// the cell blank.
var outsourcingRows = []struct{ big, mid, text, want string }{
	{"組織", "体制", "情報セキュリティ基本方針を定め、従業員に周知していますか", "org-policy"},
	{"", "", "情報セキュリティの責任者を任命していますか", "org-officer"},
	{"", "人的", "従業員と秘密保持契約を締結していますか", "org-nda"},
	{"", "", "従業員に定期的なセキュリティ教育を行っていますか", "org-training"},
	{"", "", "上記で「はい」の場合、その頻度を記載してください", "org-training"},
	{"技術", "アクセス管理", "運用者の特権アカウントは必要な者に限定していますか", "acl-privileged-min"},
	{"", "", "多要素認証を利用できますか", "auth-mfa"},
	{"", "", "上記で「はい」の場合、方式を記載してください", "auth-mfa"},
	{"", "ネットワーク", "本番環境の運用ネットワークで無線 LAN を利用していますか", "net-wireless"},
	{"", "", "「はい」の場合、その暗号化方式を記載してください", "net-wireless"},
	{"", "ログ", "アクセスログを取得していますか", "log-types|log-user-ops"},
	{"", "", "上記の保存期間を記載してください", "log-retention"},
	{"運用", "バックアップ", "バックアップを取得していますか", "bk-taken"},
	{"", "", "上記の取得頻度を記載してください", "bk-taken"},
	{"", "委託", "業務を再委託していますか", "org-subcontract"},
	{"", "", "「はい」の場合、再委託先の管理方法を記載してください", "org-subcontract-control"},
	{"", "データ", "本番データを開発・テスト環境で利用していますか", "data-test-use"},
	{"", "", "上記で「はい」の場合、マスキングの方法を記載してください", "data-test-use"},
	{"物理", "データセンター", "データセンターの所在国", "dc-location"},
	{"", "", "監視カメラを設置していますか", "dc-cctv"},
	{"", "", "上記映像の保存期間", "dc-cctv-retention"},
	{"", "", "利用者による立ち入り監査を受け入れていますか", "dc-audit-visit"},
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "mktemplates:", err)
		os.Exit(1)
	}
}

func run() error {
	if err := os.MkdirAll("templates", 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join("testdata", "eval"), 0o755); err != nil {
		return err
	}
	var pairs []string
	add := func(prefix string, n int, text, want string) {
		if want == "" {
			want = "NONE"
		}
		pairs = append(pairs, fmt.Sprintf("%s-%02d\t%s\t../../../corpus\t%s\ttemplate question", prefix, n, text, want))
	}
	if err := writeJA(filepath.Join("templates", "security_checklist_ja.xlsx"), add); err != nil {
		return err
	}
	if err := writeSLA(filepath.Join("templates", "sla_check_ja.xlsx"), add); err != nil {
		return err
	}
	if err := writeEN(filepath.Join("templates", "vendor_assessment_en.xlsx"), add); err != nil {
		return err
	}
	if err := writeOutsourcing(filepath.Join("templates", "outsourcing_check_ja.xlsx"), add); err != nil {
		return err
	}
	head := "query_id\tquery_question\tcorpus\texpected_id\tnote\n"
	return os.WriteFile(filepath.Join("testdata", "eval", "templates", "pairs.tsv"), []byte(head+strings.Join(pairs, "\n")+"\n"), 0o644)
}

func cell(c, r int) string {
	s, _ := excelize.CoordinatesToCellName(c, r)
	return s
}

// fixedProps keeps the generated files byte-stable across runs.
func fixedProps(f *excelize.File, title string) error {
	return f.SetDocProps(&excelize.DocProperties{
		Title: title, Creator: "qfill sample", Created: "2026-01-01T00:00:00Z", Modified: "2026-01-01T00:00:00Z",
	})
}

func writeJA(path string, add func(string, int, string, string)) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "セキュリティチェックシート"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	head, _ := f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"305496"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    borders(),
	})
	body, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: borders()})
	sect, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}, Border: borders()})
	ans, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, Border: borders(), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF9E5"}}})

	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(f.SetCellStr(sh, "A1", "クラウドサービス セキュリティチェックシート"))
	must(f.MergeCell(sh, "A1", "E1"))
	must(f.SetCellStyle(sh, "A1", "A1", title))
	must(f.SetCellStr(sh, "A2", "貴社名"))
	must(f.MergeCell(sh, "B2", "C2"))
	must(f.SetCellStr(sh, "D2", "ご回答日"))
	must(f.SetCellStr(sh, "A3", "※「回答」欄はプルダウンから選択し、補足事項は「備考」欄にご記入ください。"))
	must(f.MergeCell(sh, "A3", "E3"))
	headers := []string{"No.", "分類", "確認項目", "回答", "備考"}
	for i, h := range headers {
		must(f.SetCellStr(sh, cell(i+1, 5), h))
	}
	must(f.SetCellStyle(sh, "A5", "E5", head))
	for col, w := range map[string]float64{"A": 6, "B": 16, "C": 60, "D": 12, "E": 40} {
		must(f.SetColWidth(sh, col, col, w))
	}
	r, n := 6, 0
	for ci, c := range jaChecklist {
		if ci == 5 {
			// A section row spanning the table, as many customers use.
			must(f.SetCellStr(sh, cell(1, r), "■ 運用管理"))
			must(f.MergeCell(sh, cell(1, r), cell(5, r)))
			must(f.SetCellStyle(sh, cell(1, r), cell(5, r), sect))
			r++
		}
		first := r
		for _, qq := range c.questions {
			n++
			must(f.SetCellInt(sh, cell(1, r), int64(n)))
			must(f.SetCellStr(sh, cell(3, r), qq.text))
			must(f.SetCellStyle(sh, cell(1, r), cell(5, r), body))
			must(f.SetCellStyle(sh, cell(4, r), cell(4, r), ans))
			add("JA", n, qq.text, qq.want)
			r++
		}
		must(f.SetCellStr(sh, cell(2, first), c.name))
		if r-1 > first {
			must(f.MergeCell(sh, cell(2, first), cell(2, r-1)))
		}
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("D6:D%d", r-1)
	must(dv.SetDropList([]string{"はい", "いいえ", "該当なし"}))
	must(f.AddDataValidation(sh, dv))
	must(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 5, TopLeftCell: "A6", ActivePane: "bottomLeft"}))
	must(fixedProps(f, "セキュリティチェックシート"))
	return f.SaveAs(path)
}

func writeSLA(path string, add func(string, int, string, string)) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "SLA確認表"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E2EFDA"}}, Border: borders()})
	body, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: borders()})
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(f.SetCellStr(sh, "B2", "SaaS サービスレベル確認表"))
	must(f.SetCellStr(sh, "B3", "委託先名："))
	for i, h := range []string{"項番", "項目", "内容", "回答欄", "補足"} {
		must(f.SetCellStr(sh, cell(i+2, 5), h))
	}
	must(f.SetCellStyle(sh, "B5", "F5", head))
	for col, w := range map[string]float64{"A": 2, "B": 6, "C": 18, "D": 50, "E": 40, "F": 30} {
		must(f.SetColWidth(sh, col, col, w))
	}
	for i, it := range slaItems {
		r := 6 + i
		must(f.SetCellStr(sh, cell(2, r), fmt.Sprintf("S-%02d", i+1)))
		must(f.SetCellStr(sh, cell(3, r), it.item))
		must(f.SetCellStr(sh, cell(4, r), it.detail))
		must(f.SetCellStyle(sh, cell(2, r), cell(6, r), body))
		add("SLA", i+1, it.item+" "+it.detail, it.want)
	}
	must(fixedProps(f, "SLA確認表"))
	return f.SaveAs(path)
}

func writeEN(path string, add func(string, int, string, string)) error {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	cover := "Cover"
	must(f.SetSheetName("Sheet1", cover))
	must(f.SetCellStr(cover, "B2", "Vendor Security Assessment Questionnaire"))
	must(f.SetCellStr(cover, "B4", "Instructions"))
	must(f.SetCellStr(cover, "B5", "Answer every question on the Questionnaire tab. Choose Yes, No or N/A in the Response column and explain in Comments."))
	must(f.SetCellStr(cover, "B7", "Vendor name"))
	must(f.SetCellStr(cover, "B8", "Completed by"))
	must(f.SetColWidth(cover, "B", "B", 40))
	sh := "Questionnaire"
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	must(hiddenList(f, "Lists", "Yes", "No", "N/A"))
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Border: borders()})
	body, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: borders()})
	must(f.SetCellStr(sh, "A1", "Vendor Security Assessment"))
	for i, h := range []string{"Ref", "Domain", "Question", "Response", "Comments"} {
		must(f.SetCellStr(sh, cell(i+1, 3), h))
	}
	must(f.SetCellStyle(sh, "A3", "E3", head))
	for col, w := range map[string]float64{"A": 9, "B": 22, "C": 70, "D": 12, "E": 50} {
		must(f.SetColWidth(sh, col, col, w))
	}
	for i, qq := range enQuestions {
		r := 4 + i
		must(f.SetCellStr(sh, cell(1, r), qq.ref))
		must(f.SetCellStr(sh, cell(2, r), qq.domain))
		must(f.SetCellStr(sh, cell(3, r), qq.text))
		must(f.SetCellStyle(sh, cell(1, r), cell(5, r), body))
		add("EN", i+1, qq.text, qq.want)
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("D4:D%d", 3+len(enQuestions))
	dv.SetSqrefDropList("Lists!$A$1:$A$3")
	must(f.AddDataValidation(sh, dv))
	must(f.AddComment(sh, excelize.Comment{Cell: "D3", Author: "Procurement", Paragraph: []excelize.RichTextRun{{Text: "Choose from the list."}}}))
	must(fixedProps(f, "Vendor Security Assessment"))
	f.SetActiveSheet(0)
	return f.SaveAs(path)
}

func writeOutsourcing(path string, add func(string, int, string, string)) error {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	notes := "記入要領"
	must(f.SetSheetName("Sheet1", notes))
	must(f.SetCellStr(notes, "B2", "「回答」欄はプルダウンから選択し、「はい」の場合の具体的な内容は補足説明欄にご記入ください。"))
	must(f.SetCellStr(notes, "B3", "「当社確認欄」は当社が使用しますので、記入しないでください。"))
	must(f.SetColWidth(notes, "B", "B", 90))
	sh := "確認シート"
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	must(hiddenList(f, "リスト", "はい", "いいえ", "該当なし"))
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Border: borders()})
	body, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: borders()})
	must(f.SetCellStr(sh, "A1", "委託先セキュリティ確認シート"))
	must(f.MergeCell(sh, "A1", "G1"))
	must(f.SetCellStyle(sh, "A1", "A1", title))
	must(f.SetCellStr(sh, "A2", "貴社名"))
	must(f.SetCellStr(sh, "E2", "記入日"))
	for i, h := range []string{"No.", "大分類", "中分類", "確認内容", "回答", "補足説明（「はい」の場合は具体的に）", "当社確認欄"} {
		must(f.SetCellStr(sh, cell(i+1, 4), h))
	}
	must(f.SetCellStyle(sh, "A4", "G4", head))
	must(f.AddComment(sh, excelize.Comment{Cell: "E4", Author: "調達部", Paragraph: []excelize.RichTextRun{{Text: "プルダウンから選択してください。"}}}))
	for col, w := range map[string]float64{"A": 5, "B": 10, "C": 14, "D": 52, "E": 12, "F": 44, "G": 24} {
		must(f.SetColWidth(sh, col, col, w))
	}
	first, big := 5, 5
	for i, row := range outsourcingRows {
		r := first + i
		must(f.SetCellInt(sh, cell(1, r), int64(i+1)))
		if row.big != "" {
			if r-1 > big {
				must(f.MergeCell(sh, cell(2, big), cell(2, r-1)))
			}
			must(f.SetCellStr(sh, cell(2, r), row.big))
			big = r
		}
		if row.mid != "" {
			must(f.SetCellStr(sh, cell(3, r), row.mid))
		}
		must(f.SetCellStr(sh, cell(4, r), row.text))
		must(f.SetCellStyle(sh, cell(1, r), cell(7, r), body))
		// A follow-up's answer is written out; the others pick a value.
		if !strings.HasPrefix(row.text, "上記") && !strings.HasPrefix(row.text, "「はい」") {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = cell(5, r)
			dv.SetSqrefDropList("リスト!$A$1:$A$3")
			must(f.AddDataValidation(sh, dv))
		}
		add("OUT", i+1, row.text, row.want)
	}
	last := first + len(outsourcingRows) - 1
	must(f.MergeCell(sh, cell(2, big), cell(2, last)))
	// The customer's own note in its column stays as it is.
	must(f.SetCellStr(sh, cell(7, first+2), "契約書の条項を確認済み"))
	must(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 4, TopLeftCell: "A5", ActivePane: "bottomLeft"}))
	must(fixedProps(f, "委託先セキュリティ確認シート"))
	f.SetActiveSheet(1)
	return f.SaveAs(path)
}

// hiddenList writes values down column A of a new hidden sheet, the list
// a dropdown refers to.
func hiddenList(f *excelize.File, name string, values ...string) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	for i, v := range values {
		if err := f.SetCellStr(name, cell(1, i+1), v); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(name, false)
}

func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "808080", Style: 1})
	}
	return b
}
