import { readFileSync } from 'fs';
import { createRecogniser } from './index';
(async () => {
  const file = process.argv[2] ?? 'test/fixtures/nlu/labelled.json';
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const r = await createRecogniser({ threshold: 0 });
  const rows: Array<{ text: string; exp: string; got: string; score: number }> = [];
  for (const e of data.examples) {
    const res = await r.recognise(e.text, { referenceDate: new Date('2026-03-18T12:00:00Z') });
    rows.push({ text: e.text, exp: e.intent, got: res.intent, score: res.score });
  }
  for (const t of [0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    const ok = rows.filter((x) => (x.score >= t && x.got !== 'none' ? x.got : 'none') === x.exp).length;
    const oodOk = rows.filter((x) => x.exp === 'none' && !(x.score >= t && x.got !== 'none')).length;
    console.log(t, ok, rows.length, (100 * ok / rows.length).toFixed(1), 'ood rejected', oodOk, rows.filter(x=>x.exp==='none').length);
  }
  if (process.argv[3]) for (const x of rows) if (x.got !== x.exp || x.score < 0.6) console.log(x.score.toFixed(3), x.exp, x.got, x.text);
})();
