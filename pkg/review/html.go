package review

import (
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/qfill/qfill/pkg/match"
)

// WriteHTML writes the report as one self-contained HTML page (no external
// assets; it opens offline): summary counts per file and a table per file
// with row, section, question, answer written or suggested, entry id,
// confidence bar, status and runners-up. A reviewer filters it by status.
// Labels are in Japanese and English.
func (r *Report) WriteHTML(w io.Writer) error {
	return page.Execute(w, r)
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct":   func(f float64) int { return int(math.Round(f * 100)) },
	"trace": match.FormatTrace,
	"lines": func(s string) []string {
		return strings.Split(s, "\n")
	},
}).Parse(`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>qfill report / 回答レポート</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",Meiryo,sans-serif;margin:1.5rem;color:#1f2328;background:#fff}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:2rem 0 .4rem}
.muted{color:#656d76;font-size:.85rem}
.cards{display:flex;gap:.6rem;flex-wrap:wrap;margin:.6rem 0}
.card{border:1px solid #d0d7de;border-radius:6px;padding:.4rem .8rem;min-width:6rem}
.card b{display:block;font-size:1.3rem}
.filled{border-left:5px solid #2da44e}.review{border-left:5px solid #d4a72c}.unanswered{border-left:5px solid #8c959f}.kept{border-left:5px solid #0969da}.error{border-left:5px solid #cf222e}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin-top:.4rem}
th,td{border-bottom:1px solid #d8dee4;padding:.35rem .4rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}
td.q{max-width:28rem}td.a{max-width:28rem;white-space:pre-wrap}
.badge{display:inline-block;border-radius:1rem;padding:0 .5rem;font-size:.75rem;color:#fff}
.b-filled{background:#2da44e}.b-review{background:#bf8700}.b-unanswered{background:#6e7781}.b-kept{background:#0969da}
.bar{background:#eaeef2;border-radius:3px;width:5rem;height:.55rem;display:inline-block;vertical-align:middle}
.bar i{display:block;height:100%;border-radius:3px;background:#2da44e}
.bar.low i{background:#d4a72c}
.filters button{border:1px solid #d0d7de;background:#f6f8fa;border-radius:6px;padding:.2rem .7rem;margin-right:.3rem;cursor:pointer}
.filters button.on{background:#0969da;color:#fff;border-color:#0969da}
.err{color:#cf222e}
</style>
</head>
<body>
<h1>qfill 回答レポート / Fill report</h1>
<div class="muted">{{if .Corpus}}corpus: {{.Corpus}}{{end}}</div>
<div class="filters" role="group" aria-label="filter">
 <span class="muted">表示 / Show:</span>
 <button data-f="all" class="on">すべて / All</button>
 <button data-f="review">要確認 / Review</button>
 <button data-f="unanswered">未回答 / Unanswered</button>
 <button data-f="filled">回答済 / Filled</button>
 <button data-f="kept">既存 / Kept</button>
</div>
{{range .Files}}
<h2>{{.Input}}</h2>
{{if .Error}}<p class="err">エラー / Error: {{.Error}}</p>{{else}}<div class="muted">→ {{.Output}}</div>{{end}}
<div class="cards">
 <div class="card"><span class="muted">質問 / Questions</span><b>{{.Counts.Questions}}</b></div>
 <div class="card filled"><span class="muted">回答済 / Filled</span><b>{{.Counts.Filled}}</b></div>
 <div class="card review"><span class="muted">要確認 / Review</span><b>{{.Counts.Review}}</b></div>
 <div class="card unanswered"><span class="muted">未回答 / Unanswered</span><b>{{.Counts.Unanswered}}</b></div>
 <div class="card kept"><span class="muted">既存 / Kept</span><b>{{.Counts.Kept}}</b></div>
</div>
{{if .Items}}
<table>
<thead><tr><th>シート / Sheet</th><th>行 / Row</th><th>区分 / Section</th><th>質問 / Question</th><th>回答（記入・提案）/ Answer</th><th>ID</th><th>確信度 / Confidence</th><th>状態 / Status</th><th>次点 / Runners-up</th></tr></thead>
<tbody>
{{range .Items}}<tr data-s="{{.Status}}">
<td>{{.Sheet}}</td><td>{{.Row}}<br><span class="muted">{{.AnswerCell}}</span></td><td>{{.Section}}</td>
<td class="q">{{.Question}}{{if .Asked}}<br><span class="muted">→ {{.Asked}}</span>{{end}}</td>
<td class="a">{{if .Choice}}<b>{{.Choice}}</b>
{{end}}{{if .Answer}}{{.Answer}}{{else}}{{.Existing}}{{end}}{{if .Reason}}
<span class="muted">{{.Reason}}</span>{{end}}</td>
<td>{{.EntryID}}</td>
<td>{{if .EntryID}}<span class="bar{{if lt .Confidence $.Threshold}} low{{end}}"><i style="width:{{pct .Confidence}}%"></i></span> {{printf "%.2f" .Confidence}}{{if .Probability}} <span class="muted" title="測定したセットで、この信頼度の回答が正解だった割合 / share of measured answers at this confidence that were right">≈{{pct .Probability}}%</span>{{end}}{{if .Trace}}<br><span class="muted trace">{{trace .Trace}}</span>{{end}}{{end}}</td>
<td><span class="badge b-{{.Status}}">{{.Status}}</span></td>
<td>{{range .RunnersUp}}{{.EntryID}} ({{printf "%.2f" .Score}})<br>{{end}}</td>
</tr>
{{end}}</tbody></table>
{{end}}
{{end}}
<script>
document.querySelectorAll('.filters button').forEach(function(b){
  b.addEventListener('click',function(){
    document.querySelectorAll('.filters button').forEach(function(x){x.classList.remove('on')});
    b.classList.add('on');
    var f=b.getAttribute('data-f');
    document.querySelectorAll('tbody tr').forEach(function(tr){
      tr.style.display=(f==='all'||tr.getAttribute('data-s')===f)?'':'none';
    });
  });
});
</script>
</body>
</html>
`))
