import { createRecogniser } from './index';
(async () => {
  const t0 = Date.now();
  const r = await createRecogniser();
  console.log('train ms', Date.now() - t0);
  const ref = new Date('2026-03-18T10:00:00Z');
  const lines = process.argv.slice(2).length ? process.argv.slice(2) : [
    'wat can i do nxt', 'shwo me npqs', 'CPD PROGRESS', 'I did a 2-day course on phonics', 'log 3 hours of safeguarding training yesterday',
    'how do I become a head of department?', 'tell me more about NPQH', 'what is Chartered Teacher?', 'details of the SENCO NPQ',
    'save NPQSL to my plan', 'add the coaching programme to my plan', 'change my manager to x@y.org', 'anything trust-wide?', 'courses for TAs',
    'ta very much', 'what\'s the weather', 'order a pizza', '', '   ', 'x'.repeat(900), 'I\'m now a middle leader', 'next steps for an HLTA',
    'log half a day of first aid on 12/03/2026', 'I went on a course last Tuesday',
  ];
  for (const l of lines) {
    const t = process.hrtime.bigint();
    const res = await r.recognise(l, { referenceDate: ref });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(ms.toFixed(2), JSON.stringify({ ...res, text: res.text.slice(0, 60) }));
  }
})();
