import type { BroadcastRateResult } from './broadcastRate';
import type { LoadResult } from './load';
import type { NudgePlanningResult } from './nudgePlanning';

interface Results {
  when: string;
  quick: boolean;
  secondsPerLoad: number;
  database: string;
  machine: { cpus: number; model: string; loadAverage: number[]; node: string };
  whatNext: { connections: number; nextstep: LoadResult; echo: LoadResult; stateful: LoadResult }[];
  commands: { turn: string; perTurn: number; breakdown: Record<string, number> }[];
  directorySize: {
    small: number;
    large: number;
    p50Small: number;
    p50Large: number;
    ratio: number;
    speakers: number;
    rounds: number;
    staffFindMs: { small: number; large: number };
  };
  staffImport: { rows: number; seconds: number; unchangedReimport: { seconds: number; summary: { unchanged: number; created: number; changed: number } } };
  coldStart: { command: string; firstStartMs: number; readyMs: number; idleRssMb: number; productionWithSlack: { readyMs: number; idleRssMb: number } };
  broadcast: BroadcastRateResult;
  nudgePlanning: NudgePlanningResult;
}

const ms = (n: number): string => `${n.toFixed(1)} ms`;
const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');

function row(cells: string[], widths: number[]): string {
  return `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [row(header, widths), row(widths.map((w) => '-'.repeat(w)), widths), ...rows.map((r) => row(r, widths))].join('\n');
}

/** One markdown table of everything measured, with the target beside each figure. */
export function printTable(r: Results): void {
  const rows: string[][] = [];
  for (const w of r.whatNext) {
    const n = w.nextstep;
    const ratio = n.turnsPerSecond / w.stateful.turnsPerSecond;
    rows.push([
      `what next, ${w.connections} concurrent`,
      `${n.turnsPerSecond.toFixed(1)} turns/s; p50 ${ms(n.p50)}, p95 ${ms(n.p95)}, p99 ${ms(n.p99)}${n.errors + n.non2xx ? `; ${n.errors + n.non2xx} failed` : ''}`,
      `echo ${w.echo.turnsPerSecond.toFixed(1)}/s (p95 ${ms(w.echo.p95)}); stateful ${w.stateful.turnsPerSecond.toFixed(1)}/s (p95 ${ms(w.stateful.p95)})`,
      `${ratio.toFixed(2)}× stateful, ${(n.turnsPerSecond / w.echo.turnsPerSecond).toFixed(2)}× echo; p95 ${(n.p95 / w.stateful.p95).toFixed(2)}× stateful`,
      w.connections === 50 ? `≥ 1.0× stateful: ${verdict(ratio >= 1)}` : w.connections === 1 ? `p95 ≤ stateful: ${verdict(n.p95 <= w.stateful.p95)}` : '',
    ]);
  }
  for (const c of r.commands) {
    const readOnly = !/saves|anchor/.test(c.turn);
    const budget = c.turn === 'stateful anchor' ? '' : readOnly ? '≤ 3' : '≤ 4';
    const detail = Object.entries(c.breakdown).map(([name, n]) => `${n} ${name}`).join(', ');
    rows.push([`db commands: ${c.turn}`, `${c.perTurn.toFixed(1)} per turn`, detail, '', budget ? `${budget}: ${verdict(c.perTurn <= Number(budget.slice(2)))}` : '']);
  }
  const d = r.directorySize;
  rows.push([
    `what next, ${d.large} vs ${d.small} staff`,
    `p50 ${ms(d.p50Large)} vs ${ms(d.p50Small)}`,
    `median of ${d.rounds} alternating rounds, ${d.speakers} speakers spread through each directory; staff find by _id ${ms(d.staffFindMs.large)} vs ${ms(d.staffFindMs.small)}`,
    `${d.ratio.toFixed(2)}×`,
    `≤ 1.3×: ${verdict(d.ratio <= 1.3)}`,
  ]);
  const i = r.staffImport;
  rows.push([`staff import, ${i.rows} rows`, `${i.seconds.toFixed(1)} s`, `re-import unchanged: ${i.unchangedReimport.seconds.toFixed(1)} s, ${i.unchangedReimport.summary.unchanged} unchanged, ${i.unchangedReimport.summary.created + i.unchangedReimport.summary.changed} written`, '', `< 60 s: ${verdict(i.seconds < 60)}`]);
  const c = r.coldStart;
  const slack = c.productionWithSlack;
  rows.push(['cold start (compiled)', ms(c.readyMs), `\`${c.command}\`; first start on an empty database (seeds the map): ${ms(c.firstStartMs)}; production with Teams auth and Slack: ${ms(slack.readyMs)}`, '', `≤ 3 s: ${verdict(c.readyMs <= 3000 && slack.readyMs <= 3000)}`]);
  rows.push(['idle RSS (compiled)', `${c.idleRssMb.toFixed(0)} MB`, `5 s after ready; production with Teams auth and Slack: ${slack.idleRssMb.toFixed(0)} MB`, '', `≤ 150 MB: ${verdict(c.idleRssMb <= 150 && slack.idleRssMb <= 150)}`]);
  rows.push(broadcastRow(r.broadcast));
  rows.push(planningRow(r.nudgePlanning));
  process.stdout.write(
    `NextStep bench ${r.when}${r.quick ? ' (quick)' : ''}: ${r.database}; ${r.machine.cpus} CPUs (${r.machine.model}), load ${r.machine.loadAverage.map((n) => n.toFixed(1)).join(' ')}, node ${r.machine.node}; ${r.secondsPerLoad} s per load\n\n`,
  );
  process.stdout.write(`${table(['measure', 'NextStep', 'anchors / detail', 'ratio', 'target'], rows)}\n`);
}

const count = (n: number): string => n.toLocaleString('en-GB');

function broadcastRow(b: BroadcastRateResult): string[] {
  const met = b.ofLimit >= 0.98 && b.lost === 0 && b.duplicated === 0;
  return [
    `broadcast, ${count(b.recipients)} recipients${b.recipients < 10_000 ? ' (target is 10,000)' : ''}`,
    `${b.achievedPerSecond.toFixed(2)} msg/s accepted; ${b.lost} lost, ${b.duplicated} duplicated`,
    `Teams transport over HTTP to a stand-in connector limiting ${b.limitPerSecond}/s per tenant (burst ${b.connectorBurst}); 429s answered: ${b.refused429}; ${b.notSent} records not sent; drain ${b.drainSeconds.toFixed(1)} s; peak RSS ${b.peakRssMb.toFixed(0)} MB`,
    `${b.ofLimit.toFixed(3)} of limit`,
    `≥ 0.98, 0 lost, 0 dup: ${verdict(met)}`,
  ];
}

function planningRow(p: NudgePlanningResult): string[] {
  const memory = (phase: { peakRssMb: number; peakHeapMb: number }) =>
    `peak RSS ${phase.peakRssMb.toFixed(0)} MB (+${Math.max(0, phase.peakRssMb - p.rssBeforeMb).toFixed(0)}), heap ${phase.peakHeapMb.toFixed(0)} MB`;
  return [
    `nudge planning, ${count(p.staff)} staff${p.staff < 100_000 ? ' (target is 100,000)' : ''}`,
    `${(p.planning.ms / 1000).toFixed(1)} s (dry run, ${count(p.planning.planned)} planned); ${memory(p.planning)}`,
    `raw cursor scan ${(p.rawScan.ms / 1000).toFixed(1)} s (${memory(p.rawScan)}); with outbox writes ${(p.planningWithWrites.ms / 1000).toFixed(1)} s (${memory(p.planningWithWrites)}); RSS of the whole bench process before: ${p.rssBeforeMb.toFixed(0)} MB`,
    `${p.ratio.toFixed(2)}× scan`,
    `≤ 2× raw scan: ${verdict(p.ratio <= 2)}`,
  ];
}
