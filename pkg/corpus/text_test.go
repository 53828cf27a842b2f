package corpus

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// The encodings a corpus table arrives in from Excel and editors on
// Japanese machines: each must load the same entry.
func TestLoadTableEncodings(t *testing.T) {
	const body = "id,question,answer\r\nbk-1,バックアップを取得していますか,はい。①日次　②週次で取得しています（㈱ＡＢＣ）\r\n"
	enc := func(e encoding.Encoding, s string) string {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, tt := range []struct {
		name, file, data string
	}{
		{"UTF-8", "a.csv", body},
		{"UTF-8 with BOM (Excel's CSV UTF-8)", "a.csv", utf8BOM + body},
		{"Shift_JIS (Excel's CSV on Japanese Windows)", "a.csv", enc(japanese.ShiftJIS, body)},
		{"UTF-16LE with BOM (Excel's Unicode text)", "a.tsv", enc(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), strings.ReplaceAll(body, ",", "\t"))},
		{"UTF-16BE with BOM", "a.tsv", enc(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), strings.ReplaceAll(body, ",", "\t"))},
		{"YAML in Shift_JIS", "a.yaml", enc(japanese.ShiftJIS, "- id: bk-1\n  question: バックアップを取得していますか\n  answer: はい。①日次　②週次で取得しています（㈱ＡＢＣ）\n")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			es, err := LoadFile(write(t, t.TempDir(), tt.file, tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(es) != 1 || es[0].ID != "bk-1" || es[0].Question != "バックアップを取得していますか" || es[0].Answer != "はい。①日次　②週次で取得しています（㈱ＡＢＣ）" {
				t.Fatalf("got %+v", es)
			}
		})
	}
}

func TestLoadTableNotText(t *testing.T) {
	// Windows-1252 (a Western Excel's CSV): "café," is neither UTF-8 nor
	// Shift_JIS, where 0xE9 must be followed by a second byte of 0x40 or
	// more.
	p := write(t, t.TempDir(), "bad.csv", "id,question,answer\n1,caf\xe9,x\n")
	_, err := LoadFile(p)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "bad.csv: not UTF-8 or Shift_JIS text") {
		t.Fatalf("got %v, want one line naming the file and the encodings", err)
	}
}

func TestSynonymsShiftJIS(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", "- id: a\n  question: q\n  answer: x\n")
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte("console: 管理画面, 管理コンソール\n"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "synonyms.txt", string(b))
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Synonyms, "管理コンソール") {
		t.Fatalf("synonyms %q, want the Shift_JIS file read", c.Synonyms)
	}
}

// A CSV qfill writes opens in Excel as UTF-8 (it starts with a byte-order
// mark) and loads back the same.
func TestEncodeCSVForExcel(t *testing.T) {
	es := []*Entry{{ID: "bk-1", Question: "バックアップを取得していますか", Answer: "はい", Choice: ChoiceYes}}
	p := filepath.Join(t.TempDir(), "out.csv")
	data, err := Encode(p, es)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte(utf8BOM+"id,")) {
		t.Fatalf("CSV starts %q, want a byte-order mark before the header", data[:min(len(data), 8)])
	}
	back, err := LoadFile(write(t, filepath.Dir(p), "out.csv", string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 1 || back[0].ID != "bk-1" || back[0].Question != es[0].Question || back[0].Choice != ChoiceYes {
		t.Fatalf("loaded back %+v", back)
	}
}

// A list kept in Excel by a Japanese team: a full-width No. column and
// 質問内容 / 回答内容 headers.
func TestTableJapaneseHeaders(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Ｎｏ．", "カテゴリ", "質問内容", "回答内容", "備考"})
	f.SetSheetRow("Sheet1", "A2", &[]any{1, "運用", "バックアップを取得していますか", "はい", "日次"})
	f.SetSheetRow("Sheet1", "A3", &[]any{2, "運用", "ログを保管していますか", "はい", ""})
	if err := f.SaveAs(filepath.Join(dir, "list.xlsx")); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if e := c.ByID("list-Sheet1-1"); e == nil || e.Question != "バックアップを取得していますか" || e.Answer != "はい" || e.Remarks != "日次" || e.Section != "運用" {
		t.Fatalf("entry 1 = %+v", e)
	}
	if c.ByID("list-Sheet1-2") == nil {
		t.Fatal("entry list-Sheet1-2 missing")
	}
	// Row numbers beside the ids: the ids are the ids.
	es, err := LoadFile(write(t, dir, "ids.csv", "No.,ID,質問,回答\n1,bk-1,q,a\n"))
	if err != nil || len(es) != 1 || es[0].ID != "bk-1" {
		t.Fatalf("got %+v, %v; want the ID column's id", es, err)
	}
	es, err = LoadFile(write(t, dir, "ids2.csv", "ID,No.,質問,回答\n bk-1,1,q,a\n"))
	if err != nil || len(es) != 1 || es[0].ID != "bk-1" {
		t.Fatalf("got %+v, %v; want the ID column's id", es, err)
	}
}

// A title and a date above the header, as a list kept in Excel has them.
func TestTableTitleAboveHeader(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "自社回答集（2026年版）")
	f.SetCellStr("Sheet1", "D2", "更新：2026/04/01")
	f.SetSheetRow("Sheet1", "A4", &[]any{"No.", "質問", "回答", "備考"})
	f.SetSheetRow("Sheet1", "A5", &[]any{1, "バックアップを取得していますか", "はい", ""})
	if err := f.SaveAs(filepath.Join(dir, "list.xlsx")); err != nil {
		t.Fatal(err)
	}
	es, err := LoadFile(filepath.Join(dir, "list.xlsx"))
	if err != nil || len(es) != 1 || es[0].ID != "list-Sheet1-1" || es[0].Line != 5 {
		t.Fatalf("got %+v, %v; want entry 1 from row 5", es, err)
	}
	// Without a header among the top rows the error names the first.
	_, err = LoadFile(write(t, dir, "none.csv", "回答集\nNo.,内容\n1,x\n"))
	if err == nil || !strings.Contains(err.Error(), "none.csv:1: header has no \"question\" column") {
		t.Fatalf("got %v", err)
	}
}

// A list without ids: each entry is named by its file and line.
func TestTableWithoutIDs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "answers.csv", "質問,回答\nバックアップを取得していますか,はい\n\nログを保管していますか,1年間保管しています\n")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "回答集")
	f.SetSheetRow("Sheet1", "A3", &[]any{"質問内容", "回答内容"})
	f.SetSheetRow("Sheet1", "A4", &[]any{"多要素認証に対応していますか", "はい"})
	if err := f.SaveAs(filepath.Join(dir, "list.xlsx")); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := entryIDs(c.Entries); got != "answers-2,answers-4,list-Sheet1-4" {
		t.Fatalf("ids %s, want answers-2,answers-4,list-Sheet1-4", got)
	}
	// A row added in Excel with its id left blank.
	es, err := LoadFile(write(t, dir, "ids.csv", "id,question,answer\nbk-1,q1,a1\n,q2,a2\n"))
	if err != nil || len(es) != 2 || es[1].ID != "ids-3" {
		t.Fatalf("got %+v, %v; want the blank id named ids-3", es, err)
	}
}

// An answer book with a cover and a sheet per topic: every table is read,
// and an error in any of them is reported, not passed over.
func TestTableSheets(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "回答集の使い方: 各シートに質問と回答を記入します。")
	for _, s := range []string{"物理", "運用"} {
		if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
		f.SetSheetRow(s, "A1", &[]any{"質問", "回答"})
	}
	f.SetSheetRow("物理", "A2", &[]any{"入退室を管理していますか", "はい"})
	f.SetSheetRow("運用", "A2", &[]any{"バックアップを取得していますか", "はい"})
	p := filepath.Join(dir, "回答集.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	es, err := LoadFile(p)
	if err != nil || len(es) != 2 || es[0].ID != "回答集-物理-2" || es[1].ID != "回答集-運用-2" {
		t.Fatalf("got %+v, %v; want one entry from each topic sheet", es, err)
	}
	f.SetSheetRow("運用", "A3", &[]any{"ログを保管していますか", ""})
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "[運用]:3") {
		t.Fatalf("got %v, want the unanswered row of 運用 named", err)
	}
}

// TSV as Excel and LibreOffice write it quotes a field with a line break
// or a quote mark; a quote mark anywhere else is a character.
func TestSplitTSV(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		rows     [][]string
		lines    []int
	}{
		{"plain", "a\tb\nc\td\n", [][]string{{"a", "b"}, {"c", "d"}}, []int{1, 2}},
		{"CRLF, no last line break", "a\tb\r\nc\td", [][]string{{"a", "b"}, {"c", "d"}}, []int{1, 2}},
		{"a quoted answer over lines", "id\tanswer\r\nq1\t\"・毎日\n・30世代\"\r\nq2\tx\r\n", [][]string{{"id", "answer"}, {"q1", "・毎日\n・30世代"}, {"q2", "x"}}, []int{1, 2, 4}},
		{"doubled quote marks", "q1\t\"He said \"\"yes\"\"\"\tz\n", [][]string{{"q1", `He said "yes"`, "z"}}, []int{1}},
		{"a quote mark as a character", "t-1\t\"quoted\" question\tA2\n", [][]string{{"t-1", `"quoted" question`, "A2"}}, []int{1}},
		{"never closed", "a\t\"open\nb\tc\n", [][]string{{"a", `"open`}, {"b", "c"}}, []int{1, 2}},
		{"blank line", "a\n\nb\n", [][]string{{"a"}, {""}, {"b"}}, []int{1, 2, 3}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows, lines := splitTSV(tt.in)
			if fmt.Sprintf("%q %v", rows, lines) != fmt.Sprintf("%q %v", tt.rows, tt.lines) {
				t.Errorf("got %q %v, want %q %v", rows, lines, tt.rows, tt.lines)
			}
		})
	}
}

// Excel's "Unicode text": UTF-16, tabs, CRLF, and a multi-line answer
// quoted over two lines.
func TestLoadExcelUnicodeText(t *testing.T) {
	body := "質問\t回答\r\nバックアップを取得していますか\t\"はい。\n・毎日、30世代\"\r\nログを保管していますか\t1年間保管しています\r\n"
	data, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	es, err := LoadFile(write(t, t.TempDir(), "answers.tsv", string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].Answer != "はい。\n・毎日、30世代" || es[1].ID != "answers-4" || es[1].Answer != "1年間保管しています" {
		t.Fatalf("got %+v", es)
	}
}

// A TSV qfill writes loads back the same: line breaks and tabs inside an
// answer, and a leading quote mark, survive.
func TestEncodeTSVRoundTrip(t *testing.T) {
	es := []*Entry{
		{ID: "bk-1", Question: `"Backups" and restores`, Answer: "はい。\n・毎日\t30世代\n・月次", Remarks: `say "yes"`},
		{ID: "bk-2", Question: "q", Answer: "a"},
	}
	p := filepath.Join(t.TempDir(), "out.tsv")
	data, err := Encode(p, es)
	if err != nil {
		t.Fatal(err)
	}
	back, err := LoadFile(write(t, filepath.Dir(p), "out.tsv", string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 2 || back[0].Question != es[0].Question || back[0].Answer != es[0].Answer || back[0].Remarks != es[0].Remarks || back[1].ID != "bk-2" || back[1].Line != 5 {
		t.Fatalf("loaded back %+v / %+v", *back[0], *back[1])
	}
}

// Dates as a Japanese team types them: 2026/4/1 in a CSV, a date cell in
// Excel (a number excelize shows as 04-01-26), 2026年4月1日.
func TestTableDates(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"質問", "回答", "更新日", "review_by"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"q", "a", time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), "2027年3月31日"})
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle("Sheet1", "C2", "C2", style)
	if err := f.SaveAs(filepath.Join(dir, "list.xlsx")); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "a.csv", "id,question,answer,updated\nx,q,a,2026/4/1\n")
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range c.Entries {
		if e.Updated != "2026-04-01" {
			t.Errorf("%s: updated %q, want 2026-04-01", e.ID, e.Updated)
		}
	}
	if e := c.ByID("list-Sheet1-2"); e == nil || e.ReviewBy != "2027-03-31" {
		t.Errorf("got %+v, want review_by 2027-03-31", e)
	}
}

// An answer book with its category merged down beside the questions, and
// one answer merged down over two questions.
func TestTableMergedDown(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"分類", "質問", "回答"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"運用", "バックアップを取得していますか", "はい。毎日取得しています"})
	f.SetSheetRow("Sheet1", "B3", &[]any{"バックアップの世代数は", ""})
	f.SetSheetRow("Sheet1", "B4", &[]any{"ログを保管していますか", "1年間保管しています"})
	for _, m := range [][2]string{{"A2", "A4"}, {"C2", "C3"}} {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "list.xlsx")); err != nil {
		t.Fatal(err)
	}
	es, err := LoadFile(filepath.Join(dir, "list.xlsx"))
	if err != nil || len(es) != 3 {
		t.Fatalf("got %v, %v", es, err)
	}
	for _, e := range es {
		if e.Section != "運用" {
			t.Errorf("%s: section %q, want 運用", e.ID, e.Section)
		}
	}
	if es[1].Answer != "はい。毎日取得しています" || es[2].Answer != "1年間保管しています" {
		t.Errorf("answers %q, %q; want the merged answer on row 3", es[1].Answer, es[2].Answer)
	}
}

// Each sheet of an answer book numbers its rows from 1: the numbers name
// the entries within their sheet, and two sheets never clash.
func TestTableNumbersPerSheet(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	for _, s := range []string{"物理", "運用"} {
		if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
		f.SetSheetRow(s, "A1", &[]any{"No.", "質問", "回答"})
		f.SetSheetRow(s, "A2", &[]any{1, s + "の質問", "はい"})
	}
	f.DeleteSheet("Sheet1")
	if err := f.SaveAs(filepath.Join(dir, "回答集.xlsx")); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.ByID("回答集-物理-1") == nil || c.ByID("回答集-運用-1") == nil {
		t.Fatalf("entries %v, want 回答集-物理-1 and 回答集-運用-1", c.Entries)
	}
}
