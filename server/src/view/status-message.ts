// The Status tab's message from the host, checked before use (the webview
// draws what it is sent; anything malformed is ignored with a console warning,
// as every other message).
import type { StatusView } from './status-types.js';

/** Enough of a status view to draw without throwing. */
export function isStatusView(v: unknown): v is StatusView {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const lists = ['parts', 'milestones', 'workstreams', 'risks', 'kpis', 'stakeholders', 'raci', 'changes', 'changedSinceBaseline', 'upcoming', 'overdue'];
  return typeof o.statusDate === 'string' && typeof o.overall === 'object' && o.overall !== null && lists.every((k) => Array.isArray(o[k]))
    && typeof o.budget === 'object' && o.budget !== null && typeof o.evm === 'object' && o.evm !== null
    && typeof o.schedule === 'object' && o.schedule !== null && typeof o.locations === 'object' && o.locations !== null;
}
