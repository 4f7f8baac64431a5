// The report as one self-contained HTML document: inline style, no script, no external asset.
// Chromium prints it to PDF, and `madang report -f html` writes it to a file that opens anywhere.
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { TEMPLATE, type ReportModel } from '../report-model.ts';
import { ReportBody } from './report-body.tsx';

// Kept free of quotes and angle brackets: it is printed as it is inside <style>.
const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
html { font-family: Pretendard, Noto Sans, Noto Sans CJK KR, Malgun Gothic, Arial, sans-serif; font-size: 10.5pt; line-height: 1.5; color: #1e2124; }
body { margin: 0; }
h1 { font-size: 20pt; line-height: 1.25; margin: 0 0 8pt; color: #052b57; }
h2 { font-size: 14pt; margin: 20pt 0 6pt; color: #063a74; border-bottom: 1.5pt solid #063a74; padding-bottom: 2pt; break-after: avoid; }
h3 { font-size: 12pt; margin: 14pt 0 4pt; color: #063a74; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 10pt 0 3pt; break-after: avoid; }
p { margin: 0 0 6pt; }
ul, ol { margin: 0 0 6pt; padding-left: 16pt; }
a { color: inherit; text-decoration: none; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 9.5pt; }
th, td { border: 0.75pt solid #8a949e; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
tr { break-inside: avoid; }
td.reached { background: #eaf6ec; font-weight: bold; }
dl.facts, dl.contact { margin: 0 0 8pt; }
dl div { display: flex; gap: 8pt; border-bottom: 0.5pt solid #d6dade; padding: 2pt 0; }
dt { font-weight: bold; flex: 0 0 38%; }
dd { margin: 0; flex: 1; }
.krds-badge { font-weight: bold; }
.level-completed { color: #1a6a2c; } .level-substantial { color: #0b5fa0; } .level-limited { color: #8a5e00; } .level-not_started, .level-unknown { color: #464c53; }
.report-commitment { break-before: page; }
h4.template-part { font-size: 11.5pt; color: #063a74; border-bottom: 0.75pt solid #b1b8be; padding-bottom: 1pt; }
.report-summary { border-left: 3pt solid #063a74; padding: 4pt 8pt; background: #f4f7fb; }
.cover { margin-bottom: 14pt; } .cover .meta { color: #464c53; }
.report-comments { list-style: none; padding-left: 0; } .report-comment { border-top: 0.5pt solid #d6dade; padding-top: 4pt; break-inside: avoid; }
.comment-response { border-left: 2pt solid #063a74; padding-left: 6pt; margin-top: 4pt; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export function ReportPrint({ model }: { model: ReportModel }) {
  return (
    <>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{model.title}</title>
          <style>{PRINT_CSS}</style>
        </head>
        <body>
          <header class="cover">
            <h1 safe>{model.title}</h1>
            {model.author ? <p class="meta" safe>{model.author}</p> : ''}
            <p class="meta" safe>{`${TEMPLATE.generated} ${formatDateTime('en', model.generated_at)} (KST).`}</p>
          </header>
          <main>
            <ReportBody model={model} />
          </main>
        </body>
      </html>
    </>
  );
}

/** The printable document as a string, with its doctype. */
export async function renderPrintableHtml(model: ReportModel): Promise<string> {
  return `<!doctype html>${await (<ReportPrint model={model} />)}`;
}
