// Hover: on an id (definition or reference) what the program knows about the
// entity — name, kind, dates, float, slip, owner, dependents, risks and why it
// lands on its date; on a key, the schema's description of it.
import { MarkupKind } from 'vscode-languageserver-types';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { ProgramAnalysis } from '../program/analyze.js';
import { formatDate } from '../program/dates.js';
import type { ForecastState } from '../program/forecast/forecast.js';
import { dependentsOf, risksAffecting, symbolAt } from '../program/lookup.js';
import { milestoneState, milestoneStateWords } from '../program/milestone-state.js';
import { KIND_LABEL } from '../program/resolve.js';
import { riskBand, riskScore } from '../program/rules.js';
import { drivingChain } from '../program/schedule.js';
import type { ItemSchedule } from '../program/schedule.js';
import { childSchema, describe, enumValues, schemaAtPath } from '../program/schema-nav.js';
import type { Entity } from '../program/types.js';
import { baselineHoverLines, changeHoverLines } from './baseline.js';
import { fileOf, offsetIn, rangeIn } from './context.js';
import type { FeatureContext } from './context.js';
import {
  bufferIndex, bufferRange, code, escapeMarkdown, plural, recordsOf, scheduleOf,
} from './feature-util.js';
import { keyAt } from './yaml-context.js';

const MAX_CHAIN = 12;
const MAX_RISKS = 5;

export function provideHover(ctx: FeatureContext, position: Position): Hover | null {
  try {
    return idHover(ctx, position) ?? keyHover(ctx, position);
  } catch {
    return null;
  }
}

function idHover(ctx: FeatureContext, position: Position): Hover | null {
  const analysis = ctx.analysis;
  if (!analysis) return null;
  const sym = symbolAt(analysis.model, ctx.uri, offsetIn(ctx, position));
  if (!sym) return null;
  const range = rangeIn(ctx, ctx.uri, sym.span);
  if (!sym.entity) {
    const expected = sym.reference ? ` (a ${sym.reference.expected.map((k) => KIND_LABEL[k]).join(', ')} is expected here)` : '';
    return { contents: { kind: MarkupKind.Markdown, value: `${code(sym.id)}: unknown id${expected}.` }, range };
  }
  const lines = [...entityMarkdown(analysis, sym.entity), ...baselineHoverLines(ctx.baseline, sym.entity), ...changeHoverLines(analysis, sym.entity)];
  if (sym.entity.kind === 'milestone') {
    const forecast = forecastLine(ctx.forecast, sym.entity.id);
    if (forecast) lines.splice(1, 0, forecast);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range };
}

/** The hover text of an entity, one paragraph per entry. */
export function entityMarkdown(analysis: ProgramAnalysis, e: Entity): string[] {
  const model = analysis.model;
  const rec = recordsOf(model);
  const out: string[] = [];
  out.push(`**${escapeMarkdown(e.name ?? e.id)}** · ${KIND_LABEL[e.kind]} ${code(e.id)}`);
  const item = scheduleOf(analysis, e);
  if (item) out.push(...scheduleLines(item), ...resourceLines(item));

  const facts: string[] = [];
  const task = rec.tasks.get(e);
  if (task) {
    if (task.workstreamId) facts.push(`Workstream: ${code(task.workstreamId)}`);
    if (task.assignees.length > 0) facts.push(`Assignees: ${task.assignees.map((a) => personName(analysis, a)).join(', ')}`);
    if (task.needs) facts.push(`Needs: ${task.needs.map((nd) => `${nd.units} × ${code(nd.pool)}`).join(', ')}`);
    if (task.priority !== undefined) facts.push(`Priority: ${task.priority}`);
    if (task.status) facts.push(`Status: ${task.status}${task.progress !== undefined ? ` (${task.progress}%)` : ''}`);
    else if (task.progress !== undefined) facts.push(`Progress: ${task.progress}%`);
  }
  const milestone = rec.milestones.get(e);
  if (milestone?.owner) facts.push(`Owner: ${personName(analysis, milestone.owner)}`);
  const ws = rec.workstreams.get(e);
  if (ws) {
    if (ws.owner) facts.push(`Owner: ${personName(analysis, ws.owner)}`);
    facts.push(plural(ws.taskIds.length, 'task'));
  }
  const risk = rec.risks.get(e);
  if (risk) {
    const score = riskScore(risk);
    if (score !== undefined) facts.push(`Score ${score} (${riskBand(score)}): probability ${risk.probability} × impact ${risk.impact}`);
    facts.push(`Status: ${risk.status ?? 'open'}`);
    if (risk.owner) facts.push(`Owner: ${personName(analysis, risk.owner)}`);
    if (risk.mitigation) facts.push(`Mitigation: ${escapeMarkdown(risk.mitigation)}`);
    if (risk.affects.length > 0) facts.push(`Affects: ${risk.affects.map(code).join(', ')}`);
  }
  const person = rec.people.get(e);
  if (person) {
    if (person.team) facts.push(`Team: ${code(person.team)}`);
    if (person.capacity !== 1) facts.push(`Capacity: ${person.capacity}`);
  }
  if (e.kind === 'pool') {
    const pool = model.pools?.find((p) => p.entity === e);
    const users = model.tasks.filter((t) => t.needs?.some((nd) => nd.pool === e.id)).map((t) => t.id);
    if (pool) facts.push(`Units: ${pool.units} a working day`);
    facts.push(users.length === 0 ? 'No task needs it.' : `Needed by ${plural(users.length, 'task')}: ${users.slice(0, 10).map(code).join(', ')}${users.length > 10 ? ', …' : ''}`);
  }
  if (facts.length > 0) out.push(facts.join('  \n'));

  if (e.kind === 'task' || e.kind === 'milestone' || e.kind === 'workstream') {
    const dependents = dependentsOf(model, e);
    const ids = [...new Set(dependents.map((d) => d.from.id))];
    out.push(ids.length === 0 ? 'Nothing depends on it.' : `${plural(ids.length, 'item depends', 'items depend')} on it: ${ids.slice(0, 10).map(code).join(', ')}${ids.length > 10 ? ', …' : ''}`);
    const risks = risksAffecting(model, e);
    if (risks.length > 0) {
      const lines = risks.slice(0, MAX_RISKS).map((r) => {
        const rr = rec.risks.get(r);
        const score = rr ? riskScore(rr) : undefined;
        const s = score !== undefined ? ` — score ${score} (${riskBand(score)})` : '';
        return `- ${code(r.id)} ${escapeMarkdown(r.name ?? '')}${s}`;
      });
      if (risks.length > MAX_RISKS) lines.push(`- … and ${risks.length - MAX_RISKS} more`);
      out.push(`Risks:\n${lines.join('\n')}`);
    }
    if (item && item.start !== null) {
      const why = whyThisDate(analysis, e.id);
      if (why) out.push(`**Why this date:** ${why}`);
    }
  }
  return out;
}

/** A milestone's line from the Monte Carlo forecast: P50, P80 and the chance of meeting its target. */
export function forecastLine(state: ForecastState | undefined, id: string): string | undefined {
  if (!state || state.state === 'none') return undefined;
  if (state.state === 'running') return '_Forecast: running…_';
  const m = state.result.milestones.find((x) => x.id === id);
  if (!m || m.p50 === null || m.p80 === null || m.onTimeProbability === null) return undefined;
  const onTime = `${Math.round(m.onTimeProbability * 100)}%`;
  return `**Forecast** (${state.result.iterations.toLocaleString('en-US')} iterations): P50 ${formatDate(m.p50)} · P80 ${formatDate(m.p80)} · `
    + `${onTime} chance of meeting the target ${formatDate(m.target)}`;
}

function scheduleLines(item: ItemSchedule): string[] {
  if (item.start === null || item.end === null) return [item.kind === 'milestone' ? 'No forecast: it is in a dependency cycle.' : 'No dates: it is in a dependency cycle.'];
  const parts: string[] = [];
  if (item.kind === 'milestone') {
    const state = milestoneState(item);
    const words = milestoneStateWords(state, item.slip);
    if (state === 'fixed') parts.push(`Fixed on ${formatDate(item.end)}`);
    else parts.push(`Forecast ${formatDate(item.end)}`);
    if (item.target !== null) parts.push(`target ${formatDate(item.target)}`);
    if (state !== 'fixed') parts.push(state === 'slipping' ? `**${words}**` : words);
  } else {
    parts.push(`${formatDate(item.start)} → ${formatDate(item.end)}`);
    if (item.durationDays !== null) parts.push(plural(item.durationDays, 'working day'));
  }
  if (item.totalFloat !== null) parts.push(`float ${item.totalFloat}`);
  if (item.critical) parts.push('**critical**');
  return [parts.join(' · ')];
}

/** Why a task ends when it does beyond its dependencies: pauses over leave, and levelling. */
function resourceLines(item: ItemSchedule): string[] {
  const out: string[] = [];
  for (const p of item.pauses) {
    const who = p.people.map(code).join(', ');
    const range = p.from === p.to ? formatDate(p.from) : `${formatDate(p.from)}..${formatDate(p.to)}`;
    out.push(`Paused ${plural(p.days, 'day')}: ${who} on leave ${range}`);
  }
  if (item.levellingDelay) {
    const held = item.heldBy.map((h) => `${code(h.resource)} held by ${code(h.task)}`).join(', ');
    out.push(`**Delayed ${plural(item.levellingDelay, 'working day')} by levelling**${held ? `: ${held}` : ''}`);
  }
  return out;
}

/** `arch → api (FS) → web-app (SS +3d)`, with what set the first item's date. */
export function whyThisDate(analysis: ProgramAnalysis, id: string): string {
  let chain = drivingChain(analysis.schedule, id);
  if (chain.length === 0) return '';
  const first = chain[0] as ItemSchedule;
  const origin = {
    'program-start': 'starts with the program',
    'start-constraint': 'its `start` date',
    actual: 'its actual dates',
    'fixed-date': 'its fixed date',
    'status-date': 'not started by the status date',
    leave: 'waits for its assignees to come back from leave',
    none: '',
    dependency: '',
  }[first.driver.kind];
  let elided = false;
  if (chain.length > MAX_CHAIN) {
    chain = [first, ...chain.slice(-(MAX_CHAIN - 1))];
    elided = true;
  }
  const parts = chain.map((it, i) => {
    const label = code(it.id);
    if (i === 0 || it.driver.kind !== 'dependency') return label;
    const lag = it.driver.lagDays ? ` +${it.driver.lagDays}d` : '';
    return `${label} (${it.driver.type}${lag})`;
  });
  if (elided) parts.splice(1, 0, '…');
  const text = parts.join(' → ');
  return origin ? `${text} — ${code(first.id)}: ${origin}` : text;
}

function personName(analysis: ProgramAnalysis, id: string): string {
  const defs = analysis.model.definitions.get(id);
  const p = defs?.find((d) => d.kind === 'person');
  return p?.name ? `${escapeMarkdown(p.name)} (${code(id)})` : code(id);
}

function keyHover(ctx: FeatureContext, position: Position): Hover | null {
  const index = bufferIndex(ctx);
  const k = keyAt(ctx.text, index.offsetAt(position));
  if (!k) return null;
  const file = fileOf(ctx, ctx.uri);
  const isRoot = file && file.text === ctx.text ? file.isRoot : /^program[ \t]*:/m.test(ctx.text);
  const node = childSchema(schemaAtPath(isRoot, k.path), k.key);
  const description = describe(node);
  if (!node || !description) return null;
  const values = enumValues(node);
  const lines = [`**${escapeMarkdown(k.key)}**`, description];
  if (values.length > 0) {
    lines.push(`Allowed values: ${values.map((v) => `${code(v.value)}${v.description ? ` (${escapeMarkdown(v.description)})` : ''}`).join(', ')}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: bufferRange(index, { start: k.start, end: k.end }) };
}
