// The starter file New Program writes. Pure, so a unit test can check that
// it parses with no diagnostics.

/** `Orion: Data Platform!` → `orion-data-platform`; never empty. */
export function slugify(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'program';
}

/** Ids must start with a letter. */
function idOf(slug: string): string {
  return /^[a-z]/.test(slug) ? slug : `p-${slug}`;
}

function yamlString(text: string): string {
  return JSON.stringify(text.replace(/[\r\n]+/g, ' ').trim());
}

/** The next Monday on or after `today` (UTC), YYYY-MM-DD. */
export function nextMonday(today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d.toISOString().slice(0, 10);
}

export function starterProgram(name: string, today: Date): string {
  const id = idOf(slugify(name));
  const start = nextMonday(today);
  return `# ${name.replace(/[\r\n]+/g, ' ').trim()}: one program file. Split it with \`include:\` when it grows.
version: 1
program:
  id: ${id}
  name: ${yamlString(name)}
  start: ${start}
  owner: me

calendar:
  workdays: [mon, tue, wed, thu, fri]

people:
  - id: me
    name: Program Manager

workstreams:
  - id: discovery
    name: Discovery
    owner: me
    tasks:
      - id: scope
        name: Agree scope and success criteria
        duration: 5d
        assignees: [me]
      - id: plan
        name: Plan the delivery
        duration: 3d
        depends_on: [scope]
        assignees: [me]

milestones:
  - id: kickoff-done
    name: Plan approved
    depends_on: [plan]

risks:
  - id: R-scope
    title: Scope grows during discovery
    probability: 3
    impact: 3
    owner: me
    mitigation: Keep a parking lot for phase 2 ideas.
`;
}
